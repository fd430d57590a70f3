package status

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// Functions that return a status: a function of this package, or a
// function literal given once to a local variable, with one integer
// result, whose every return gives a status it reads (rec.Code,
// resp.StatusCode, another such call) or a constant (return 0 when the
// request failed). A call of one reads a status: if get("/a") != 200,
// if code(h, "/b") != 201. A return of anything else (a length, a sum)
// makes the function's result no status.

// returnsStatus reports whether call calls a function that returns a
// status.
func (c *Base) returnsStatus(call *ast.CallExpr) bool {
	info := c.Pass.TypesInfo
	// The result first: it is cheap, and most calls fail it before the
	// package's declarations or values are indexed.
	t := info.TypeOf(call.Fun)
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); !ok || sig.Results().Len() != 1 || !typesx.IsInteger(sig.Results().At(0).Type()) {
		return false
	}
	var body *ast.BlockStmt
	var key types.Object
	if fn := typesx.StaticCallee(info, call); fn != nil && fn.Pkg() == c.Pass.Pkg {
		if decl := c.funcDecl(fn.Origin()); decl != nil {
			body, key = decl.Body, fn.Origin()
		}
	} else if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if lit := c.OnlyFuncLit(v); lit != nil {
				body, key = lit.Body, v
			}
		}
	}
	if body == nil {
		return false
	}
	if r, ok := c.statusResults[key]; ok {
		return r
	}
	if c.statusResults == nil {
		c.statusResults = map[types.Object]bool{}
	}
	c.statusResults[key] = false // a recursive call decides nothing
	reads, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				other = true
			} else if c.readsStatus(n.Results[0]) {
				reads = true
			} else if tv := info.Types[n.Results[0]]; tv.Value == nil {
				other = true
			}
		}
		return !other
	})
	c.statusResults[key] = reads && !other
	return reads && !other
}

// OnlyFuncLit returns the function literal v, a local variable, is given,
// if it is given exactly that.
func (c *Base) OnlyFuncLit(v *types.Var) *ast.FuncLit {
	if typesx.IsPackageLevel(v) || v.Pkg() != c.Pass.Pkg {
		return nil
	}
	vals := c.ValuesOf(v)
	if len(vals) != 1 {
		return nil
	}
	lit, _ := ast.Unparen(vals[0].Expr).(*ast.FuncLit)
	return lit
}
