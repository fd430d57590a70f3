package engine

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// methodDecision evaluates call, a call of a question an error answers
// (a method with no parameters and a bool result), asked of an error
// variable of the evaluation or of its assertion to an interface
// (te, ok := err.(temporary); te.Temporary()).
func (ev *Evaluator) methodDecision(call *ast.CallExpr, fn *types.Func) (codeset.Set, bool) {
	if !IsQuestion(fn) {
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
