package analyzer

import (
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/checks"
)

// Every check a pass declares is documented in checks.md, every check
// documented is declared by one pass, and the passes declare them in the
// order of checks.md: the list of checks has one source per fact, the
// pass for what runs and checks.md for what it means.
func TestChecksDeclared(t *testing.T) {
	ids := checks.IDs(declared)
	var documented []string
	for _, c := range checks.All {
		documented = append(documented, c.ID)
	}
	if !slices.Equal(ids, documented) {
		t.Errorf("the passes declare %v; checks.md documents %v", ids, documented)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("%s is declared twice", id)
		}
		seen[id] = true
	}
}

// Each pass's switch is derived from its declared checks: switching the
// pass off switches its checks off, and its help says which they are.
func TestSwitchesFromDecls(t *testing.T) {
	suite := NewSuite(Config{})
	if len(suite.settings.Switches) != 3 {
		t.Fatalf("%d switches, want the codes, retry and routes passes'", len(suite.settings.Switches))
	}
	for _, sw := range suite.settings.Switches {
		f := suite.Analyzer.Flags.Lookup(sw.Name)
		if f == nil {
			t.Fatalf("no -%s flag", sw.Name)
		}
		for _, d := range sw.Checks {
			if !strings.Contains(f.Usage, d.ID) {
				t.Errorf("-%s's help does not name %s: %q", sw.Name, d.ID, f.Usage)
			}
		}
		if err := f.Value.Set("false"); err != nil {
			t.Fatal(err)
		}
		on := suite.settings.ChecksOn()
		for _, d := range declared {
			if want := !slices.Contains(sw.Checks, d); on[d.ID] != want {
				t.Errorf("-%s=false: %s on = %v, want %v", sw.Name, d.ID, on[d.ID], want)
			}
		}
		if err := f.Value.Set("true"); err != nil {
			t.Fatal(err)
		}
	}
}
