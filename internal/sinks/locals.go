package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Local functions: a function literal given, once, to a local variable
// (endpoint := func(code int) http.HandlerFunc { ... w.WriteHeader(code)
// ... }, then endpoint(500)) is a function like a declared one, whose
// integer parameters may flow into sinks. Each stands in the wrapper
// search as a *types.Func of its own, with its literal as the
// declaration; no other pass sees it, and it exports no fact (nothing
// outside the function can name it).

// findLocalFuncs returns the package's local functions, by variable, and
// their stand-in declarations.
func (c *sinkFinder) findLocalFuncs() (map[*types.Var]*types.Func, map[*types.Func]*ast.FuncDecl) {
	info := c.Pass.TypesInfo
	byVar := map[*types.Var]*types.Func{}
	decls := map[*types.Func]*ast.FuncDecl{}
	note := func(id *ast.Ident, value ast.Expr) {
		lit, ok := ast.Unparen(value).(*ast.FuncLit)
		if !ok {
			return
		}
		v, ok := info.Defs[id].(*types.Var)
		if !ok || byVar[v] != nil {
			return
		}
		sig, ok := info.TypeOf(lit).(*types.Signature)
		// Given that literal and nothing else: not reassigned, not
		// declared without it, its address not taken.
		if !ok || !hasIntegerParam(sig) || c.OnlyFuncLit(v) != lit {
			return
		}
		fn := types.NewFunc(lit.Pos(), c.Pass.Pkg, v.Name(), sig)
		byVar[v] = fn
		decls[fn] = &ast.FuncDecl{Name: id, Type: lit.Type, Body: lit.Body}
	}
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							note(id, n.Rhs[i])
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						note(id, n.Values[i])
					}
				}
			}
		}
	}
	return byVar, decls
}

// localCallee returns the local function call calls, if it calls one
// through its variable.
func (c *sinkFinder) localCallee(call *ast.CallExpr) *types.Func {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(c.localFuncs) == 0 {
		return nil
	}
	v, _ := c.Pass.TypesInfo.Uses[id].(*types.Var)
	return c.localFuncs[v]
}
