package status

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// Functions that return a status: a function of this package, or a
// function literal given once to a local variable, whose integer result
// (or, of several results, the one integer result) every return gives a
// status it reads (rec.Code, resp.StatusCode, another such call) or a
// constant (return 0 when the request failed). A call of one reads a
// status: if get("/a") != 200, if code(h, "/b") != 201, and
// decisions, code := readDecisionsGetResp(t, w) makes code a status
// (crowdsec's tests). A return of anything else there (a length, a sum)
// makes the result no status.

// returnsStatus reports whether call calls a function whose one result is
// a status.
func (c *Base) returnsStatus(call *ast.CallExpr) bool {
	return c.statusResult(call, 1) == 0
}

// statusResult returns the index of the result of call that is a status,
// if call has n results and calls a function that returns a status there;
// -1 otherwise.
func (c *Base) statusResult(call *ast.CallExpr, n int) int {
	info := c.Pass.TypesInfo
	// The results first: it is cheap, and most calls fail it before the
	// package's declarations or values are indexed.
	t := info.TypeOf(call.Fun)
	if t == nil {
		return -1
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != n || !hasIntegerResult(sig) {
		return -1
	}
	var body *ast.BlockStmt
	var key types.Object
	if fn := typesx.StaticCallee(info, call); fn != nil && fn.Pkg() == c.Pass.Pkg {
		if decl := c.FuncDecl(fn.Origin()); decl != nil {
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
		return -1
	}
	if r, ok := c.statusResults[key]; ok {
		return r
	}
	if c.statusResults == nil {
		c.statusResults = map[types.Object]int{}
	}
	c.statusResults[key] = -1 // a recursive call decides nothing
	reads, other := make([]bool, n), make([]bool, n)
	for i := range n {
		other[i] = !typesx.IsInteger(sig.Results().At(i).Type())
	}
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(node.Results) != n {
				// A bare return of named results, or of another
				// call's results: not read here.
				for i := range other {
					other[i] = true
				}
				return false
			}
			for i, r := range node.Results {
				if other[i] {
					continue
				}
				if c.readsStatus(r) {
					reads[i] = true
				} else if tv := info.Types[r]; tv.Value == nil {
					other[i] = true
				}
			}
		}
		return true
	})
	r := -1
	for i := range n {
		if reads[i] && !other[i] {
			if r >= 0 {
				r = -1 // two status results: neither is the one
				break
			}
			r = i
		}
	}
	c.statusResults[key] = r
	return r
}

// hasIntegerResult reports whether sig has an integer result.
func hasIntegerResult(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if typesx.IsInteger(v.Type()) {
			return true
		}
	}
	return false
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
