package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	out, code := run(t, dir, binary, "-explain", "SL2001")
	c, _ := analyzer.LookupCheck("SL2001")
	for _, want := range []string{"SL2001: " + c.Title, "Bad:\n\n\t// every status but 200", "Good:\n\n\t// only what the API allows", "//lint:ignore SL2001 <reason>", "-checks=all,-SL2001", c.URL()} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("-explain SL2001: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	// The rule and examples, not the engine's detail: that is the page's.
	if n := strings.Count(out, "\n"); n > 80 || strings.Contains(out, "retryable-code maps") || !strings.Contains(out, "What the check follows, and what it leaves alone: "+c.URL()) {
		t.Errorf("-explain SL2001 is %d lines, or lacks the page for the detail:\n%s", n, out)
	}
	if out, code := run(t, dir, binary, "-explain=sl1001"); code != 0 || !strings.HasPrefix(out, "SL1001: raw status literal") {
		t.Errorf("-explain=sl1001: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, binary, "-explain")
	if code != 0 || strings.Count(out, "\nSL") != len(analyzer.Checks)-1 {
		t.Errorf("-explain: exit %d\n%s", code, out)
	}
	if out, code := run(t, dir, binary, "-explain", "SL3000"); code != 1 || !strings.Contains(out, `no check "SL3000"`) {
		t.Errorf("-explain SL3000: exit %d\n%s", code, out)
	}
}

// Directives and -checks work the same standalone, under go vet and under
// go fix, and fixes leave silenced lines alone.
func TestSilencingInEveryMode(t *testing.T) {
	const src = `package demo

import "net/http"

func H(w http.ResponseWriter) {
	//lint:ignore SL1001 kept on purpose
	w.WriteHeader(404)
	w.WriteHeader(400) //nolint:statuslint
	w.WriteHeader(403)
	w.WriteHeader(http.StatusTeapot)
}
`
	dir := module(t, map[string]string{"a.go": src})
	const found = "a.go:9:16: raw status code 403"
	// go vet's and go fix's runs are cold ones (each -checks is a new
	// cache key), so they run with the slow tests.
	modes := [][]string{{binary, "./..."}}
	fix := []string{binary, "-fix", "./..."}
	if testenv.Real() {
		modes = append(modes, []string{"go", "vet", "-vettool=" + binary, "./..."})
		fix = []string{"go", "fix", "-fixtool=" + binary, "./..."}
	}
	for _, args := range modes {
		out, _ := run(t, dir, args[0], args[1:]...)
		if !strings.Contains(out, found) || strings.Contains(out, "a.go:7:") || strings.Contains(out, "a.go:8:") || !strings.Contains(out, "418") {
			t.Errorf("%v:\n%s", args, out)
		}
		out, _ = run(t, dir, args[0], append(slices.Clone(args[1:len(args)-1]), "-checks=all,-SL1002", "./...")...)
		if strings.Contains(out, "418") || !strings.Contains(out, found) {
			t.Errorf("%v -checks=all,-SL1002:\n%s", args, out)
		}
	}
	if out, code := run(t, dir, binary, "-checks=all,-SL1010", "./..."); code != 1 || !strings.Contains(out, `unknown check "-SL1010"`) {
		t.Errorf("-checks=all,-SL1010: exit %d\n%s", code, out)
	}
	if out, code := run(t, dir, fix[0], fix[1:]...); code != 0 && code != 3 {
		t.Fatalf("%v: exit %d\n%s", fix, code, out)
	}
	want := strings.Replace(src, "403", "http.StatusForbidden", 1)
	if got := read(t, dir, "a.go"); got != want {
		t.Errorf("go fix changed silenced lines or missed one:\n%s", got)
	}
}
