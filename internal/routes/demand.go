package routes

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
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

// DeclaresRouters reports whether pkg, a package of a dependency module,
// can hold a fact of this pass that the packages using it need: it
// exports a function, or a method of an exported type, that registers a
// route from its parameters (one of them an HTTP handler, another a
// string: ory/x httprouterx's RouterPublic.GET) or that is given a router
// (a parameter whose type has such a method: ory/x healthx's
// SetHealthRoutes(r router, ...)). Only such a dependency package exports
// this pass's facts (FactScope); drivers read it from source where a
// package they analyze uses it. It is read from pkg's exported API, so
// that export data answers it.
func DeclaresRouters(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			if RouterShaped(obj) {
				return true
			}
		case *types.TypeName:
			if named, ok := types.Unalias(obj.Type()).(*types.Named); ok && !obj.IsAlias() {
				for m := range types.NewMethodSet(types.NewPointer(named)).Methods() {
					if fn, ok := m.Obj().(*types.Func); ok && fn.Exported() && fn.Pkg() == pkg && RouterShaped(fn) {
						return true
					}
				}
			}
		}
	}
	return false
}

// RouterShaped reports whether fn's signature lets it register a route
// from its parameters (an HTTP handler and a string among them) or on a
// router it is given (a parameter whose type has such a method).
func RouterShaped(fn *types.Func) bool {
	return registersFrom(fn.Signature()) || takesRouter(fn.Signature())
}

// registersFrom reports whether a function of signature sig can register
// a route from its parameters: one holds an HTTP handler (httpHandler),
// another a string, and it returns no handler nor middleware (newrelic's
// WrapHandleFunc(app, pattern, h) returns the pattern and a handler that
// wraps h, for the caller to register; chi's middleware.PageRoute(path,
// h) returns middleware).
func registersFrom(sig *types.Signature) bool {
	for r := range sig.Results().Variables() {
		if httpHandler(r.Type()) {
			return false
		}
		if mw, ok := r.Type().Underlying().(*types.Signature); ok {
			for p := range mw.Params().Variables() {
				if httpHandler(p.Type()) {
					return false
				}
			}
		}
	}
	handler, str := false, false
	for p := range sig.Params().Variables() {
		t := p.Type()
		if s, ok := t.(*types.Slice); ok && sig.Variadic() {
			t = s.Elem()
		}
		if httpHandler(t) {
			handler = true
		} else if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.String {
			str = true
		}
	}
	return handler && str
}

// takesRouter reports whether one of sig's parameters is a router: a
// type with an exported method that registers from its parameters.
func takesRouter(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		for m := range types.NewMethodSet(p.Type()).Methods() {
			if fn, ok := m.Obj().(*types.Func); ok && fn.Exported() && registersFrom(fn.Signature()) {
				return true
			}
		}
	}
	return false
}

// httpHandler reports whether t holds an HTTP handler: a type with a
// ServeHTTP method, a function given an http.ResponseWriter, or a
// function type a known library declares (httprouter.Handle,
// gin.HandlerFunc).
func httpHandler(t types.Type) bool {
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
		_, ok := obj.(*types.Func)
		return ok
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil && knowledge.IsKnownPackage(named.Obj().Pkg().Path()) {
		return true
	}
	for p := range sig.Params().Variables() {
		if typesx.IsResponseWriter(p.Type()) {
			return true
		}
	}
	return false
}
