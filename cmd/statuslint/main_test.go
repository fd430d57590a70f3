package main

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// These tests build the binary and run it the three ways users do: on its
// own, under go vet and under go fix.

const fixable = `package demo

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
	if resp, err := http.Get("http://localhost/"); err == nil && resp.StatusCode == 200 {
		http.Error(w, "ok", 400)
	}
}
`

const undocumented = `package demo

import "net/http"

func Teapot(w http.ResponseWriter) { w.WriteHeader(http.StatusTeapot) }
`

const clean = `package demo

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	if resp, err := http.Get("http://localhost/"); err == nil && resp.StatusCode >= 400 {
		http.Error(w, "bad", http.StatusBadRequest)
	}
}
`

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statuslint-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "statuslint")
	// The binaries this test runs cache specs and facts in a cache of
	// their own, gone with the test: what they read is this build's
	// reading. The go command's build cache lives there too unless
	// GOCACHE says where: it stays the user's, or every go list -export,
	// go vet and go build the tests run compiles the standard library and
	// each real module's dependencies again (std alone: minutes).
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		panic("go env GOCACHE: " + err.Error())
	}
	os.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("building statuslint: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// module writes a module with the given files and returns its directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module demo\n\ngo 1.26\n"
	for name, text := range files {
		writeFile(t, dir, name, text)
	}
	return dir
}

