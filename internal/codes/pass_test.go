package codes_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

var testdata = testenv.Testdata("../..")

// The fixtures of the sinks and codes passes, in one load (net/http is
// loaded once), each fix checked against its .golden file:
//   - raw literals, and fixes that resolve the constant however the file
//     imports net/http (renamed, shadowed, dot-imported, blocked by a
//     package-level name, or not imported at all);
//   - undocumented statuses;
//   - framework helpers, testify assertions and SDK fields, matched by type;
//   - wrappers of sinks, across packages through facts, and functions
//     whose result reaches a sink;
//   - constants that travel to a sink through a local variable or a
//     struct field (table-driven tests), reported and fixed where set;
//   - the shapes of application code: a package that reaches HTTP through
//     fasthttp alone; a field named StatusCode that is a status only where
//     its type speaks HTTP (not Docker's exit code); go-restful's and
//     go-openapi runtime's sinks, status fields and methods; statuses that
//     SDK errors carry, compared after errors.As and retried on around SDK
//     calls; a project's own error types whose field is given the
//     response's status, in the package and, through a fact, in another.
func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}),
		"rawlit", "imports/renamed", "imports/shadowed", "imports/missing", "imports/dot", "imports/conflict",
		"undocumented", "frameworks", "wrappers/app", "travel",
		"fasthttponly", "exitcodes/app", "restfulapp", "sdkerrors", "ownerrors")
}

// With -constants, fixes use the project's constants where they fit.
func TestProjectConstants(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("constants", "constants/apistatus"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata, a, "constants/user", "constants/apistatus", "constants/unrelated")
}
