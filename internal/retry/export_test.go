package retry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
)

// SetFlowCompared sets what the check tells of each retry loop's AST flow
// (nil: nothing).
func SetFlowCompared(f func(pass *analysis.Pass, send *ast.CallExpr, errs, resent codeset.Set, pred func(*types.Func) (facts.Pred, bool))) {
	flowCompared = f
}
