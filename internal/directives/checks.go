package directives

import "github.com/statuslint/statuslint/internal/checks"

// The checks the pass reports, each the Category of its diagnostics;
// what each is, is internal/checks/checks.md's.
const (
	BadDirective = "SL0001"
	UnusedIgnore = "SL0002"
)

// Checks are the checks the pass reports, as it declares them: the suite,
// -checks, the pass's switch and the docs' tests derive from this list.
var Checks = []checks.Decl{
	{ID: BadDirective},
	{ID: UnusedIgnore},
}
