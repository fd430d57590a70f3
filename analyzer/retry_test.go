package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

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
