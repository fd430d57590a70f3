package syntax

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
)

// memberCodes returns the codes of the list a membership test is given at
// call: one list argument (codes... or a slice), or the codes of the
// variadic arguments, each a constant.
func (ev *Evaluator) memberCodes(call *ast.CallExpr, fn *types.Func, p facts.Pred) (codeset.Set, bool) {
	i := p.List - 1
	if i >= len(call.Args) {
		return codeset.Set{}, false // no codes given: never true
	}
	// A list parameter the evaluation binds, handed on whole
	// (ResponseHasStatusCode(resp, codes...) in a loop over codes).
	if id, ok := ast.Unparen(call.Args[i]).(*ast.Ident); ok && ev.Lists != nil && (call.Ellipsis.IsValid() || !fn.Signature().Variadic()) {
		if v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if s, ok := ev.Lists[v]; ok {
				return s, true
			}
		}
	}
	return ev.O.ListGiven(call, fn, i, ev.IntConst)
}
