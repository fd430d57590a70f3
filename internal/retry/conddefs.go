package retry

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// condDef returns the definition of v, a boolean local variable of this
// package assigned exactly once and never through a pointer.
func (c *retryChecker) CondDef(v *types.Var) (status.Value, bool) {
	if !typesx.IsBool(v.Type()) {
		return status.Value{}, false
	}
	return c.OnlyValue(v)
}

// onlyValue returns the one value v, a local variable of this package, is
// given, if it is given exactly one, never through a pointer.
func (c *retryChecker) OnlyValue(v *types.Var) (status.Value, bool) {
	if typesx.IsPackageLevel(v) {
		return status.Value{}, false
	}
	vals := c.ValuesOf(v)
	if len(vals) != 1 || vals[0].Expr == nil {
		return status.Value{}, false
	}
	return vals[0], true
}
