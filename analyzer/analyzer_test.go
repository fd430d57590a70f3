package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
)

var testdata, _ = filepath.Abs("../testdata")

func TestRawLiterals(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}), "rawlit")
}

// Fixes must resolve the constant however the file imports net/http:
// renamed, shadowed, dot-imported, blocked by a package-level name, or not
// imported at all.
func TestFixImports(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}),
		"imports/renamed", "imports/shadowed", "imports/missing", "imports/dot", "imports/conflict")
}
