package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A request handed to a function after the send may come back changed: a
// signer sets its Authorization header again before a 403 goes round. A
// function that only reads it (formats it, logs it) changes nothing; one
// the check cannot see into is taken to change it.

// leavesArg reports whether call leaves alone what its i-th argument
// refers to: the argument is formatted (a ...any parameter: fmt's, log's),
// logged (a logger's method), or given to a function of this package that
// only reads that parameter (leavesParam).
func (c *retryChecker) leavesArg(call *ast.CallExpr, i int) bool {
	info := c.Pass.TypesInfo
	if b, ok := typeutil.Callee(info, call).(*types.Builtin); ok {
		switch b.Name() {
		case "len", "cap", "print", "println":
			return true
		}
		return false
	}
	fn := typesx.Callee(info, call)
	if fn == nil {
		return false
	}
	params := fn.Signature().Params()
	if fn.Signature().Variadic() && i >= params.Len()-1 {
		elem := params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		if iface, ok := elem.Underlying().(*types.Interface); ok && iface.Empty() {
			return true
		}
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.isLogger(info.TypeOf(sel.X)) {
		return true
	}
	return fn.Pkg() == c.Pass.Pkg && c.Decls[fn] != nil && c.leavesParam(fn, i)
}

// paramKey names a parameter of a function by its index.
type paramKey struct {
	fn *types.Func
	i  int
}

// leavesParam reports whether fn, a function of this package, leaves alone
// what its i-th parameter refers to: it assigns through it nowhere, takes
// no address in it, keeps no alias of what it shares, calls on it only a
// request's or a header's reads, a logger's methods and the package's
// methods that change nothing, and hands it only to calls that leave it
// alone. A function that calls itself back is taken to change it.
func (c *retryChecker) leavesParam(fn *types.Func, i int) bool {
	k := paramKey{fn, i}
	if r, ok := c.leavesParams[k]; ok {
		return r
	}
	c.leavesParams[k] = false
	r := c.evalLeavesParam(fn, i)
	c.leavesParams[k] = r
	return r
}

func (c *retryChecker) evalLeavesParam(fn *types.Func, i int) bool {
	info := c.Pass.TypesInfo
	decl := c.Decls[fn]
	if decl == nil || decl.Body == nil || i >= fn.Signature().Params().Len() {
		return false
	}
	p := fn.Signature().Params().At(i)
	of := func(e ast.Expr) bool { return rootVar(info, e) == p }
	leaves := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				leaves = leaves && !of(lhs)
			}
			for _, rhs := range n.Rhs {
				leaves = leaves && !(of(rhs) && sharesState(info.TypeOf(rhs)))
			}
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				leaves = leaves && !(of(e) && sharesState(info.TypeOf(e)))
			}
		case *ast.IncDecStmt:
			leaves = leaves && !of(n.X)
		case *ast.UnaryExpr:
			leaves = leaves && !(n.Op == token.AND && of(n.X))
		case *ast.CallExpr:
			for j, a := range n.Args {
				if of(a) && sharesState(info.TypeOf(a)) && !c.leavesArg(n, j) {
					leaves = false
				}
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !of(sel.X) || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
				break
			}
			callee := typesx.Callee(info, n)
			switch {
			case callee == nil:
				leaves = false
			case knowledge.RequestReads[typesx.FuncKey(callee)], knowledge.HeaderReads[typesx.FuncKey(callee)], c.isLogger(info.TypeOf(sel.X)):
			case callee.Pkg() == c.Pass.Pkg && c.Decls[callee] != nil:
				leaves = leaves && c.changedFields(callee).Empty()
			default:
				leaves = false
			}
		}
		return leaves
	})
	return leaves
}
