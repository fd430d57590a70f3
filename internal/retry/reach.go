package retry

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// paramKey names a parameter of a function by its index.
type paramKey struct {
	fn *types.Func
	i  int
}

// argReachesRequest reports whether argument j of send can change the
// request it sends. Only for a function of this package that is handed
// the request too (a *http.Request parameter) is it told, by
// paramReachesRequest; any other argument may (it is the request, or
// builds it: c.do(method, path, body)).
func (c *retryChecker) argReachesRequest(send *ast.CallExpr, j int) bool {
	fn := typesx.Callee(c.Pass.TypesInfo, send)
	if fn == nil || fn.Pkg() != c.Pass.Pkg || c.Decls[fn] == nil || fn.Signature().Variadic() {
		return true
	}
	params := fn.Signature().Params()
	if j >= params.Len() || typesx.IsRequestPtr(params.At(j).Type()) {
		return true
	}
	hasRequest := false
	for i := range params.Len() {
		hasRequest = hasRequest || typesx.IsRequestPtr(params.At(i).Type())
	}
	return !hasRequest || c.paramReachesRequest(fn, j)
}

// paramReachesRequest reports whether fn, a function of this package,
// may write its parameter j, or a value made from it, into a request:
// assign a request (or a part of one) from it, or hand it to a call
// that is handed a request too (setAuth(req, conn.token),
// req.Header.Set("X", v)), or use it in a function literal. What only
// decides whether to write a constant (if conn.draining { req.Close =
// true }) is not a value of the request.
func (c *retryChecker) paramReachesRequest(fn *types.Func, j int) bool {
	k := paramKey{fn, j}
	if r, ok := c.reachesReq[k]; ok {
		return r
	}
	c.reachesReq[k] = true // a recursion is taken to reach
	decl := c.Decls[fn]
	info := c.Pass.TypesInfo
	param := fn.Signature().Params().At(j)
	tainted := map[*types.Var]bool{param: true}
	uses := func(e ast.Node) bool { return typesx.UsesAny(info, e, tainted) }
	isRequest := func(e ast.Expr) bool {
		v := rootVar(info, e)
		return v != nil && typesx.IsRequestPtr(v.Type()) || typesx.IsRequestPtr(info.TypeOf(e))
	}
	// Values made from the parameter, to a fixed point.
	for grew := true; grew; {
		grew = false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for k, lhs := range as.Lhs {
				rhs := as.Rhs[min(k, len(as.Rhs)-1)]
				if v := rootVar(info, lhs); v != nil && !tainted[v] && !isRequest(lhs) && uses(rhs) {
					tainted[v], grew = true, true
				}
			}
			return true
		})
	}
	reaches := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			reaches = reaches || uses(n)
			return false
		case *ast.AssignStmt:
			for k, lhs := range n.Lhs {
				if isRequest(lhs) && uses(n.Rhs[min(k, len(n.Rhs)-1)]) {
					reaches = true
				}
			}
		case *ast.CallExpr:
			withRequest := false
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isRequest(sel.X) {
				withRequest = true
			}
			for _, a := range n.Args {
				withRequest = withRequest || isRequest(a)
			}
			if withRequest && uses(n) {
				reaches = true
			}
		}
		return !reaches
	})
	c.reachesReq[k] = reaches
	return reaches
}
