package retry

import (
	"go/types"
)

// FactDemand reports whether obj, an object of another package, can carry
// a fact of this pass, judged by its type alone: a function with a result
// (a retry decision's facts.Pred, a sender's facts.Err) or with a parameter (a
// reader of Retry-After's facts.Wait takes the response or its header), or
// a package-level list of integers (a list of statuses' facts.Codes).
// Drivers that load a package's imports for facts read an import from
// source when the package uses such an object of it; TestFactDemand
// checks every fact the pass exports on the fixtures against it.
func FactDemand(obj types.Object) bool {
	if v, ok := obj.(*types.Var); ok {
		// A package-level list of statuses (its facts.Codes).
		return !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && isIntList(v.Type())
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Results().Len() > 0 || sig.Params().Len() > 0
}
