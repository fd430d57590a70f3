package syntax

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// Statuses to re-send are often a list the loop ranges over, compared one
// by one with the response's: for _, code := range c.retryOnStatus { if
// res.StatusCode == code { retry = true } }. The list is a literal, a
// package-level list, or a struct field the package gives one of those:
// elastic-transport-go's retryOnStatus, defaulted from defaultRetryOnStatus
// ([...]int{502, 503, 504}) when the user configures none. What a user may
// configure instead is not known; the library's own lists are.

// rangedCodes returns the codes a variable ranges over: v is the value
// of a range statement of the package over a list whose codes are known.
func (ev *Evaluator) rangedCodes(e ast.Expr) (codeset.Set, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return codeset.Set{}, false
	}
	v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != ev.Pass.Pkg {
		return codeset.Set{}, false
	}
	rs := ev.O.RangeOf(v)
	if rs == nil {
		return codeset.Set{}, false
	}
	if lv := ListVar(ev.Pass.TypesInfo, rs.X); lv != nil && ev.Lists != nil {
		// A list parameter, or a list field, the evaluation binds
		// (evalCheck's, fieldListed's).
		if s, ok := ev.Lists[lv]; ok {
			return s, true
		}
	}
	s := ev.O.ListCodes(rs.X, 0)
	return s, !s.Empty()
}
