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
