package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Implementations returns the methods a call through an interface may
// run, where the interface is the calling package's own and its types
// implement it: the contract of its method as the package's own code
// shows it (opensearch-go's Logger, whose four loggers the package
// declares beside it). It is nil where the call is not through an
// interface of the package, no type of it implements the interface, or
// a method that does was not built (BuildBodies: Methods lists what to
// build).
func Implementations(call *ssa.Call) []*ssa.Function {
	if !call.Call.IsInvoke() {
		return nil
	}
	fn := call.Parent()
	m := call.Call.Method
	iface, ok := call.Call.Value.Type().Underlying().(*types.Interface)
	if !ok || fn.Pkg == nil || m.Pkg() != fn.Pkg.Pkg {
		return nil
	}
	var out []*ssa.Function
	for _, obj := range Methods(fn.Pkg.Pkg, iface, m.Name()) {
		f := fn.Prog.FuncValue(obj)
		if f == nil || f.Blocks == nil {
			return nil
		}
		out = append(out, f)
	}
	return out
}

// Methods returns the method name of each named type of pkg that
// implements iface, or whose pointer does, in the order of pkg's scope.
func Methods(pkg *types.Package, iface *types.Interface, name string) []*types.Func {
	var out []*types.Func
	scope := pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		ptr := types.NewPointer(named)
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, pkg, name)
		f, ok := obj.(*types.Func)
		if !ok || !types.Implements(ptr, iface) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// used reports whether the function reads its parameter p.
func used(p *ssa.Parameter) bool {
	for _, r := range *p.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}
