package syntax

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// condOf returns the definition of the boolean variable e names, if it
// is set once.
func (ev *Evaluator) condOf(e ast.Expr) (status.Value, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return status.Value{}, false
	}
	v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return status.Value{}, false
	}
	return condDef(ev.Index, v)
}

// condOrFalse returns the one value of v, a boolean local variable of
// this package, that is not the constant false, if it is given exactly
// one such value besides false (gcs's retryable := retry.runShouldRetry(
// err, ctx), set to false when the context ends): it holds only where that
// value does.
func (ev *Evaluator) condOrFalse(e ast.Expr) (ast.Expr, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	info := ev.Pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || typesx.IsPackageLevel(v) || !typesx.IsBool(v.Type()) {
		return nil, false
	}
	var value ast.Expr
	for _, d := range ev.Index.ValuesOf(v) {
		if d.Expr == nil || d.Index != 0 {
			return nil, false
		}
		if b, ok := BoolConst(info, d.Expr); ok && !b {
			continue
		}
		if _, isTuple := info.TypeOf(d.Expr).(*types.Tuple); isTuple || value != nil {
			return nil, false
		}
		value = d.Expr
	}
	return value, value != nil
}

// admitsDef evaluates a boolean variable through its definition: the
// expression, the first result of a retry decision, or a comma-ok lookup
// in a code set.
func (ev *Evaluator) admitsDef(d status.Value, neg bool) (codeset.Set, bool) {
	x := ast.Unparen(d.Expr)
	var s codeset.Set
	ok := false
	_, isTuple := ev.Pass.TypesInfo.TypeOf(x).(*types.Tuple)
	switch {
	case !isTuple && d.Index == 0:
		return ev.Admits(x, neg), true
	default:
		if call, isCall := x.(*ast.CallExpr); isCall {
			s, ok = ev.predicateResult(call, d.Index)
		} else if ix, isIndex := x.(*ast.IndexExpr); isIndex && d.Index == 1 {
			s, ok = ev.setLookup(ix.X, ix.Index)
		}
	}
	if ok && neg {
		s = s.Not()
	}
	return s, ok
}

// anchor returns where the codes a condition decides are reported: the
// definition of a boolean variable, or the condition itself.
func (ev *Evaluator) anchor(cond ast.Expr) ast.Node {
	x := ast.Unparen(cond)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		x = ast.Unparen(u.X)
	}
	if d, ok := ev.condOf(x); ok {
		return d.Expr
	}
	return cond
}

// ListVar returns the variable e names, or the field it selects.
func ListVar(info *types.Info, e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s, ok := info.Selections[x]; ok && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
	}
	return nil
}

// condDef returns the definition of v, a boolean local variable of this
// package assigned exactly once and never through a pointer.
func condDef(x *status.Index, v *types.Var) (status.Value, bool) {
	if !typesx.IsBool(v.Type()) {
		return status.Value{}, false
	}
	return OnlyValue(x, v)
}

// OnlyValue returns the one value v, a local variable of this package, is
// given, if it is given exactly one, never through a pointer.
func OnlyValue(x *status.Index, v *types.Var) (status.Value, bool) {
	if typesx.IsPackageLevel(v) {
		return status.Value{}, false
	}
	vals := x.ValuesOf(v)
	if len(vals) != 1 || vals[0].Expr == nil {
		return status.Value{}, false
	}
	return vals[0], true
}

// BoolConst returns the value of a constant boolean expression.
func BoolConst(info *types.Info, e ast.Expr) (bool, bool) {
	if e == nil {
		return false, false
	}
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}
