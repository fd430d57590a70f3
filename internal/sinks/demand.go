package sinks

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// FactDemand reports whether obj, an object of another package, can carry
// a fact of this pass, judged by its type alone: a function with an
// integer parameter (a wrapper of a sink: SinkFact) or an integer field (a
// status field: StatusFieldFact). Drivers that load a package's imports
// for facts read an import from source when the package uses such an
// object of it; TestFactDemand checks every fact the pass exports on the
// fixtures against it.
func FactDemand(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return hasIntegerParam(obj.Signature())
	case *types.Var:
		return obj.IsField() && typesx.IsInteger(obj.Type())
	}
	return false
}
