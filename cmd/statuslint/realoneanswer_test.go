package main

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// TestRealWorldOneAnswer runs every package of the real-world cases
// (TestRealWorld's with -codes=iana, TestRealWorldRetry's with the retry
// checks) the ways users do, and asks for the same findings in that
// package: narrow (the package alone: the driver reads for facts only
// what the passes demand), wide (with every package of its module that it
// or its tests import analyzed too, from source: all that ./... can bring
// to the package, since facts flow only along imports) and under go vet
// -vettool (every dependency analyzed for facts, from export data).
func TestRealWorldOneAnswer(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy and runs each package three ways")
	type realCase struct {
		name, module, version string
		flags, patterns       []string
	}
	var cases []realCase
	for _, rw := range realWorld {
		cases = append(cases, realCase{"sinks/" + rw.name, rw.module, rw.version, []string{"-codes=iana"}, rw.patterns})
	}
	for _, rw := range retryWorld {
		cases = append(cases, realCase{"retry/" + rw.name, rw.module, rw.version, []string{"-checks=SL2001,SL2002"}, rw.patterns})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := moduleCopy(t, c.module, c.version)
			for _, pkg := range goList(t, dir, c.patterns) {
				inPackage := func(list []string) []string {
					return slices.DeleteFunc(list, func(f string) bool {
						return path.Dir(f[:strings.Index(f, ":")]) != path.Clean(pkg)
					})
				}
				args := append([]string{"-json"}, c.flags...)
				narrow := inPackage(realFindings(t, dir, append(slices.Clone(args), pkg)))
				wide := inPackage(realFindings(t, dir, append(slices.Clone(args), moduleImports(t, dir, pkg)...)))
				vet := inPackage(vetFindings(t, dir, c.flags, []string{pkg}, "GOFLAGS=-mod=mod", "GOWORK=off"))
				for mode, got := range map[string][]string{"wide": wide, "go vet": vet} {
					if d := testenv.SetDiff(narrow, got); d != "" {
						t.Errorf("%s: %s differs from the narrow run (- only narrow, + only %s):\n%s", pkg, mode, mode, d)
					}
				}
			}
		})
	}
}

// goList returns the packages patterns match in the module at dir, as
// patterns relative to it ("." and "./sub").
func goList(t *testing.T, dir string, patterns []string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-f", "{{.Dir}}"}, patterns...)...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v", patterns, err)
	}
	var pkgs []string
	for _, d := range strings.Fields(string(out)) {
		rel, err := filepath.Rel(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		if rel == "." {
			pkgs = append(pkgs, ".")
		} else {
			pkgs = append(pkgs, "./"+filepath.ToSlash(rel))
		}
	}
	return pkgs
}

// moduleImports returns pkg and every package of its module that it or
// its tests import, directly or not, as import paths.
func moduleImports(t *testing.T, dir, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", "{{if .Module}}{{if .Module.Main}}{{if not .ForTest}}{{.ImportPath}}{{end}}{{end}}{{end}}", pkg)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps -test %s: %v", pkg, err)
	}
	var list []string
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasSuffix(p, ".test") && !strings.HasSuffix(p, "_test") {
			list = append(list, p)
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}
