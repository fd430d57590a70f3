package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// findingLine is a finding of the text output, go vet's or the binary's.
var findingLine = regexp.MustCompile(`^(?:\./)?(\S+\.go:\d+:\d+: .*)$`)

// findingsOf returns the findings in out, sorted, without their related
// positions (lines that start with a tab).
func findingsOf(out string) []string {
	var list []string
	for _, line := range strings.Split(out, "\n") {
		if m := findingLine.FindStringSubmatch(line); m != nil {
			list = append(list, m[1])
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}

// A .statuslint.yaml is read standalone, under go vet and go fix, the
// nearest winning for what it sets; a flag wins over it; go vet's cache
// sees an edit of it or of the table it names; a bad file is one error
// naming file and line, and changes nothing.
func TestConfigFile(t *testing.T) {
	dir := module(t, map[string]string{
		"api/a.go":                fixable,
		"api/b.go":                undocumented,
		"legacy/a.go":             fixable,
		"docs/api.md":             "| Status Code | Name |\n|---|---|\n| 200 | OK |\n| 400 | Bad Request |\n| 404 | Not Found |\n",
		".statuslint.yaml":        "# the team's table, and raw literals left for later\ncodes: docs/api.md\nchecks: [all, -SL1001]\n",
		"legacy/.statuslint.yaml": "checks: all\n",
	})
	want := []string{
		"api/b.go:5:52: status 418 (I'm a teapot) in WriteHeader is not documented by api.md: clients of the API do not expect it; write a documented status or add it to the table (SL1002)",
		"legacy/a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound (SL1001)",
		"legacy/a.go:7:82: raw status code 200 in comparison with resp.StatusCode: use http.StatusOK (SL1001)",
		"legacy/a.go:8:23: raw status code 400 in http.Error: use http.StatusBadRequest (SL1001)",
	}
	check := func(what string, got []string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	out, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("standalone: exit %d\n%s", code, out)
	}
	check("standalone ./...", findingsOf(out))
	out, _ = run(t, dir, binary, "./legacy")
	if got := findingsOf(out); len(got) != 3 {
		t.Errorf("standalone ./legacy:\n%s", out)
	}
	// A flag wins over the files.
	out, _ = run(t, dir, binary, "-checks=all", "./api")
	if !strings.Contains(out, "api/a.go:6:16: raw status code 404") {
		t.Errorf("-checks=all ./api:\n%s", out)
	}

	// go vet and go fix: each run after an edit is a cold one (the
	// tool ID changes, so go vet runs the tool on every dependency again).
	t.Run("go vet and go fix", func(t *testing.T) {
		testenv.Slow(t, "runs go vet cold four times")
		out, _ := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
		check("go vet", findingsOf(out))

		// go vet again after an edit of the file, and of its table: the
		// findings change (the tool ID covers them).
		writeFile(t, dir, ".statuslint.yaml", "codes: docs/api.md\n")
		out, _ = run(t, dir, "go", "vet", "-vettool="+binary, "./api")
		if !strings.Contains(out, "raw status code 404") {
			t.Errorf("go vet after the file's edit:\n%s", out)
		}
		writeFile(t, dir, "docs/api.md", "| Status Code | Name |\n|---|---|\n| 200 | OK |\n| 400 | Bad Request |\n| 404 | Not Found |\n| 418 | I'm a teapot |\n")
		out, _ = run(t, dir, "go", "vet", "-vettool="+binary, "./api")
		if strings.Contains(out, "not documented") || !strings.Contains(out, "raw status code 404") {
			t.Errorf("go vet after the table's edit:\n%s", out)
		}

		// go fix reads it too: with checks: [-SL1001] in legacy, nothing to
		// fix there.
		writeFile(t, dir, "legacy/.statuslint.yaml", "checks: [all, -SL1001]\n")
		out, code := run(t, dir, "go", "fix", "-fixtool="+binary, "-diff", "./legacy")
		if strings.Contains(out, "StatusNotFound") {
			t.Errorf("go fix -diff with SL1001 off: exit %d\n%s", code, out)
		}
	})

	// A bad file: one error naming it and the line, nothing changed.
	writeFile(t, dir, "legacy/.statuslint.yaml", "checks: all\ntable: docs/api.md\n")
	bad := [][]string{{binary, "-fix", "./..."}}
	if testenv.Real() {
		bad = append(bad, []string{"go", "vet", "-vettool=" + binary, "./legacy"})
	}
	for _, args := range bad {
		out, code = run(t, dir, args[0], args[1:]...)
		if code != 1 || !strings.Contains(out, ".statuslint.yaml:2: unknown setting \"table\"") || len(findingsOf(out)) > 0 {
			t.Errorf("%v with a bad file: exit %d\n%s", args, code, out)
		}
	}
	if read(t, dir, "legacy/a.go") != fixable {
		t.Error("legacy/a.go was changed")
	}
}

// -routes without an OpenAPI table is an error, not an empty listing; a
// -constants package that does not exist is a warning, and the fixes use
// net/http's constants; one the packages analyzed do not import is not.
func TestRoutesAndConstantsSaySo(t *testing.T) {
	dir := module(t, map[string]string{"a.go": fixable, "status/status.go": "package status\n\nconst NotFound = 404\n",
		"b.go": "package demo\n\nimport \"demo/status\"\n\nvar _ = status.NotFound\n"})
	out, code := run(t, dir, binary, "-routes", "./...")
	if code != 1 || !strings.Contains(out, "-routes lists the routes tied to an OpenAPI spec's operations: give the spec") {
		t.Errorf("-routes without a spec: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, binary, "-constants=demo/nosuch", ".")
	if code != 3 || !strings.Contains(out, "warning: -constants demo/nosuch: no such package, so fixes use net/http's constants") || !strings.Contains(out, "use http.StatusNotFound") {
		t.Errorf("-constants=demo/nosuch: exit %d\n%s", code, out)
	}
	out, _ = run(t, dir, binary, "-constants=demo/status", "./...")
	if strings.Contains(out, "warning") || !strings.Contains(out, "use status.NotFound") {
		t.Errorf("-constants=demo/status:\n%s", out)
	}
	// A narrow run on a package that does not import it.
	if out, _ = run(t, dir, binary, "-constants=demo/status", "./status"); strings.Contains(out, "warning") {
		t.Errorf("-constants=demo/status ./status:\n%s", out)
	}
}
