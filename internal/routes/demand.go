package routes

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/config"
)

// FactDemand returns whether obj, an object of another package, can carry
// a fact of this pass under s: with an OpenAPI table (the flags' or a configuration file's), any function or
// method (a handler's HandlerFact, a generated interface method's
// OperationFact, a RoutesFact, a RegistrarFact) or struct field (a
// RouterFieldFact) or package-level error variable (a PlainErrorFact);
// without one the pass finds nothing and exports
// nothing.
// Drivers that load a package's imports for facts read an import from
// source when the package uses such an object of it; TestFactDemand
// checks every fact the pass exports on the fixtures against it.
func FactDemand(s *config.Settings) func(obj types.Object) bool {
	return func(obj types.Object) bool {
		if !s.PassOn(Name) {
			return false
		}
		switch obj := obj.(type) {
		case *types.Func:
		case *types.Var:
			if !obj.IsField() && !isSentinel(obj) {
				return false // a RouterFieldFact is on a field, a PlainErrorFact on an error variable
			}
		default:
			return false
		}
		return s.AnySpec()
	}
}
