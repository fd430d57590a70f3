package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/analyzer/knowledge"
)

// base is what every pass works on: the pass and the package's files.
type base struct {
	pass *analysis.Pass
	// allFiles are the package's files; checked, those reported on (not
	// generated, not tests under -tests=false).
	allFiles, checked []inspector.Cursor
	// statusVars are the local variables that hold a status.
	statusVars map[*types.Var]bool
	// statusFields are the fields that carry a status by data flow
	// (findStatusFields): the package's own and, through facts, others'.
	statusFields map[*types.Var]bool
	// values are what local variables are given (valuesOf): filled on
	// first use.
	values map[*types.Var][]condDef
	// foreign indexes the imported facts by package path and object
	// path (importFact): built on first use.
	foreign map[string]*pkgFacts
}

// newBase indexes the package's files; checked says which are reported on.
func newBase(pass *analysis.Pass, in *inspector.Inspector, checked func(*analysis.Pass, *ast.File) bool) base {
	b := base{pass: pass}
	for fc := range in.Root().Children() {
		b.allFiles = append(b.allFiles, fc)
		if checked(pass, fc.Node().(*ast.File)) {
			b.checked = append(b.checked, fc)
		}
	}
	return b
}

// isStatusExpr reports whether e reads a status: a status field
// (resp.StatusCode), a status method (resty's r.StatusCode(), fasthttp's
// resp.StatusCode()), or a variable that holds one.
func (c *base) isStatusExpr(e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && c.statusVars[v]
	}
	return c.readsStatus(e)
}

// readsStatus reports whether e reads a status field or calls a status
// method.
func (c *base) readsStatus(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		s, ok := c.pass.TypesInfo.Selections[e]
		return ok && c.isStatusFieldOf(s.Obj(), s.Recv())
	case *ast.CallExpr:
		return c.isStatusMethodCall(e)
	}
	return false
}

// findStatusVars finds the variables that hold a status: assigned a
// status field or method (code := resp.StatusCode), or the status result
// of a call (statusCode, body, err := fasthttp.Get(nil, url)), and nothing
// else but their zero value.
func (c *base) findStatusVars() {
	info := c.pass.TypesInfo
	status, other := map[*types.Var]bool{}, map[*types.Var]bool{}
	mark := func(lhs ast.Expr, isStatus bool) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || !isInteger(v.Type()) {
			return
		}
		if isStatus {
			status[v] = true
		} else {
			other[v] = true
		}
	}
	assign := func(lhs, rhs []ast.Expr) {
		if len(rhs) == 1 && len(lhs) > 1 {
			call, _ := ast.Unparen(rhs[0]).(*ast.CallExpr)
			idx := -1
			if call != nil {
				if key, via, _, ok := knowledge.Resolve(info, call); ok {
					if i, ok := knowledge.StatusResults[key]; ok {
						idx = i
					} else if i, ok := knowledge.StatusResults[via]; ok {
						idx = i
					}
				}
			}
			for i, l := range lhs {
				mark(l, i == idx)
			}
			return
		}
		for i, l := range lhs {
			if i < len(rhs) {
				mark(l, c.readsStatus(rhs[i]))
			}
		}
	}
	for _, fc := range c.allFiles {
		for n := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil)) {
			switch n := n.Node().(type) {
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					assign(n.Lhs, n.Rhs)
				} else {
					for _, l := range n.Lhs {
						mark(l, false) // code += 1
					}
				}
			case *ast.ValueSpec:
				var lhs []ast.Expr
				for _, name := range n.Names {
					lhs = append(lhs, name)
				}
				assign(lhs, n.Values) // var code int: no value, not marked
			case *ast.IncDecStmt:
				mark(n.X, false)
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key, false)
				}
				if n.Value != nil {
					mark(n.Value, false)
				}
			}
		}
	}
	c.statusVars = map[*types.Var]bool{}
	for v := range status {
		if !other[v] {
			c.statusVars[v] = true
		}
	}
}

// isStatusMethodCall reports whether e calls a method that returns a
// response's status: a known one (resty's and fasthttp's StatusCode), or
// the Status() int of a response writer.
func (c *base) isStatusMethodCall(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	key, via, fn, ok := knowledge.Resolve(c.pass.TypesInfo, call)
	if !ok {
		return false
	}
	if knowledge.StatusMethods[key] || knowledge.StatusMethods[via] {
		return true
	}
	// A response writer's or recorder's own Status() int (gin's
	// ResponseWriter, caddy's ResponseRecorder) reports the status written.
	if fn == nil || fn.Name() != "Status" || len(call.Args) != 0 || fn.Signature().Recv() == nil {
		return false
	}
	results := fn.Signature().Results()
	return results.Len() == 1 && isInteger(results.At(0).Type()) && isResponseWriter(fn.Signature().Recv().Type())
}
