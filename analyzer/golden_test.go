package analyzer_test

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// TestGoldenFilesAreFixed applies the golden files (the fixtures with every
// fix applied) in a copy of testdata and checks that they are gofmt-clean,
// build, and leave nothing more to fix.
func TestGoldenFilesAreFixed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixtures")
	}
	gopath := t.TempDir()
	pkgs := map[string]bool{}
	src := filepath.Join(testdata, "src")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(gopath, "src", rel)
		if strings.HasSuffix(rel, ".go.golden") {
			if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
				t.Errorf("%s is not gofmt-formatted (err %v)", rel, err)
			}
			dst = strings.TrimSuffix(dst, ".golden")
			pkgs["./"+filepath.ToSlash(filepath.Dir(rel))] = true
		} else if _, err := os.Stat(path + ".golden"); err == nil {
			return nil // the golden file replaces it
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for p := range pkgs {
		patterns = append(patterns, p)
	}
	env := append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	build := exec.Command("go", append([]string{"build"}, patterns...)...)
	build.Dir, build.Env = filepath.Join(gopath, "src"), env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("fixed fixtures do not build: %v\n%s", err, out)
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join(gopath, "src"), Env: env, Tests: true}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*analysis.Analyzer{
		analyzer.New(analyzer.Config{}),
		analyzer.New(analyzer.Config{Constants: "constants/apistatus"}),
	} {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, loaded, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if !act.IsRoot {
				continue
			}
			for _, d := range act.Diagnostics {
				if len(d.SuggestedFixes) > 0 {
					t.Errorf("%s: fix left to apply after fixing: %s", act.Package.Fset.Position(d.Pos), d.Message)
				}
			}
		}
	}
}
