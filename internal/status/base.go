package status

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/report"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Base is what every pass works on: the pass and the package's files.
type Base struct {
	Pass *analysis.Pass
	// Index is the package's, shared by the passes.
	*Index
	// foreign indexes the facts this pass imported by package path and
	// object path (ImportFact): built on first use.
	foreign map[string]*pkgFacts
	// statusResults memoizes statusResult (the index of the result that is
	// a status, or -1), by function or by the local variable that holds a
	// function literal. It is the pass's own: a function being evaluated
	// stands at -1 meanwhile, which another pass must not read.
	statusResults map[types.Object]int
}

// NewBase returns a pass's state over the package's index.
func NewBase(pass *analysis.Pass, x *Index) Base {
	return Base{Pass: pass, Index: x}
}

// IsStatusExpr reports whether e reads a status: a status field
// (resp.StatusCode), a status method (resty's r.StatusCode(), fasthttp's
// resp.StatusCode()), or a variable that holds one.
func (c *Base) IsStatusExpr(e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var)
		return ok && c.StatusVars[v]
	}
	return c.readsStatus(e)
}

// readsStatus reports whether e reads a status field or calls a status
// method.
func (c *Base) readsStatus(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		s, ok := c.Pass.TypesInfo.Selections[e]
		return ok && c.IsStatusFieldOf(s.Obj(), s.Recv())
	case *ast.CallExpr:
		return c.isStatusMethodCall(e) || c.returnsStatus(e)
	}
	return false
}

// FindStatusVars finds the variables that hold a status: assigned a
// status field or method (code := resp.StatusCode), or the status result
// of a call (statusCode, body, err := fasthttp.Get(nil, url)), and nothing
// else but their zero value.
func (c *Base) FindStatusVars() {
	info := c.Pass.TypesInfo
	status, other := map[*types.Var]bool{}, map[*types.Var]bool{}
	// intVar returns the local integer variable lhs names, if it does:
	// only those are marked, so the right-hand side is read for nothing
	// else.
	intVar := func(lhs ast.Expr) *types.Var {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || !typesx.IsInteger(v.Type()) {
			return nil
		}
		return v
	}
	mark := func(lhs ast.Expr, isStatus bool) {
		if v := intVar(lhs); v != nil {
			if isStatus {
				status[v] = true
			} else {
				other[v] = true
			}
		}
	}
	assign := func(lhs, rhs []ast.Expr) {
		if !slices.ContainsFunc(lhs, func(l ast.Expr) bool { return intVar(l) != nil }) {
			return
		}
		if len(rhs) == 1 && len(lhs) > 1 {
			call, _ := ast.Unparen(rhs[0]).(*ast.CallExpr)
			idx := -1
			if call != nil {
				if key, via, _, ok := typesx.Resolve(info, call); ok {
					if i, ok := knowledge.StatusResults[key]; ok {
						idx = i
					} else if i, ok := knowledge.StatusResults[via]; ok {
						idx = i
					}
				}
			}
			if idx < 0 && call != nil {
				// A function of the package that returns a status
				// among other results.
				idx = c.statusResult(call, len(lhs))
			}
			for i, l := range lhs {
				mark(l, i == idx)
			}
			return
		}
		for i, l := range lhs {
			if i < len(rhs) && intVar(l) != nil {
				mark(l, c.readsStatus(rhs[i]))
			}
		}
	}
	for _, fc := range c.AllFiles {
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
	c.StatusVars = map[*types.Var]bool{}
	for v := range status {
		if !other[v] {
			c.StatusVars[v] = true
		}
	}
}

// isStatusMethodCall reports whether e calls a method that returns a
// response's status: a known one (resty's and fasthttp's StatusCode), or
// the Status() int of a response writer.
func (c *Base) isStatusMethodCall(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	key, via, fn, ok := typesx.Resolve(c.Pass.TypesInfo, call)
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
	return results.Len() == 1 && typesx.IsInteger(results.At(0).Type()) && typesx.IsResponseWriter(fn.Signature().Recv().Type())
}

func (c *Base) Render(n ast.Node) string { return report.Render(c.Pass, n) }

func (c *Base) IsResponseType(t types.Type) bool {
	path, name, ok := typesx.TypeName(t)
	return ok && knowledge.ResponseTypes[knowledge.Key{Path: path, Name: name}]
}

func (c *Base) IsResponse(e ast.Expr) bool {
	t := c.Pass.TypesInfo.TypeOf(e)
	return t != nil && c.IsResponseType(t)
}

// FuncDecl returns the declaration of fn, a function of this package.
func (c *Base) FuncDecl(fn *types.Func) *ast.FuncDecl {
	return c.Decls[fn]
}

// IsIntConst reports whether e is an integer constant.
func (c *Base) IsIntConst(e ast.Expr) bool {
	tv := c.Pass.TypesInfo.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int
}

// IsStatusFieldOf is typesx.IsStatusField, and the fields that carry a status by
// data flow: the package's own (findStatusFields) and, through facts,
// other packages'.
func (c *Base) IsStatusFieldOf(obj types.Object, recv types.Type) bool {
	v, ok := obj.(*types.Var)
	if ok && c.StatusFields[v] {
		return true
	}
	if !typesx.IsStatusField(obj, recv) {
		return false
	}
	if typesx.IsKnownStatusField(v, recv) {
		return true // known by identity, whatever its name
	}
	// Known by its name only: Docker's container.WaitResponse.StatusCode
	// is an exit code, compared with 15 in the client's tests.
	return !typesx.IsStatusFieldByName(v) || !c.nonStatusFields()[v]
}
