package main

import (
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// The loader compiles what the matched packages import, and nothing it
// reads from source: not the matched package, not its test variants, not
// a dependency that imports it (c, which a's external test imports). Every
// package it returns is type-checked, sharing one object per dependency
// (a stays beside its test variant: b imports it). The go command's
// -toolexec logs what it compiles.
func TestLoadCompilesDependenciesOnly(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go":       "package a\n\nimport \"demo/d\"\n\nfunc A() int { return d.D() }\n",
		"a/a_test.go":  "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"demo/c\"\n)\n\nfunc TestA(t *testing.T) { _ = c.C() }\n",
		"a/in_test.go": "package a\n\nimport \"testing\"\n\nfunc TestIn(t *testing.T) { _ = A() }\n",
		"c/c.go":       "package c\n\nimport \"demo/a\"\n\nfunc C() int { return a.A() }\n",
		"d/d.go":       "package d\n\nfunc D() int { return 1 }\n",
		"b/b.go":       "package b\n\nimport \"demo/a\"\n\nfunc B() int { return a.A() }\n",
	})
	log := filepath.Join(t.TempDir(), "compiles")
	tool := filepath.Join(t.TempDir(), "toolexec")
	writeFile(t, filepath.Dir(tool), filepath.Base(tool), "#!/bin/sh\necho \"$@\" >> "+log+"\nexec \"$@\"\n")
	if err := os.Chmod(tool, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "-toolexec="+tool)
	t.Setenv("GOPROXY", "off")

	roots, _, covered, err := loadSyntax([]string{"./a", "./b"}, true, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(covered) > 0 {
		t.Errorf("covered %v, though b imports a", covered)
	}
	var ids []string
	for _, p := range roots {
		ids = append(ids, p.ID)
		if len(p.Errors) > 0 || p.IllTyped || p.Types == nil || !p.Types.Complete() || p.TypesInfo == nil {
			t.Errorf("%s: not type-checked whole: errors %v, ill-typed %v", p.ID, p.Errors, p.IllTyped)
		}
	}
	slices.Sort(ids)
	if want := []string{"demo/a", "demo/a [demo/a.test]", "demo/a.test", "demo/a_test [demo/a.test]", "demo/b"}; !slices.Equal(ids, want) {
		t.Errorf("roots %v, want %v", ids, want)
	}

	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	compiled := map[string]bool{}
	for _, m := range regexp.MustCompile(`-p (\S+) `).FindAllStringSubmatch(string(data), -1) {
		compiled[m[1]] = true
	}
	if !compiled["demo/d"] {
		t.Errorf("demo/d, a dependency, was not compiled for its export data; compiled: %v", compiled)
	}
	for _, path := range []string{"demo/a", "demo/c"} {
		if compiled[path] {
			t.Errorf("%s was compiled, though it is read from source", path)
		}
	}

	// One object for d.D, from its export data, in a and in a's test
	// variant.
	var uses []string
	for _, p := range roots {
		if p.Name != "a" {
			continue
		}
		for id, obj := range p.TypesInfo.Uses {
			if id.Name == "D" {
				uses = append(uses, obj.Pkg().Path())
				if d := p.Imports["demo/d"]; d == nil || d.Types == nil || d.Types.Scope().Lookup("D") != obj {
					t.Errorf("%s: d.D is not the object of d's export data", p.ID)
				}
			}
		}
	}
	if len(uses) != 2 {
		t.Errorf("d.D used %d times in a and its test variant, want 2", len(uses))
	}

	// a.go is parsed once: a and its test variant share its tree
	// (parseCache), as packages.Load's do.
	trees := map[*ast.File]bool{}
	for _, p := range roots {
		for _, f := range p.Syntax {
			if filepath.Base(p.Fset.File(f.Pos()).Name()) == "a.go" {
				trees[f] = true
			}
		}
	}
	if len(trees) != 1 {
		t.Errorf("a.go parsed into %d trees for a and its test variant, want 1", len(trees))
	}
}

