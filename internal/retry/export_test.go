package retry

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
)

// SetFlowCompared sets what the check tells of each retry loop's AST flow
// (nil: nothing).
func SetFlowCompared(f func(pass *analysis.Pass, send *ast.CallExpr, errs, resent codeset.Set, known engine.Known)) {
	flowCompared = f
}

// SetSSAOnly sets whether every retry loop is reported by the SSA flow
// alone (STATUSLINT_RETRY_FLOW=ssa), and returns what puts it back.
func SetSSAOnly(on bool) (restore func()) {
	was := ssaOnly
	ssaOnly = on
	return func() { ssaOnly = was }
}
