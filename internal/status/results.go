package status

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

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
func returnsStatus(pass *analysis.Pass, x *Index, call *ast.CallExpr) bool {
	return statusResult(pass, x, call, 1) == 0
}

// statusResult returns the index of the result of call that is a status,
// if call has n results and calls a function that returns a status there;
// -1 otherwise. The answers are kept per pass (Index.pass), not shared:
// a function being evaluated stands at -1 meanwhile, which another pass
// must not read.
func statusResult(pass *analysis.Pass, x *Index, call *ast.CallExpr, n int) int {
	info := pass.TypesInfo
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
	if fn := typesx.StaticCallee(info, call); fn != nil && fn.Pkg() == pass.Pkg {
		if decl := x.Decls[fn.Origin()]; decl != nil {
			body, key = decl.Body, fn.Origin()
		}
	} else if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if lit := x.OnlyFuncLit(v); lit != nil {
				body, key = lit.Body, v
			}
		}
	}
	return statusResultOf(pass, x, sig, n, body, key)
}

// FuncStatusResult returns the index of the result of fn, a function of
// the package, that is a status, as statusResult finds it; -1 if none.
func (x *Index) FuncStatusResult(pass *analysis.Pass, fn *types.Func) int {
	sig := fn.Signature()
	n := sig.Results().Len()
	if fn.Pkg() != pass.Pkg || n == 0 || !hasIntegerResult(sig) {
		return -1
	}
	decl := x.Decls[fn.Origin()]
	if decl == nil {
		return -1
	}
	return statusResultOf(pass, x, sig, n, decl.Body, fn.Origin())
}

// statusResultOf is statusResult for a function of signature sig with n
// results, body and key.
func statusResultOf(pass *analysis.Pass, x *Index, sig *types.Signature, n int, body *ast.BlockStmt, key types.Object) int {
	info := pass.TypesInfo
	if body == nil {
		return -1
	}
	results := x.pass(pass).statusResults
	if r, ok := results[key]; ok {
		return r
	}
	results[key] = -1 // a recursive call decides nothing
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
				if readsStatus(pass, x, r) {
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
	results[key] = r
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
func (x *Index) OnlyFuncLit(v *types.Var) *ast.FuncLit {
	if typesx.IsPackageLevel(v) || v.Pkg() != x.pkg {
		return nil
	}
	vals := x.ValuesOf(v)
	if len(vals) != 1 {
		return nil
	}
	lit, _ := ast.Unparen(vals[0].Expr).(*ast.FuncLit)
	return lit
}
