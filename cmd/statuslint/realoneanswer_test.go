package main

import (
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// oneAnswer holds every package that patterns match in the module copy
// at dir to one answer: what the recorded run over all the patterns
// (all, with the flags of args) found in the package must be what the
// package alone finds (a narrow run: the driver reads for facts only what
// the passes demand) and what go vet -vettool finds in it (every
// dependency analyzed for facts, so more than ./... can bring), on every
// real-world package. env is added to every run's environment.
func oneAnswer(t *testing.T, dir string, args, patterns, all []string, env ...string) {
	t.Helper()
	var flags []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") && a != "-json" {
			flags = append(flags, a)
		}
	}
	args = append([]string{"-json"}, flags...)
	var build []string // -tags, which go list needs too
	for _, f := range flags {
		if strings.HasPrefix(f, "-tags=") {
			build = append(build, f)
		}
	}
	pkgs := goList(t, dir, patterns, env, build...)
	for _, pkg := range pkgs {
		inPackage := func(list []string) []string {
			return slices.DeleteFunc(slices.Clone(list), func(f string) bool {
				return path.Dir(f[:strings.Index(f, ":")]) != path.Clean(pkg)
			})
		}
		want := inPackage(all)
		runs := map[string][]string{}
		if len(pkgs) > 1 {
			runs["narrow"] = inPackage(realFindings(t, dir, append(slices.Clone(args), pkg), env...))
		}
		// go vet on every real-world package, the costly too: openai-go's
		// requestconfig makes go vet analyze its module's 300-file
		// generated root package for facts (about two minutes), which
		// is what a user of go vet pays there too.
		runs["go vet"] = inPackage(vetFindings(t, dir, flags, []string{pkg}, append([]string{"GOFLAGS=-mod=mod", "GOWORK=off"}, env...)...))
		for _, mode := range slices.Sorted(maps.Keys(runs)) {
			if d := testenv.SetDiff(want, runs[mode]); d != "" {
				t.Errorf("%s: %s differs from the run over %s (- only there, + only %s):\n%s", pkg, mode, strings.Join(patterns, " "), mode, d)
			}
		}
	}
}

// goList returns the packages patterns match in the module at dir, as
// patterns relative to it ("." and "./sub"), with the build flags given
// and env added to the environment, each after the packages it imports.
//
// The order is for go vet: Go 1.26's vet cache keys a package's run on
// the same inputs whether the package was vetted itself or only for the
// facts of a package that imports it, and replays the output of the
// facts-only run (none) when the package is vetted itself later. Stock
// vet loses findings that way too (go vet ./a, then go vet ./b, where a
// imports b, prints nothing for b's printf mistakes). Vetting each
// package before what imports it keeps that bug of the go command out of
// a comparison of statuslint's answers.
func goList(t *testing.T, dir string, patterns, env []string, build ...string) []string {
	t.Helper()
	// -deps lists each package after what it imports; DepOnly marks the
	// imports the patterns do not match.
	cmd := exec.Command("go", slices.Concat([]string{"list", "-deps", "-f", "{{if not .DepOnly}}{{.Dir}}{{end}}"}, build, patterns)...)
	cmd.Dir, cmd.Env = dir, append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
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
