package sinks_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// The sinks pass, which reports nothing, exports a fact per wrapper of a
// sink (the fixture's // want comments name them).
func TestWrapperFacts(t *testing.T) {
	analysistest.Run(t, testenv.Testdata("../.."), analyzer.NewSuite(analyzer.Config{}).Sinks, "wrappers/respond")
}
