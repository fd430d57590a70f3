package syntax

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// methodDecision evaluates call, a call of a question an error answers
// (a method with no parameters and a bool result), asked of an error
// variable of the evaluation or of its assertion to an interface
// (te, ok := err.(temporary); te.Temporary()).
func (ev *Evaluator) methodDecision(call *ast.CallExpr, fn *types.Func) (codeset.Set, bool) {
	if !engine.IsQuestion(fn) {
		return codeset.Set{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return codeset.Set{}, false
	}
	v := ev.ErrOfRecv(sel.X)
	if v == nil {
		return codeset.Set{}, false
	}
	return ev.methodCodes(v, fn.Name())
}

// ErrOfRecv returns the error variable of the evaluation that x, the
// receiver of a method call, is: the variable itself, its assertion to
// another type, or a variable given only that assertion.
func (ev *Evaluator) ErrOfRecv(x ast.Expr) *types.Var {
	info := ev.Pass.TypesInfo
	x = ast.Unparen(x)
	if ta, ok := x.(*ast.TypeAssertExpr); ok {
		x = ast.Unparen(ta.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if _, known := ev.Errs[v]; known || ev.Symbolic[v] {
		return v
	}
	vals := ev.Index.ValuesOf(v)
	if w := ev.asTarget(v, vals); w != nil {
		return w
	}
	if len(vals) != 1 || vals[0].Index != 0 {
		return nil
	}
	ta, ok := ast.Unparen(vals[0].Expr).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil {
		return nil
	}
	if id, ok := ast.Unparen(ta.X).(*ast.Ident); ok {
		if w, ok := info.Uses[id].(*types.Var); ok {
			if _, known := ev.Errs[w]; known || ev.Symbolic[w] {
				return w
			}
		}
	}
	return nil
}

// methodCodes returns the statuses for which the method name of the
// error variable v is true: as the evaluation binds it (a decision's
// evaluation that assumes it), or by the error's types where they are
// known, each type's method deciding the statuses for which the error is
// of that type.
func (ev *Evaluator) methodCodes(v *types.Var, name string) (codeset.Set, bool) {
	if s, ok := ev.Methods[name]; ok {
		ev.Touched = true
		return s, true
	}
	s, ok := ev.O.TypedMethodCodes(ev.ErrTypes[v], name)
	ev.Touched = ev.Touched || ok
	return s, ok
}

// asTarget returns the error variable w that v, a variable of an interface
// type, is the target of errors.As(w, &v) for, where that is all v is
// given: declared zero, its address taken there and nowhere else. Where
// w's type has v's methods, errors.As sets v to w itself; where it has
// not, v's methods are not w's, and the methods' statuses counted are
// those of w's types that have them (TypedMethodCodes), as for
// w.(I).
func (ev *Evaluator) asTarget(v *types.Var, vals []status.Value) *types.Var {
	if !types.IsInterface(v.Type()) || len(vals) != 2 || vals[0].Expr != nil || vals[1].Expr != nil || v.Parent() == nil {
		return nil
	}
	info := ev.Pass.TypesInfo
	scope := v.Parent()
	var file *ast.File
	for _, f := range ev.Pass.Files {
		if f.FileStart <= v.Pos() && v.Pos() < f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return nil
	}
	var target *types.Var
	addrs := 0
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n.End() < scope.Pos() || n.Pos() > scope.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				addrs++
			}
		case *ast.CallExpr:
			fn := typesx.Callee(info, n)
			if fn == nil || typesx.FuncKey(fn) != knowledge.ErrorsAs || len(n.Args) != 2 {
				return true
			}
			u, ok := ast.Unparen(n.Args[1]).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				return true
			}
			if id, ok := ast.Unparen(u.X).(*ast.Ident); !ok || info.Uses[id] != v {
				return true
			}
			if id, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok {
				target, _ = info.Uses[id].(*types.Var)
			}
		}
		return true
	})
	if addrs != 1 || target == nil {
		return nil
	}
	if _, known := ev.Errs[target]; known || ev.Symbolic[target] {
		return target
	}
	return nil
}
