package retry

import (
	"go/ast"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// isNoReturn reports whether call never returns: panic, os.Exit, log.Fatal
// and friends, t.Fatal.
func (c *retryChecker) IsNoReturn(call *ast.CallExpr) bool {
	if typesx.IsBuiltin(c.Pass.TypesInfo, call, "panic") {
		return true
	}
	key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	return ok && (knowledge.NoReturn[key] || knowledge.NoReturn[via])
}
