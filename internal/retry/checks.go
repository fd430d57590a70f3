package retry

import "github.com/statuslint/statuslint/internal/checks"

// The checks the pass reports, each the Category of its diagnostics;
// what each is, is internal/checks/checks.md's.
const (
	RetryNever     = "SL2001"
	RetryAfterWait = "SL2002"
)

// Checks are the checks the pass reports, as it declares them: the suite,
// -checks, the pass's switch and the docs' tests derive from this list.
var Checks = []checks.Decl{
	{ID: RetryNever},
	{ID: RetryAfterWait},
}
