package analyzer_test

import (
	"path/filepath"
	"strings"
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

const projectConstants = "constants/apistatus"

// With -constants, fixes use the project's constants where they fit.
func TestProjectConstants(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("constants", projectConstants); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata, a, "constants/user", "constants/apistatus", "constants/unrelated")
}

func TestUndocumented(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "undocumented")
}

// -codes selects another table: what it does not list is undocumented.
func TestCustomTable(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("codes", filepath.Join(testdata, "tables", "api.yaml")); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "customtable")
}

// A bad table is refused when the flag is set, naming file and line.
func TestBadTableFlag(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	err := a.Flags.Set("codes", filepath.Join(testdata, "tables", "bad", "duplicate.md"))
	if err == nil || !strings.Contains(err.Error(), "duplicate.md:5: duplicate status code 200") {
		t.Fatalf("got %v", err)
	}
	if got := a.Flags.Lookup("codes").Value.String(); got != "huaweicloud" {
		t.Errorf("bad table replaced the default: %s", got)
	}
}

// Config.Codes, used by the golangci-lint plugin, reports a bad table as
// an error of the analysis instead of silently using the default.
func TestConfigCodes(t *testing.T) {
	a := analyzer.New(analyzer.Config{Codes: "iana"})
	analysistest.Run(t, testdata, a, "iana")
}

// Framework helpers, testify assertions and SDK fields, matched by type.
func TestFrameworks(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}), "frameworks")
}