// writeFile writes text to the file name under dir, making its directory.
func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs name with args in dir and returns its combined output and exit
// code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out), code
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestStandaloneExitCodes(t *testing.T) {
	dir := module(t, map[string]string{"a.go": clean})
	if out, code := run(t, dir, binary, "./..."); code != 0 || out != "" {
		t.Errorf("clean module: exit %d, output %q", code, out)
	}

	dir = module(t, map[string]string{"a.go": fixable, "b.go": undocumented})
	out, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("findings: exit %d, want 3\n%s", code, out)
	}
	for _, want := range []string{
		"a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound",
		"a.go:7:82: raw status code 200 in comparison with resp.StatusCode: use http.StatusOK",
		"a.go:8:23: raw status code 400 in http.Error: use http.StatusBadRequest",
		"b.go:5:52: status 418 (I'm a teapot) in WriteHeader is not documented by huaweicloud",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// -json reports through its output and exits 0 (the x/tools convention).
	if out, code = run(t, dir, binary, "-json", "./..."); code != 0 {
		t.Errorf("-json: exit %d, want 0", code)
	}
	var report map[string]map[string][]struct {
		Category, Message string
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	if diags := report["demo"]["statuslint"]; len(diags) != 4 || diags[0].Category == "" {
		t.Errorf("-json: got %+v", diags)
	}

	out, code = run(t, dir, binary, "-codes=nosuch.yaml", "./...")
	if code != 1 || !strings.Contains(out, "statuslint: reading status-code table") || strings.Contains(out, "a.go") {
		t.Errorf("bad -codes: exit %d\n%s", code, out)
	}
}

// A package that does not compile: each error once, naming its package,
// no "failed prerequisites", exit 1; the packages that compile are
// analyzed and reported, in every output mode.
func TestLoadErrorsOnce(t *testing.T) {
	dir := module(t, map[string]string{
		"a.go":      "package demo\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) { w.WriteHeader(404); undefinedThing() }\n",
		"a_test.go": "package demo\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) { alsoUndefined() }\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "ok"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok", "ok.go"), []byte("package ok\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) { w.WriteHeader(404) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, mode := range [][]string{nil, {"-json"}, {"-sarif"}} {
		out, code := run(t, dir, binary, append(mode, "./...")...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1\n%s", mode, code, out)
		}
		for _, want := range []string{
			"statuslint: demo: a.go:5:53: undefined: undefinedThing\n",
			"statuslint: demo: a_test.go:5:28: undefined: alsoUndefined\n",
		} {
			if n := strings.Count(out, want); n != 1 {
				t.Errorf("%v: %q printed %d times, want once:\n%s", mode, want, n, out)
			}
		}
		if strings.Contains(out, "prerequisites") || strings.Contains(out, "analysis skipped") {
			t.Errorf("%v: the analysis's own errors repeat the load errors:\n%s", mode, out)
		}
		finding := map[string]string{"": "ok.go:5:47: raw status code 404 in WriteHeader", "-json": `ok.go:5:47",`, "-sarif": `"uri": "ok/ok.go"`}[strings.Join(mode, "")]
		if n := strings.Count(out, finding); n != 1 {
			t.Errorf("%v: want the finding in ok/ok.go and none in the broken package:\n%s", mode, out)
		}
		// The log says the run did not go through, and why.
		if strings.Join(mode, "") == "-sarif" && (!strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, `"text": "demo: a.go:5:53: undefined: undefinedThing"`)) {
			t.Errorf("-sarif: the load error is not a tool execution notification:\n%s", out)
		}
	}
}

// What a newcomer reads: findings sorted by position, files relative to
// the working directory, each with its check ID, under go vet too; -v
// sums up; a bad flag is one line and exit 1; -h lists the flags only;
// -version and help answer.
func TestOutputAndFlags(t *testing.T) {
	dir := module(t, map[string]string{"b.go": undocumented, "a.go": fixable})
	out, code := run(t, dir, binary, "-v", "./...")
	want := "a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound (SL1001)\n" +
		"a.go:7:82: raw status code 200 in comparison with resp.StatusCode: use http.StatusOK (SL1001)\n" +
		"a.go:8:23: raw status code 400 in http.Error: use http.StatusBadRequest (SL1001)\n" +
		"b.go:5:52: status 418 (I'm a teapot) in WriteHeader is not documented by huaweicloud: clients of the API do not expect it; write a documented status or add it to the table (SL1002)\n" +
		"statuslint: 1 package analyzed, 4 findings\n"
	if code != 3 || out != want {
		t.Errorf("statuslint -v: exit %d\n%s\nwant:\n%s", code, out, want)
	}
	if out, _ := run(t, dir, "go", "vet", "-vettool="+binary, "./..."); !strings.Contains(out, "a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound (SL1001)") {
		t.Errorf("go vet: no check ID:\n%s", out)
	}
	if out, _ := run(t, dir, binary, "-json", "./..."); strings.Contains(out, "(SL1001)") {
		t.Errorf("-json has the check in its category, not in the message:\n%s", out)
	}

	out, code = run(t, dir, binary, "-nosuch", "./...")
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "-nosuch") {
		t.Errorf("bad flag: exit %d, want 1 and one line:\n%s", code, out)
	}
	// Outputs a run writes one of: asking for two is an error, not a
	// silent choice.
	for _, flags := range [][]string{{"-json", "-sarif"}, {"-fix", "-json"}, {"-diff"}} {
		out, code = run(t, dir, binary, append(flags, "./...")...)
		if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, flags[len(flags)-1]) {
			t.Errorf("%v: exit %d, want 1 and one line:\n%s", flags, code, out)
		}
	}
	out, code = run(t, dir, binary, "-h")
	if code != 0 || !strings.Contains(out, "-codes table") || strings.Contains(out, "-source") || strings.Count(out, "\n") > 60 {
		t.Errorf("-h: exit %d\n%s", code, out)
	}
	if help, _ := run(t, dir, binary, "help"); help != out {
		t.Errorf("help differs from -h:\n%s", help)
	}
	for _, flag := range []string{"-version", "-V"} {
		if out, code := run(t, dir, binary, flag); code != 0 || !strings.HasPrefix(out, "statuslint ") {
			t.Errorf("%s: exit %d\n%s", flag, code, out)
		}
	}
}

