package analyzer_test

import (
	"fmt"
	"maps"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// Hand-written retry loops and self-recursive retries.
func TestRetryLoops(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "retry/loops")
}

// Retry predicates and retryable-code sets, in this package and, through
// facts, in another.
func TestRetryPredicates(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "retry/policy", "retry/preds")
}

// The hooks of retry libraries, matched by type.
func TestRetryLibraries(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "retry/libs")
}

// The retry pass exports what each exported retry predicate retries, and
// for which statuses each exported sender or response check returns an
// error, for other packages' loops and hooks.
func TestPredicateFacts(t *testing.T) {
	suite := analyzer.NewSuite(analyzer.Config{})
	pkgs := loadTestdata(t, packages.LoadAllSyntax, "retry/policy")
	graph, err := checker.Analyze([]*analysis.Analyzer{suite.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for act := range graph.All() {
		if act.Analyzer == suite.Retry && act.Package.PkgPath == "retry/policy" {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == act.Package.Types {
					got[f.Object.Name()] = fmt.Sprint(f.Fact)
				}
			}
		}
	}
	want := map[string]string{
		"ShouldRetry": "retries[500-999]",
		"Transient":   "retries[408 502 504]",
		"IsSuccess":   "retries[200-299]",
		"Fetch":       "sends, errs[100-199 500-999]",
		"Check":       "errs[404 503]",
	}
	if !maps.Equal(got, want) {
		t.Errorf("facts: got %v, want %v", got, want)
	}
}

// Retry decisions that call each other: the same findings whichever is
// evaluated first.
func TestRetryRecursive(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "retry/recursive")
}
