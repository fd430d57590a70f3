package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// Each pass declares which objects can carry its facts (FactDemand); the
// standalone driver reads an import from source only when a package uses
// such an object of it. Every fact any pass exports on the fixtures, with
// the flags their tests give, is on an object the demand covers: a fact
// outside it would be lost to a narrow run.
func TestFactDemand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture from source")
	}
	n := 0
	for _, g := range testenv.FixtureGroups {
		suite := analyzer.NewSuite(analyzer.Config{})
		for _, f := range g.FlagsFor(testdata) {
			name, value, _ := strings.Cut(strings.TrimPrefix(f, "-"), "=")
			if err := suite.Analyzer.Flags.Set(name, value); err != nil {
				t.Fatal(err)
			}
		}
		demand := analyzer.FactDemand(suite.Analyzer)
		if demand == nil {
			t.Fatal("no demand for a suite's analyzer")
		}
		pkgs := loadTestdata(t, packages.LoadAllSyntax, g.Packages...)
		graph, err := checker.Analyze([]*analysis.Analyzer{suite.Analyzer}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() != act.Package.Types {
					continue // imported, checked where it was exported
				}
				n++
				if !demand(f.Object) {
					t.Errorf("%s: fact %v on %v, which no pass demands", act, f.Fact, f.Object)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d facts exported on the fixtures", n)
	}
	if analyzer.FactDemand(&analysis.Analyzer{Name: "other"}) != nil {
		t.Error("a demand for an analyzer that is not statuslint's")
	}
}
