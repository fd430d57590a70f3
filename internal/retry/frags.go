package retry

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A frag is a set of statuses that goes round a retry, with the test that
// let them through: where a diagnostic about them belongs.
type frag struct {
	Set codeset.Set
	At  ast.Node
}

// codesOf returns every status the frags carry.
func codesOf(frags []frag) codeset.Set {
	var s codeset.Set
	for _, fr := range frags {
		s = s.Or(fr.Set)
	}
	return s
}

// errorStatuses are the statuses an SDK returns as its status error.
var errorStatuses = codeset.Range(knowledge.SDKErrorStatuses[0], knowledge.SDKErrorStatuses[1])

// errCodes returns the statuses for which an error of this kind is not
// nil: none for a transport error (not nil means no response at all), the
// cloud SDKs' error statuses for theirs. ok is false where the error says
// nothing of the status.
func errCodes(kind knowledge.ErrKind) (codeset.Set, bool) {
	switch kind {
	case knowledge.ErrTransport:
		return codeset.Set{}, true
	case knowledge.ErrStatus:
		return errorStatuses, true
	}
	return codeset.Set{}, false
}

// listVarOf returns the variable e names, or the field it selects.
func listVarOf(info *types.Info, e ast.Expr) *types.Var {
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

// onlyValue returns the one value v, a local variable of this package, is
// given, if it is given exactly one, never through a pointer.
func onlyValue(x *status.Index, v *types.Var) (status.Value, bool) {
	if typesx.IsPackageLevel(v) {
		return status.Value{}, false
	}
	vals := x.ValuesOf(v)
	if len(vals) != 1 || vals[0].Expr == nil {
		return status.Value{}, false
	}
	return vals[0], true
}

// intConst returns the value of e, a constant integer expression.
func (c *retryChecker) intConst(e ast.Expr) (int64, bool) {
	tv, ok := c.Pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}
