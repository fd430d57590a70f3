package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/corpus"
	"github.com/statuslint/statuslint/internal/testenv"
)

// findings runs statuslint -json in dir and returns its diagnostics, and
// how many of them carry a fix.
func findings(t *testing.T, dir string, args ...string) (all []string, fixable int) {
	t.Helper()
	out, code := run(t, dir, binary, append([]string{"-json"}, args...)...)
	if code != 0 && code != 3 {
		t.Fatalf("statuslint -json: exit %d\n%s", code, out)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	for pkg, analyzers := range tree {
		for _, raw := range analyzers {
			var diags []struct {
				Posn, Message  string
				SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: analysis failed: %s", pkg, raw)
			}
			for _, d := range diags {
				all = append(all, d.Posn+": "+d.Message)
				if len(d.SuggestedFixes) > 0 {
					fixable++
				}
			}
		}
	}
	return all, fixable
}

// fixAndRecheck applies every fix in dir, then checks that the code
// builds with its tests, that files gofmt-clean before still are, and that
// nothing is left to fix.
func fixAndRecheck(t *testing.T, dir string) {
	t.Helper()
	before, _ := run(t, dir, "gofmt", "-l", ".")
	run(t, dir, binary, "-fix", "./...")
	if out, code := run(t, dir, "go", "vet", "./..."); code != 0 {
		t.Fatalf("fixed code does not build:\n%s", out)
	}
	after, _ := run(t, dir, "gofmt", "-l", ".")
	for _, f := range strings.Fields(after) {
		if !slices.Contains(strings.Fields(before), f) {
			t.Errorf("fixing left %s not gofmt-clean", f)
		}
	}
	if left, fixable := findings(t, dir, "./..."); fixable != 0 {
		t.Errorf("%d fixes left after fixing:\n%s", fixable, strings.Join(left, "\n"))
	}
}

// The generated corpus: every fix applies, builds and stays fixed, and
// only the findings without fixes remain.
func TestFixCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10k-line corpus")
	}
	const blocks = 180
	dir := module(t, map[string]string{"corpus.go": corpus.Generate(blocks)})
	all, fixable := findings(t, dir, "./...")
	if len(all) != blocks*corpus.FindingsPerBlock || fixable != blocks*corpus.FixesPerBlock {
		t.Fatalf("%d findings, %d fixable; want %d and %d", len(all), fixable, blocks*corpus.FindingsPerBlock, blocks*corpus.FixesPerBlock)
	}
	fixAndRecheck(t, dir)
	if left, _ := findings(t, dir, "./..."); len(left) != blocks*(corpus.FindingsPerBlock-corpus.FixesPerBlock) {
		t.Errorf("%d findings after fixing, want %d", len(left), blocks*(corpus.FindingsPerBlock-corpus.FixesPerBlock))
	}
}

// A copy of gin, a real module with tests: the same property.
func TestFixRealModule(t *testing.T) {
	testenv.Slow(t, "downloads gin from the module proxy")
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/gin-gonic/gin@v1.12.0").Output()
	if err != nil {
		t.Fatalf("go mod download: %v", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	err = filepath.WalkDir(mod.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(mod.Dir, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The module's dependencies, so that the runs below need no proxy.
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	all, fixable := findings(t, dir, "./...")
	t.Logf("gin v1.12.0: %d findings, %d with a fix", len(all), fixable)
	if fixable == 0 {
		t.Fatal("expected raw status literals in gin")
	}
	fixAndRecheck(t, dir)
}
