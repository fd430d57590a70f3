package status

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// IsStatusExpr reports whether e reads a status: a status field
// (resp.StatusCode), a status method (resty's r.StatusCode(), fasthttp's
// resp.StatusCode()), or a variable that holds one.
func IsStatusExpr(pass *analysis.Pass, x *Index, e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		return ok && x.StatusVars[v]
	}
	return readsStatus(pass, x, e)
}

// readsStatus reports whether e reads a status field or calls a status
// method.
func readsStatus(pass *analysis.Pass, x *Index, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		s, ok := pass.TypesInfo.Selections[e]
		return ok && IsStatusFieldOf(x, s.Obj(), s.Recv())
	case *ast.CallExpr:
		return isStatusMethodCall(pass, e) || returnsStatus(pass, x, e)
	}
	return false
}

// FindStatusVars finds the variables that hold a status: assigned a
// status field or method (code := resp.StatusCode), or the status result
// of a call (statusCode, body, err := fasthttp.Get(nil, url)), and nothing
// else but their zero value. The index's builder calls it before the
// index is handed on.
func FindStatusVars(pass *analysis.Pass, x *Index) {
	info := pass.TypesInfo
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
				idx = statusResult(pass, x, call, len(lhs))
			}
			for i, l := range lhs {
				mark(l, i == idx)
			}
			return
		}
		for i, l := range lhs {
			if i < len(rhs) && intVar(l) != nil {
				mark(l, readsStatus(pass, x, rhs[i]))
			}
		}
	}
	for _, fc := range x.AllFiles {
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
	x.StatusVars = map[*types.Var]bool{}
	for v := range status {
		if !other[v] {
			x.StatusVars[v] = true
		}
	}
}

// isStatusMethodCall reports whether e calls a method that returns a
// response's status: a known one (resty's and fasthttp's StatusCode), or
// the Status() int of a response writer.
func isStatusMethodCall(pass *analysis.Pass, e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	key, via, fn, ok := typesx.Resolve(pass.TypesInfo, call)
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

// IsResponseType reports whether t is a client response type
// (knowledge.ResponseTypes): *http.Response, resty's, fasthttp's.
func IsResponseType(t types.Type) bool {
	path, name, ok := typesx.TypeName(t)
	return ok && knowledge.ResponseTypes[knowledge.Key{Path: path, Name: name}]
}

// IsResponse reports whether e is a client response.
func IsResponse(pass *analysis.Pass, e ast.Expr) bool {
	t := pass.TypesInfo.TypeOf(e)
	return t != nil && IsResponseType(t)
}

// IsIntConst reports whether e is an integer constant.
func IsIntConst(pass *analysis.Pass, e ast.Expr) bool {
	tv := pass.TypesInfo.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int
}

// IsStatusFieldOf is typesx.IsStatusField, and the fields that carry a status by
// data flow: the package's own (findStatusFields) and, through facts,
// other packages'.
func IsStatusFieldOf(x *Index, obj types.Object, recv types.Type) bool {
	v, ok := obj.(*types.Var)
	if ok && x.StatusFields[v] {
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
	return !typesx.IsStatusFieldByName(v) || !x.nonStatusFields()[v]
}
