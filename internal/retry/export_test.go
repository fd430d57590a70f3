package retry

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/facts"
)

// CompareSentErrors sets errsCompared for a test, and returns what puts
// it back.
func CompareSentErrors(f func(fn *types.Func, syntaxFact, ssaFact facts.Err, ok bool)) (restore func()) {
	old := errsCompared
	errsCompared = f
	return func() { errsCompared = old }
}