// A package whose test variant is loaded too, and that no loaded package
// imports, is not read: its variant, which holds its files, is analyzed
// for it (coveredByTests). Without tests, or imported, it is read.
func TestLoadCoveredByTests(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go":       "package a\n\nfunc A() int { return 1 }\n",
		"a/in_test.go": "package a\n\nimport \"testing\"\n\nfunc TestIn(t *testing.T) { _ = A() }\n",
		"b/b.go":       "package b\n\nimport \"demo/a\"\n\nfunc B() int { return a.A() }\n",
	})
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off")
	for _, c := range []struct {
		patterns []string
		tests    bool
		want     []string
		covered  bool
	}{
		{[]string{"./a"}, true, []string{"demo/a [demo/a.test]", "demo/a.test"}, true},
		{[]string{"./a"}, false, []string{"demo/a"}, false},
		{[]string{"./a", "./b"}, true, []string{"demo/a", "demo/a [demo/a.test]", "demo/a.test", "demo/b"}, false},
	} {
		roots, _, covered, err := loadSyntax(c.patterns, c.tests, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(roots); !slices.Equal(got, c.want) {
			t.Errorf("%v, tests %v: roots %v, want %v", c.patterns, c.tests, got, c.want)
		}
		if !c.covered {
			if len(covered) > 0 {
				t.Errorf("%v, tests %v: covered %v", c.patterns, c.tests, covered)
			}
			continue
		}
		if len(covered) != 1 {
			t.Fatalf("%v: covered %v, want a by its variant", c.patterns, covered)
		}
		for v, p := range covered {
			if v.ID != "demo/a [demo/a.test]" || p.ID != "demo/a" || p.Syntax != nil || p.Types != nil {
				t.Errorf("covered %s by %s (read: %v)", p.ID, v.ID, p.Syntax != nil || p.Types != nil)
			}
		}
	}
}

// ids returns the IDs of roots, sorted.
func ids(roots []*packages.Package) []string {
	var out []string
	for _, p := range roots {
		out = append(out, p.ID)
	}
	slices.Sort(out)
	return out
}

// A dependency that does not type-check is reported once, on itself; the
// package importing it is ill-typed, without a "could not import" of its
// own.
func TestLoadBrokenDependency(t *testing.T) {
	dir := module(t, map[string]string{
		"e/e.go": "package e\n\nfunc E() int { return undefinedThing }\n",
		"f/f.go": "package f\n\nimport \"demo/e\"\n\nfunc F() int { return e.E() }\n",
	})
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off")
	for _, oneCall := range []bool{false, true} {
		brokenDependency(t, oneCall)
	}
}

func brokenDependency(t *testing.T, oneCall bool) {
	roots, _, _, err := loadSyntax([]string{"./f"}, false, "", oneCall)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 || !roots[0].IllTyped || len(roots[0].Errors) > 0 {
		t.Fatalf("one go list %v: f: want one ill-typed package with no errors of its own, got %d: %v", oneCall, len(roots), roots[0].Errors)
	}
	var errs []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, p.PkgPath+": "+e.Msg)
		}
	})
	if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), "demo/e: ") || strings.Contains(strings.Join(errs, "\n"), "could not import") {
		t.Errorf("one go list %v: errors:\n%s\nwant e's own only", oneCall, strings.Join(errs, "\n"))
	}
}

// With one go list, the go command gives every export file and compiles
// the matched packages too; what the loader returns is the same: the
// matched packages and their test variants type-checked from source, one
// object per dependency, and a package that does not compile reported by
// the type checker alone, not again by the compiler's output.
func TestLoadOneCall(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go":      "package a\n\nimport \"demo/d\"\n\nfunc A() int { return d.D() }\n",
		"a/a_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"demo/a\"\n)\n\nfunc TestA(t *testing.T) { _ = a.A() }\n",
		"b/b.go":      "package b\n\nfunc B() int { return \"x\" }\n",
		"d/d.go":      "package d\n\nfunc D() int { return 1 }\n",
	})
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off")
	two, size2, _, err := loadSyntax([]string{"./a"}, true, "", false)
	if err != nil {
		t.Fatal(err)
	}
	one, size1, _, err := loadSyntax([]string{"./a"}, true, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(one), ids(two)) || size1 != size2 || size1 == 0 {
		t.Errorf("one go list: %v (%d bytes from source), two: %v (%d bytes)", ids(one), size1, ids(two), size2)
	}
	for _, p := range one {
		if len(p.Errors) > 0 || p.IllTyped || p.Types == nil || !p.Types.Complete() || p.TypesInfo == nil || p.ExportFile != "" {
			t.Errorf("%s: not type-checked whole from source: errors %v, ill-typed %v, export file %q", p.ID, p.Errors, p.IllTyped, p.ExportFile)
		}
		if d := p.Imports["demo/d"]; d != nil && (d.Types == nil || d.ExportFile == "") {
			t.Errorf("%s: demo/d has no export data", p.ID)
		}
	}

	broken, _, _, err := loadSyntax([]string{"./b"}, false, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) != 1 || len(broken[0].Errors) != 1 || !strings.Contains(broken[0].Errors[0].Msg, "cannot use \"x\"") || broken[0].Errors[0].Kind != packages.TypeError {
		t.Errorf("b: want the type checker's one error, got %+v", broken[0].Errors)
	}
}