func TestStandaloneFix(t *testing.T) {
	dir := module(t, map[string]string{"a.go": fixable})
	// As go fix -diff: exit 1 while a fix is pending, 0 once none is.
	if out, code := run(t, dir, binary, "-fix", "-diff", "./..."); code != 1 || !strings.Contains(out, "+\tw.WriteHeader(http.StatusNotFound)") || read(t, dir, "a.go") != fixable {
		t.Errorf("-fix -diff: exit %d, file changed or no diff:\n%s", code, out)
	}
	run(t, dir, binary, "-fix", "./...")
	fixed := read(t, dir, "a.go")
	for _, want := range []string{"w.WriteHeader(http.StatusNotFound)", "resp.StatusCode == http.StatusOK", `http.Error(w, "ok", http.StatusBadRequest)`} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed file lacks %q:\n%s", want, fixed)
		}
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed module does not build:\n%s", out)
	}
	if out, code := run(t, dir, "gofmt", "-l", "."); out != "" || code != 0 {
		t.Errorf("fixed module is not gofmt-clean: %s", out)
	}
	if out, code := run(t, dir, binary, "./..."); code != 0 {
		t.Errorf("second run still reports (exit %d):\n%s", code, out)
	}
	if out, code := run(t, dir, binary, "-fix", "-diff", "./..."); code != 0 || out != "" {
		t.Errorf("-fix -diff with nothing to fix: exit %d\n%s", code, out)
	}
}

// A malformed table stops -fix before it touches anything.
func TestBadTableChangesNothing(t *testing.T) {
	dir := module(t, map[string]string{"a.go": fixable})
	bad := filepath.Join(dir, "codes.md")
	os.WriteFile(bad, []byte("| Status Code | Name |\n|---|---|\n| 200 | OK |\n| 200 | again |\n"), 0o644)
	out, code := run(t, dir, binary, "-fix", "-codes="+bad, "./...")
	if code != 1 || !strings.Contains(out, "codes.md:4: duplicate status code 200 (first listed on line 3)") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if read(t, dir, "a.go") != fixable {
		t.Error("a.go was changed")
	}
}

func TestGoVet(t *testing.T) {
	dir := module(t, map[string]string{"a.go": fixable, "b.go": undocumented})
	out, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code == 0 || !strings.Contains(out, "a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound") {
		t.Errorf("go vet: exit %d\n%s", code, out)
	}
	// Flags pass through: under the IANA table 418 is unused, not undocumented.
	out, _ = run(t, dir, "go", "vet", "-vettool="+binary, "-codes=iana", "./...")
	if !strings.Contains(out, "status 418 in WriteHeader is listed as unused by iana") {
		t.Errorf("go vet -codes=iana:\n%s", out)
	}
	dir = module(t, map[string]string{"a.go": clean})
	if out, code := run(t, dir, "go", "vet", "-vettool="+binary, "./..."); code != 0 {
		t.Errorf("go vet on clean code: exit %d\n%s", code, out)
	}
}

func TestGoFix(t *testing.T) {
	dir := module(t, map[string]string{"a.go": fixable, "b.go": undocumented})
	out, _ := run(t, dir, "go", "fix", "-fixtool="+binary, "-diff", "./...")
	if !strings.Contains(out, "+\tw.WriteHeader(http.StatusNotFound)") || read(t, dir, "a.go") != fixable {
		t.Errorf("go fix -diff:\n%s", out)
	}
	if out, code := run(t, dir, "go", "fix", "-fixtool="+binary, "./..."); code != 0 {
		t.Fatalf("go fix: exit %d\n%s", code, out)
	}
	if !strings.Contains(read(t, dir, "a.go"), `http.Error(w, "ok", http.StatusBadRequest)`) {
		t.Errorf("go fix did not apply fixes:\n%s", read(t, dir, "a.go"))
	}
	if read(t, dir, "b.go") != undocumented {
		t.Error("go fix changed a file with no fixable finding")
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed module does not build:\n%s", out)
	}
	// Only the undocumented status, which has no fix, is left.
	out, code := run(t, dir, binary, "./...")
	if code != 3 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "not documented") {
		t.Errorf("after go fix: exit %d\n%s", code, out)
	}
}

