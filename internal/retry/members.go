package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A membership test decides on a list its caller gives: azcore's
// HasStatusCode(resp, options.StatusCodes...) is true exactly for the
// statuses of the list. Its fact says which parameters are the status and
// the list; each call is evaluated on the list it is given there.

// memberPred returns the fact of fn if it is a membership test: a bool
// function that ranges over a list parameter and returns true when the
// status of another parameter equals an element (false otherwise), or
// that returns such a test's result on its own parameters (a wrapper, in
// the package or through a fact).
func (c *retryChecker) memberPred(fn *types.Func, decl *ast.FuncDecl) (facts.Pred, bool) {
	sig := fn.Signature()
	if decl.Body == nil || sig.Results().Len() != 1 || !typesx.IsBool(sig.Results().At(0).Type()) {
		return facts.Pred{}, false
	}
	info := c.Pass.TypesInfo
	param := func(e ast.Expr) int { return typesx.ParamIndex(info, sig, e) }
	list := decl.Body.List
	if len(list) == 2 && isNilGuard(info, list[0]) {
		list = list[1:] // if resp == nil { return false }; return ...
	}
	if len(list) == 1 {
		// return hasStatusCode(resp, codes...), or containsInt(codes,
		// resp.StatusCode) (go-autorest's ResponseHasStatusCode)
		ret, ok := list[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return facts.Pred{}, false
		}
		call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		if !ok {
			return facts.Pred{}, false
		}
		callee := typesx.StaticCallee(info, call)
		if callee == nil || callee == fn {
			return facts.Pred{}, false
		}
		p, ok := c.Predicate(callee)
		if !ok || p.List == 0 || p.Arg >= len(call.Args) || p.List-1 >= len(call.Args) {
			return facts.Pred{}, false
		}
		arg, l := param(call.Args[p.Arg]), param(call.Args[p.List-1])
		if x := typesx.StatusOf(info, call.Args[p.Arg]); x != nil {
			if a := param(x); a >= 0 && status.IsResponseType(sig.Params().At(a).Type()) {
				arg = a // the status of a response parameter
			}
		}
		if arg < 0 || l < 0 || callee.Signature().Variadic() && p.List == len(call.Args) && !call.Ellipsis.IsValid() {
			return facts.Pred{}, false
		}
		return facts.Pred{Arg: arg, List: l + 1}, true
	}
	// [if resp == nil { return false }] for _, sc := range list { if
	// status == sc { return true } } return false
	if n := len(list); n < 2 || n > 3 || !returnsConst(info, list[n-1], false) {
		return facts.Pred{}, false
	}
	rs, ok := list[len(list)-2].(*ast.RangeStmt)
	if !ok || len(rs.Body.List) != 1 {
		return facts.Pred{}, false
	}
	if len(list) == 3 {
		guard, ok := list[0].(*ast.IfStmt)
		if !ok || guard.Init != nil || guard.Else != nil || len(guard.Body.List) != 1 || !returnsConst(info, guard.Body.List[0], false) {
			return facts.Pred{}, false
		}
	}
	l := param(rs.X)
	elem, _ := info.Defs[typesx.NameIdent(rs.Value)].(*types.Var)
	if l < 0 || elem == nil || !typesx.IsInteger(elem.Type()) {
		return facts.Pred{}, false
	}
	test, ok := rs.Body.List[0].(*ast.IfStmt)
	if !ok || test.Init != nil || test.Else != nil || len(test.Body.List) != 1 || !returnsConst(info, test.Body.List[0], true) {
		return facts.Pred{}, false
	}
	eq, ok := ast.Unparen(test.Cond).(*ast.BinaryExpr)
	if !ok || eq.Op != token.EQL {
		return facts.Pred{}, false
	}
	code := eq.X
	if id, ok := ast.Unparen(eq.X).(*ast.Ident); ok && info.Uses[id] == elem {
		code = eq.Y
	} else if id, ok := ast.Unparen(eq.Y).(*ast.Ident); !ok || info.Uses[id] != elem {
		return facts.Pred{}, false
	}
	arg := param(code)
	if arg >= 0 && !typesx.IsInteger(sig.Params().At(arg).Type()) {
		arg = -1
	}
	if x := typesx.StatusOf(info, code); x != nil {
		if a := param(x); a >= 0 && status.IsResponseType(sig.Params().At(a).Type()) {
			arg = a
		}
	}
	if arg < 0 || arg == l {
		return facts.Pred{}, false
	}
	return facts.Pred{Arg: arg, List: l + 1}, true
}

// isNilGuard reports whether s is if x == nil { return false }, x a
// parameter or variable.
func isNilGuard(info *types.Info, s ast.Stmt) bool {
	guard, ok := s.(*ast.IfStmt)
	if !ok || guard.Init != nil || guard.Else != nil || len(guard.Body.List) != 1 || !returnsConst(info, guard.Body.List[0], false) {
		return false
	}
	eq, ok := ast.Unparen(guard.Cond).(*ast.BinaryExpr)
	return ok && eq.Op == token.EQL && (info.Types[eq.Y].IsNil() || info.Types[eq.X].IsNil())
}

// returnsConst reports whether s is return b.
func returnsConst(info *types.Info, s ast.Stmt, b bool) bool {
	ret, ok := s.(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	tv := info.Types[ret.Results[0]]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == b
}

// listGiven returns the codes of the list parameter i of fn that call
// gives: one list argument (codes... or a slice), or the variadic
// arguments, each a constant (by intConst); none if it gives none. ok is
// false if they are not known.
func (c *retryChecker) listGiven(call *ast.CallExpr, fn *types.Func, i int, intConst func(ast.Expr) (int64, bool)) (codeset.Set, bool) {
	if i >= len(call.Args) {
		return codeset.Set{}, true
	}
	if !fn.Signature().Variadic() || i != fn.Signature().Params().Len()-1 || call.Ellipsis.IsValid() {
		s := c.listCodes(call.Args[i], 0)
		return s, !s.Empty()
	}
	var s codeset.Set
	for _, a := range call.Args[i:] {
		k, ok := intConst(a)
		if !ok {
			return codeset.Set{}, false
		}
		s = s.Or(codeset.Single(k))
	}
	return s, true
}
