package retry_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

var testdata = testenv.Testdata("../..")

// fixtures are the retry check's fixture packages.
var fixtures = []string{"retry/loops", "retry/policy", "retry/preds", "retry/libs", "retry/recursive", "retry/pipeline", "retry/restywait", "retry/restynowait", "retry/rhwait", "retry/callerwait", "retry/layered/transfer", "retry/layered/files", "retry/handed/app", "retry/hooked/client", "retry/hooked/app", "retry/listed/lib", "retry/listed/app", "retry/sentfacts/app"}

// The retry pass's fixtures, in one load (net/http is loaded once):
// hand-written retry loops and self-recursive retries; retry predicates
// and retryable-code sets, in this package and, through facts, in
// another; the hooks of retry libraries, matched by type; retry decisions
// that call each other, with the same findings whichever is evaluated
// first.
func TestFixtures(t *testing.T) {
	suite := analyzer.NewSuite(analyzer.Config{})
	analysistest.Run(t, testdata, suite.Only(suite.Retry), fixtures...)
}

// The retry pass exports what each exported retry predicate retries, and
// for which statuses each exported sender or response check returns an
// error, for other packages' loops and hooks.
func TestPredicateFacts(t *testing.T) {
	suite := analyzer.NewSuite(analyzer.Config{})
	pkgs := testenv.LoadTestdata(t, testdata, packages.LoadAllSyntax, "retry/policy")
	graph, err := checker.Analyze([]*analysis.Analyzer{suite.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string][]string{}
	for act := range graph.All() {
		if act.Analyzer == suite.Retry && act.Package.PkgPath == "retry/policy" {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == act.Package.Types {
					facts[f.Object.Name()] = append(facts[f.Object.Name()], fmt.Sprint(f.Fact))
				}
			}
		}
	}
	got := map[string]string{}
	for name, fs := range facts {
		slices.Sort(fs)
		got[name] = strings.Join(fs, "; ")
	}
	want := map[string]string{
		"ShouldRetry":  "retries[500-999]",
		"Transient":    "retries[408 502 504]",
		"IsSuccess":    "retries[200-299]",
		"Fetch":        "sends, errs[100-199 500-999]",
		"Check":        "errs[404 503] *retry/policy.StatusError[503]",
		"RetryableErr": "retries the error of argument 0 for[500-999]",
		"Run":          "calls argument 1 again for[500-999]",
		"Reopen":       "sends with argument 1 again for[500-999]",
		"Connect":      "readsRetryAfter; sends, errs[100-199 201-999] *retry/policy.RateLimitedError[429] retry/policy.CodeError[100-199 201-428 430-999]",
		// Get's Retry-After read is in its own send loop; Observed's hook
		// answers nothing; Hooked's says how long to wait.
		"Get":      "sends, errs[400-999] *retry/policy.StatusError[400-999]",
		"Observed": "sends, errs[400-999] *retry/policy.StatusError[400-999]",
		"Hooked":   "readsRetryAfter; sends, errs[400-999] *retry/policy.StatusError[400-999]",
	}
	if !maps.Equal(got, want) {
		t.Errorf("facts: got %v, want %v", got, want)
	}
}