// The whole standard library: no panic, no error, only diagnostics.
func TestStandardLibrary(t *testing.T) {
	testenv.Slow(t, "analyzes the whole standard library")
	out, code := run(t, t.TempDir(), binary, "std")
	if code != 0 && code != 3 {
		t.Fatalf("statuslint std: exit %d\n%s", code, out)
	}
	// The whole corpus twice: the same bytes, as CI demands of a linter.
	if again, _ := run(t, t.TempDir(), binary, "std"); again != out {
		t.Errorf("a second run over std differs:\n%s", lineDiff(out, again))
	}
	// A narrow run over net/... finds there what the run over std does,
	// byte for byte.
	narrow, _ := run(t, t.TempDir(), binary, "net/...")
	if want := findingsUnder(out, "/src/net/"); narrow != want {
		t.Errorf("a run over net/... differs from the run over std's findings there:\n%s", lineDiff(want, narrow))
	}
	diag := regexp.MustCompile(`^\S+\.go:\d+:\d+: (raw status code|status \d+|invalid status|\tit reaches|\tthe same status here)`)
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" || strings.Contains(line, ": \t") {
			continue // a finding's related information
		}
		if !diag.MatchString(line) {
			t.Errorf("not a diagnostic: %s", line)
		}
		n++
	}
	t.Logf("%d diagnostics in the standard library", n)
}

// findingsUnder returns the findings of out, each with the lines of
// related information that follow it, whose file's path contains dir.
func findingsUnder(out, dir string) string {
	var b strings.Builder
	keep := false
	for _, line := range strings.SplitAfter(out, "\n") {
		if !strings.Contains(line, ": \t") {
			file, _, _ := strings.Cut(line, ":")
			keep = strings.Contains(filepath.ToSlash(file), dir)
		}
		if keep {
			b.WriteString(line)
		}
	}
	return b.String()
}

func TestSARIF(t *testing.T) {
	// The test file makes a test variant of the package, which sees the
	// same findings; each is reported once.
	dir := module(t, map[string]string{"a.go": fixable, "b.go": undocumented, "a_test.go": "package demo\n"})
	out, code := run(t, dir, binary, "-sarif", "./...")
	if code != 3 {
		t.Fatalf("-sarif: exit %d\n%s", code, out)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "statuslint" || len(log.Runs[0].Tool.Driver.Rules) != len(analyzer.Checks) {
		t.Fatalf("bad SARIF log: %+v", log)
	}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if c, _ := analyzer.LookupCheck(r.ID); r.HelpURI != c.URL() || r.HelpURI == "" {
			t.Errorf("rule %s: helpUri %q, want %q", r.ID, r.HelpURI, c.URL())
		}
	}
	results := log.Runs[0].Results
	if len(results) != 4 {
		t.Fatalf("%d results, want 4: %+v", len(results), results)
	}
	found := false
	for _, r := range results {
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID == "SL1001" && loc.ArtifactLocation.URI == "a.go" && loc.Region.StartLine == 6 && loc.Region.StartColumn == 16 &&
			r.Message.Text == "raw status code 404 in WriteHeader: use http.StatusNotFound" {
			found = true
		}
	}
	if !found {
		t.Errorf("no SL1001 result at a.go:6:16: %+v", results)
	}

	// What code scanning's upload needs: every path relative to the
	// module root under %SRCROOT%, which the log maps to it, whatever
	// the working directory; a run that went through.
	var upload struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Invocations        []struct{ ExecutionSuccessful bool }
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
					}
				}
			}
		}
	}
	sub := filepath.Join(dir, "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, wd := range []string{dir, sub} {
		out, _ := run(t, wd, binary, "-sarif", dir+"/...")
		if err := json.Unmarshal([]byte(out), &upload); err != nil || len(upload.Runs) != 1 {
			t.Fatalf("from %s: not a SARIF log: %v\n%s", wd, err, out)
		}
		r := upload.Runs[0]
		if base := r.OriginalURIBaseIDs["%SRCROOT%"].URI; base != "file://"+filepath.ToSlash(dir)+"/" {
			t.Errorf("from %s: %%SRCROOT%% is %q, want the module root %s", wd, base, dir)
		}
		if len(r.Invocations) != 1 || !r.Invocations[0].ExecutionSuccessful {
			t.Errorf("from %s: invocations %+v, want one that succeeded", wd, r.Invocations)
		}
		for _, res := range r.Results {
			if a := res.Locations[0].PhysicalLocation.ArtifactLocation; a.URIBaseID != "%SRCROOT%" || (a.URI != "a.go" && a.URI != "b.go") {
				t.Errorf("from %s: location %+v, want a.go or b.go under %%SRCROOT%%", wd, a)
			}
		}
	}

	// A clean run's log still has its results, empty: code scanning
	// refuses a run without them.
	cleanDir := module(t, map[string]string{"a.go": clean})
	out, code = run(t, cleanDir, binary, "-sarif", "./...")
	if code != 0 || !strings.Contains(out, `"version": "2.1.0"`) || !strings.Contains(out, `"results": []`) {
		t.Errorf("-sarif on clean code: exit %d\n%s", code, out)
	}
}

