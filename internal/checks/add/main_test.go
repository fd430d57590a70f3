package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/testenv"
)

// root is the repository's.
const root = "../../.."

// copyFiles copies the repository's files named to a new root.
func copyFiles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The stubs of a new retry check: its constant and declaration in the
// retry pass's checks.go, its section in checks.md after SL2002 (the
// pass's last), a fixture and a test; a second run, or a taken ID or name,
// changes nothing.
func TestAdd(t *testing.T) {
	dir := copyFiles(t, "internal/retry/checks.go", "internal/checks/checks.md")
	o := options{id: "SL2003", pass: "retry", name: "RetryTwice", title: "retry of a retry", root: dir}
	written, err := add(o)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"internal/retry/checks.go", "internal/checks/checks.md", "testdata/src/retry/sl2003/sl2003.go", "internal/retry/sl2003_test.go"}
	if !slices.Equal(written, want) {
		t.Errorf("wrote %v, want %v", written, want)
	}

	// checks.go declares it, after the others.
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dir, "internal/retry/checks.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var consts, decls []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if lit, ok := n.Values[0].(*ast.BasicLit); ok {
				consts = append(consts, n.Names[0].Name+"="+lit.Value)
			}
		case *ast.KeyValueExpr:
			decls = append(decls, n.Value.(*ast.Ident).Name)
		}
		return true
	})
	if !slices.Equal(consts, []string{`RetryNever="SL2001"`, `RetryAfterWait="SL2002"`, `RetryTwice="SL2003"`}) {
		t.Errorf("constants %v", consts)
	}
	if !slices.Equal(decls, []string{"RetryNever", "RetryAfterWait", "RetryTwice"}) {
		t.Errorf("Checks %v", decls)
	}

	// checks.md documents it right after SL2002.
	doc, err := os.ReadFile(filepath.Join(dir, "internal/checks/checks.md"))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := checks.Parse(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range parsed {
		ids = append(ids, c.ID)
	}
	i := slices.Index(ids, "SL2003")
	if i < 1 || ids[i-1] != "SL2002" || parsed[i].Title != "retry of a retry" || len(ids) != len(checks.All)+1 {
		t.Errorf("checks.md's checks: %v", ids)
	}

	// Nothing but the pass's package, checks.md and the pass's fixtures:
	// the fixture groups find the new fixture themselves (TestAddBuilds).
	for _, name := range written {
		if name := filepath.ToSlash(name); !strings.HasPrefix(name, "internal/retry/") && name != "internal/checks/checks.md" && !strings.HasPrefix(name, "testdata/src/retry/") {
			t.Errorf("the scaffold wrote %s, outside the pass's package, checks.md and its fixtures", name)
		}
	}

	// The fixture marks a case the check has yet to report, and the test
	// runs it with the retry pass alone.
	fixture, _ := os.ReadFile(filepath.Join(dir, "testdata/src/retry/sl2003/sl2003.go"))
	test, _ := os.ReadFile(filepath.Join(dir, "internal/retry/sl2003_test.go"))
	if !strings.Contains(string(fixture), "// want `retry of a retry`") || !strings.Contains(string(test), `suite.Only(suite.Retry), "retry/sl2003"`) {
		t.Errorf("fixture:\n%s\ntest:\n%s", fixture, test)
	}
	for _, name := range want {
		if _, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, 0); err != nil && strings.HasSuffix(name, ".go") {
			t.Error(err)
		}
	}

	// Again, or with a taken name, or bad flags: an error, nothing
	// changed.
	before := snapshot(t, dir)
	for _, bad := range []options{
		o,
		{id: "SL2004", pass: "retry", name: "RetryNever", title: "t", root: dir},
		{id: "SL0001", pass: "codes", name: "Other", title: "t", root: dir},
		{id: "SL21", pass: "retry", name: "X", title: "t", root: dir},
		{id: "SL2005", pass: "sinks", name: "X", title: "t", root: dir},
		{id: "SL2005", pass: "retry", name: "lower", title: "t", root: dir},
		{id: "SL2005", pass: "retry", name: "X", title: "", root: dir},
	} {
		if _, err := add(bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	if after := snapshot(t, dir); !slices.Equal(before, after) {
		t.Error("a refused add changed files")
	}
}

// snapshot is every file under dir and its contents.
func snapshot(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			out = append(out, path+"\n"+string(data))
		}
		return err
	})
	return out
}

// In a copy of the repository, a check added by the scaffold is declared
// and documented as the analyzer's tests want, builds, and its test fails
// until the check reports its fixture's case.
func TestAddBuilds(t *testing.T) {
	testenv.Slow(t, "builds a copy of the repository")
	out, err := exec.Command("git", "-C", root, "ls-files").Output()
	if err != nil {
		t.Skip("not a git checkout:", err)
	}
	dir := copyFiles(t, strings.Fields(string(out))...)
	if _, err := add(options{id: "SL2003", pass: "retry", name: "RetryTwice", title: "retry of a retry", root: dir}); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("vet", "./internal/retry", "./internal/checks/...", "./analyzer"); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	if out, err := run("test", "./analyzer", "-run", "TestChecksDeclared$"); err != nil {
		t.Errorf("the added check is not declared as documented: %v\n%s", err, out)
	}
	if out, err := run("test", "./internal/testenv", "-run", "TestFixtureGroupsComplete$"); err != nil {
		t.Errorf("the added check's fixture is not in a fixture group: %v\n%s", err, out)
	}
	if out, err := run("test", "./internal/retry", "-run", "TestSL2003$"); err == nil || !strings.Contains(out, "retry of a retry") {
		t.Errorf("the added check's test passed, or failed for another reason, before the check exists: %v\n%s", err, out)
	}
}