// The plan remembers what a run read from source: a run after one that
// read little lists once, after one that read much (or none before it)
// twice; runs elsewhere or over other patterns have plans of their own.
func TestLoadPlan(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Chdir(t.TempDir())
	plan := newLoadPlan([]string{"./..."}, true, "")
	if plan.oneCall() {
		t.Error("a first run must list twice: it cannot know what it will compile")
	}
	plan.record(oneCallBytes / 2)
	if !newLoadPlan([]string{"./..."}, true, "").oneCall() {
		t.Error("after a small run, the next must list once")
	}
	if newLoadPlan([]string{"./a"}, true, "").oneCall() || newLoadPlan([]string{"./..."}, false, "").oneCall() {
		t.Error("other patterns or modes must have plans of their own")
	}
	plan.record(oneCallBytes + 1)
	if newLoadPlan([]string{"./..."}, true, "").oneCall() {
		t.Error("after a run that read more than oneCallBytes from source, the next must list twice")
	}

	// A plan no run has used for trimAge goes at the next day's trim;
	// one in use stays.
	stale := newLoadPlan([]string{"./stale"}, true, "")
	stale.record(1)
	old := time.Now().Add(-trimAge - time.Hour)
	os.Chtimes(stale.file, old, old)
	os.Remove(filepath.Join(filepath.Dir(stale.file), "trim.txt"))
	plan.record(1)
	if _, err := os.Stat(stale.file); err == nil {
		t.Error("a plan unused for trimAge was not trimmed")
	}
	if !plan.oneCall() {
		t.Error("the plan in use was trimmed")
	}
}

// The export files of the dependencies are asked of the go command once
// while the dependencies stay what they were: a second run over the same
// graph uses them without a second go list; a change to a dependency's
// file asks again, and gets its new export data.
func TestLoadExportCache(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go": "package a\n\nimport (\n\t\"fmt\"\n\n\t\"demo/d\"\n)\n\nfunc A() string { return fmt.Sprint(d.D()) }\n",
		"d/d.go": "package d\n\nfunc D() int { return 1 }\n",
	})
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	log := filepath.Join(t.TempDir(), "go.log")
	writeFile(t, bin, "go", "#!/bin/sh\necho \"$@\" >> "+log+"\nexec "+goCmd+" \"$@\"\n")
	if err := os.Chmod(filepath.Join(bin, "go"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off")
	t.Chdir(dir)
	// load returns the export file of d, and how many times the go
	// command was asked for export data.
	load := func() (string, int) {
		t.Helper()
		os.Remove(log)
		roots, _, _, err := loadSyntax([]string{"./a"}, false, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if len(roots) != 1 || len(roots[0].Errors) > 0 || roots[0].IllTyped {
			t.Fatalf("a: %v", roots[0].Errors)
		}
		d := roots[0].Imports["demo/d"]
		if d == nil || d.ExportFile == "" || d.Types == nil || d.Types.Scope().Lookup("D") == nil {
			t.Fatalf("demo/d has no export data")
		}
		data, _ := os.ReadFile(log)
		return d.ExportFile, strings.Count(string(data), "-export=true")
	}
	first, n := load()
	if n != 1 {
		t.Errorf("first run: export data asked %d times, want 1", n)
	}
	again, n := load()
	if n != 0 || again != first {
		t.Errorf("second run: export data asked %d times (want 0), d's file %s (want %s)", n, again, first)
	}
	writeFile(t, dir, "d/d.go", "package d\n\nfunc D() int { return 2 }\n\nfunc E() {}\n")
	changed, n := load()
	if n != 1 || changed == first {
		t.Errorf("after d changed: export data asked %d times (want 1), d's file %s (want a new one)", n, changed)
	}
}