// go get -tool and go tool, with this checkout standing in for the
// published module.
func TestGoTool(t *testing.T) {
	testenv.Slow(t, "resolves modules through the module proxy")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t, map[string]string{"a.go": fixable})
	gomod := "module demo\n\ngo 1.26\n\nrequire github.com/statuslint/statuslint v0.0.0\n\nreplace github.com/statuslint/statuslint => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	// The checkout's go.sum vouches for its dependencies without the
	// checksum database.
	sums, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sums, 0o644); err != nil {
		t.Fatal(err)
	}
	// go get asks the proxy whether .../cmd/statuslint is a module of its
	// own; the proxy refuses (403) an unpublished path, and "|off" turns
	// that refusal into "no such module", so go get settles on the
	// replaced module.
	proxy, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(proxy)), ",")
	first, _, _ = strings.Cut(first, "|")
	get := exec.Command("go", "get", "-tool", "github.com/statuslint/statuslint/cmd/statuslint@v0.0.0")
	get.Dir = dir
	get.Env = append(os.Environ(), "GOFLAGS=", "GOPROXY="+first+"|off")
	if out, err := get.CombinedOutput(); err != nil {
		t.Fatalf("go get -tool: %v\n%s", err, out)
	}
	cmd := exec.Command("go", "tool", "statuslint", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 3 || !strings.Contains(string(out), "raw status code 404 in WriteHeader") {
		t.Errorf("go tool statuslint: %v\n%s", err, out)
	}
}

// lineDiff lists the lines of a and b that the other lacks.
func lineDiff(a, b string) string {
	var out strings.Builder
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for _, l := range al {
		if !slices.Contains(bl, l) {
			out.WriteString("-" + l + "\n")
		}
	}
	for _, l := range bl {
		if !slices.Contains(al, l) {
			out.WriteString("+" + l + "\n")
		}
	}
	if out.Len() == 0 {
		return "(the same lines, in another order)"
	}
	return out.String()
}

// -json lists each finding once, though a package with tests is analyzed
// twice (the package and its test variant), under the package's own ID,
// with paths relative to the working directory, sorted by position; run
// twice, the same bytes.
func TestJSONOnce(t *testing.T) {
	dir := module(t, map[string]string{
		"api/b.go":      "package api\n\nimport \"net/http\"\n\nfunc B(w http.ResponseWriter) { w.WriteHeader(500) }\n",
		"api/a.go":      "package api\n\nimport \"net/http\"\n\nfunc A(w http.ResponseWriter) { w.WriteHeader(404); w.WriteHeader(201) }\n",
		"api/a_test.go": "package api\n\nimport (\n\t\"net/http/httptest\"\n\t\"testing\"\n)\n\nfunc TestA(t *testing.T) {\n\tr := httptest.NewRecorder()\n\tA(r)\n\tif r.Code != 404 {\n\t\tt.Fail()\n\t}\n}\n",
	})
	out, code := run(t, dir, binary, "-json", "./...")
	if code != 0 {
		t.Fatalf("-json: exit %d\n%s", code, out)
	}
	var report map[string]map[string][]struct{ Posn string }
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	var got []string
	for _, id := range slices.Sorted(maps.Keys(report)) {
		for _, d := range report[id]["statuslint"] {
			got = append(got, id+" "+d.Posn)
		}
	}
	want := []string{
		"demo/api api/a.go:5:47", "demo/api api/a.go:5:67", "demo/api api/b.go:5:47",
		"demo/api [demo/api.test] api/a_test.go:11:15",
	}
	if !slices.Equal(got, want) {
		t.Errorf("-json findings:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
	// The same bytes again.
	if again, _ := run(t, dir, binary, "-json", "./..."); again != out {
		t.Errorf("a second -json run differs:\n%s", lineDiff(out, again))
	}
}
