package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every fixture package that expects a finding is in a FixtureGroup, so
// that every mode of running statuslint is checked on it.
func TestFixtureGroupsComplete(t *testing.T) {
	src := filepath.Join(Testdata("../.."), "src")
	grouped := map[string]bool{}
	for _, g := range FixtureGroups {
		for _, p := range g.Packages {
			grouped[p] = true
		}
	}
	var missing []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "// want ") {
			return nil
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err != nil {
			return err
		}
		if pkg := filepath.ToSlash(rel); !grouped[pkg] && !slices.Contains(missing, pkg) {
			missing = append(missing, pkg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("fixture packages with findings in no FixtureGroup: %v", missing)
	}
	if len(grouped) < 20 {
		t.Errorf("only %d grouped packages: the walk found none", len(grouped))
	}
}
