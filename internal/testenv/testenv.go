// Package testenv says which of statuslint's tests a run takes, and
// where their fixtures are.
package testenv

import (
	"os"
	"path/filepath"
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
