package testenv

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A FixtureGroup is fixture packages of testdata/src that the passes'
// tests run with the same flags: the flags are the analyzer's, as a user
// gives them to the binary, with {testdata} standing for the testdata
// directory.
type FixtureGroup struct {
	Flags    []string
	Packages []string
}

// FixtureGroups are the fixture packages with the flags their tests give:
// every mode of running statuslint must find the same in them. The first
// group, run without flags, is every package of testdata/src that no
// other group holds, but the library stubs under real import paths
// (github.com/...): a new fixture is in it without being listed.
var FixtureGroups = withDefaultGroup([]FixtureGroup{
	{[]string{"-codes={testdata}/tables/api.yaml"}, []string{"customtable"}},
	{[]string{"-codes=iana"}, []string{"iana"}},
	{[]string{"-sinks=usersinks/lib.Abort:1,usersinks/lib.Reply.Code:0"}, []string{"usersinks/app", "usersinks/lib"}},
	{[]string{"-tests=false"}, []string{"notests"}},
	{[]string{"-checks=all,-SL1001"}, []string{"checksel"}},
	{[]string{"-statuscodes=false"}, []string{"passoff/codes"}},
	{[]string{"-statusretry=false"}, []string{"passoff/retry"}},
	{[]string{"-constants=constants/apistatus"}, []string{"constants/user", "constants/apistatus", "constants/unrelated"}},
	{[]string{"-codes={testdata}/specs/routes.yaml"}, []string{"routes/nethttp", "routes/gin", "routes/echo", "routes/chi", "routes/fiber",
		"routes/client", "routes/fallbackopen", "routes/gorilla", "routes/httprouter", "routes/split", "routes/handlers", "routes/relay", "routes/fields", "routes/register", "routes/mount", "routes/xrouter", "routes/xapi", "routes/apifield", "routes/apiext", "routes/swaggerapi", "oapi/server", "oapi/gen"}},
	{[]string{"-codes={testdata}/specs/nodefault.yaml"}, []string{"routes/fallbackclosed", "routes/testroute"}},
	{[]string{"-codes={testdata}/specs/suffix.yaml"}, []string{"routes/suffix"}},
	{[]string{"-codes={testdata}/specs/swagger.yaml"}, []string{"routes/swaggerapp", "routes/swaggerconf", "routes/swaggerops", "routes/swaggerhandlers", "routes/swaggermodels"}},
})

// withDefaultGroup returns the groups of flagged after the group without
// flags: the packages of this module's testdata/src that flagged does not
// hold, sorted.
func withDefaultGroup(flagged []FixtureGroup) []FixtureGroup {
	src := fixtureSource()
	held := map[string]bool{}
	for _, g := range flagged {
		for _, p := range g.Packages {
			held[p] = true
		}
	}
	var pkgs []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if first, _, _ := strings.Cut(rel, "/"); strings.Contains(first, ".") && rel != "." {
				return filepath.SkipDir // a library stub under its real import path
			}
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(rel))
		if strings.HasSuffix(rel, ".go") && !held[pkg] && !slices.Contains(pkgs, pkg) {
			pkgs = append(pkgs, pkg)
		}
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("testenv: %v", err))
	}
	slices.Sort(pkgs)
	return append([]FixtureGroup{{nil, pkgs}}, flagged...)
}

// fixtureSource returns the testdata/src of the module the working
// directory is in: go test runs a test in its package's directory.
func fixtureSource() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(fmt.Sprintf("testenv: %v", err))
	}
	for {
		src := filepath.Join(dir, "testdata", "src")
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(src); err == nil {
				return src
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("testenv: no module with testdata/src above the working directory")
		}
		dir = parent
	}
}

// FlagsFor returns g's flags with testdata in place.
func (g FixtureGroup) FlagsFor(testdata string) []string {
	var out []string
	for _, f := range g.Flags {
		out = append(out, strings.ReplaceAll(f, "{testdata}", testdata))
	}
	return out
}

// FixtureWorkspace copies testdata/src into a new directory as a Go
// workspace, the layout users have: a module for each top-level fixture
// (retry, oapi...) and for each library stub (github.com/gin-gonic/gin,
// k8s.io/api...), all in one go.work, so that every package is a package of
// the main modules, as every package is analyzed from source under
// analysistest. It returns the directory, and a pattern for every package
// of every module ("retry/...", "github.com/gin-gonic/gin/..."): the
// workspace's ./..., which the go command does not take at a workspace's
// root outside its modules.
func FixtureWorkspace(t testing.TB, testdata string) (dir string, all []string) {
	t.Helper()
	src := filepath.Join(testdata, "src")
	dir = filepath.Join(t.TempDir(), "src")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	roots := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(path))
		roots[moduleRoot(filepath.ToSlash(rel))] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	work := "go 1.26\n\nuse (\n"
	for _, root := range slices.Sorted(maps.Keys(roots)) {
		gomod := "module " + root + "\n\ngo 1.26\n"
		if err := os.WriteFile(filepath.Join(dir, root, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		work += "\t./" + root + "\n"
		all = append(all, root+"/...")
	}
	work += ")\n"
	if err := os.WriteFile(filepath.Join(dir, "go.work"), []byte(work), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, all
}

// moduleRoot returns the path of the fixture module that holds the
// package at path: github.com/OWNER/REPO, HOST/NAME for other hosts, and
// the first element of a path without a host.
func moduleRoot(path string) string {
	parts := strings.Split(path, "/")
	n := 1
	switch {
	case parts[0] == "github.com":
		n = 3
	case strings.Contains(parts[0], "."):
		n = 2
	}
	return strings.Join(parts[:min(n, len(parts))], "/")
}

// Reference returns the findings a gives in pkgs of testdata/src through
// analysistest, where every package is analyzed from source: the answer
// every other mode must give. Each is "path:line:col: message", the path
// relative to testdata/src, sorted.
func Reference(t testing.TB, testdata string, a *analysis.Analyzer, pkgs []string) []string {
	t.Helper()
	var list []string
	src := filepath.Join(testdata, "src")
	for _, r := range analysistest.Run(silent{}, testdata, a, pkgs...) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Action, r.Err)
		}
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(src, p.Filename)
			list = append(list, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Message))
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}

// silent is an analysistest.Testing that hears nothing: the fixtures'
// expectations are their own tests' business.
type silent struct{}

func (silent) Errorf(string, ...any) {}

// InGroup returns the findings of list ("path:line:col: message") whose
// file is in one of the packages pkgs.
func (g FixtureGroup) InGroup(list []string) []string {
	return slices.DeleteFunc(list, func(f string) bool {
		return !slices.Contains(g.Packages, filepath.ToSlash(filepath.Dir(f[:strings.Index(f, ":")])))
	})
}

// SetDiff returns the lines only in want, marked -, and only in got,
// marked +; "" if the two hold the same.
func SetDiff(want, got []string) string {
	var b strings.Builder
	for _, w := range want {
		if !slices.Contains(got, w) {
			fmt.Fprintf(&b, "- %s\n", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			fmt.Fprintf(&b, "+ %s\n", g)
		}
	}
	return b.String()
}
