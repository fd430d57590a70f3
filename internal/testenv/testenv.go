// Package testenv says which of statuslint's tests a run takes, and
// where their fixtures are.
package testenv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Slow skips a test that fetches real modules from the module proxy,
// builds golangci-lint or analyzes the standard library, unless
// STATUSLINT_REAL=1 asks for them (CI does; see the README). Plain
// go test ./... then runs in minutes on a newcomer's machine.
func Slow(t testing.TB, why string) {
	t.Helper()
	if !Real() {
		t.Skip(why + " (set STATUSLINT_REAL=1 to run it)")
	}
}

// Real reports whether this run takes the slow tests (Slow).
func Real() bool {
	return !testing.Short() && os.Getenv("STATUSLINT_REAL") == "1"
}

// Testdata returns the absolute path of the module's testdata directory,
// which holds the fixtures (testdata/src, GOPATH-style) of every pass;
// root is the module root relative to the test's directory.
func Testdata(root string) string {
	dir, err := filepath.Abs(filepath.Join(root, "testdata"))
	if err != nil {
		panic(err) // no working directory
	}
	return dir
}

// LoadTestdata loads packages of testdata/src, GOPATH-style as
// analysistest does, for tests that look at the checker's graph
// themselves.
func LoadTestdata(t testing.TB, testdata string, mode packages.LoadMode, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: mode, Dir: testdata, Env: append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOFLAGS=")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading %v: %v", patterns, err)
	}
	return pkgs
}

// JSONFindings reads the -json output of statuslint (package, then
// analyzer, then its diagnostics) and returns its findings as
// "file:line:col: message", file relative to dir where it is under it,
// sorted and once each (a package's test variant reports them again).
func JSONFindings(t testing.TB, out []byte, dir string) []string {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("statuslint -json: %v\n%s", err, out)
	}
	var list []string
	for pkg, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: %s failed: %s", pkg, name, raw)
			}
			for _, d := range diags {
				if rel, err := filepath.Rel(dir, d.Posn); err == nil && filepath.IsAbs(d.Posn) {
					d.Posn = rel
				}
				list = append(list, filepath.ToSlash(d.Posn)+": "+d.Message)
			}
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}
