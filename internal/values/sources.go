package values

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// maxSources bounds the values one Sources walk visits.
const maxSources = 4096

// A Source is a value that another is made of and that Sources does not
// look through: a constant, a parameter of a function it was not called
// from, a call it does not enter, an allocation, a field's value.
type Source struct {
	Value ssa.Value
	// Index is, for a call of several results, the one the value is.
	Index int
}

// Sources returns the values v is made of: through conversions,
// interfaces, type assertions and phis; a local variable through what is
// stored in it, and what errors.As stores through its address; a
// closure's free variable through what its maker binds; a result of a
// call of the package's functions through what they return, their
// parameters standing for the call's arguments. A variable's cell is a
// source too (a composite literal built in place). Calls are entered at
// most 8 deep, and only those enter allows (nil: every one): a call not
// entered is a source.
//
// The walk is bounded (maxSources values): past it, what it has found is
// what it returns, fewer sources, never others.
func Sources(v ssa.Value, enter func(*ssa.Call) bool) []Source {
	var out []Source
	// A frame is a call entered: a parameter of its callee stands for
	// the call's argument.
	type frame struct {
		fn   *ssa.Function
		call *ssa.CallCommon
		up   *frame
	}
	type key struct {
		v     ssa.Value
		index int
		at    *frame
	}
	seen := map[key]bool{}
	var walk func(v ssa.Value, index, depth int, at *frame)
	walk = func(v ssa.Value, index, depth int, at *frame) {
		// Each call entered is a frame of its own: functions that call
		// each other from many places would be walked once per path of
		// calls, so the walk stops at maxSources values.
		if v == nil || depth > 8 || seen[key{v, index, at}] || len(seen) >= maxSources {
			return
		}
		seen[key{v, index, at}] = true
		leaf := func() { out = append(out, Source{v, index}) }
		switch x := v.(type) {
		case *ssa.MakeInterface:
			walk(x.X, 0, depth, at)
		case *ssa.ChangeType:
			walk(x.X, 0, depth, at)
		case *ssa.ChangeInterface:
			walk(x.X, 0, depth, at)
		case *ssa.Convert:
			walk(x.X, 0, depth, at)
		case *ssa.TypeAssert:
			if index == 0 {
				walk(x.X, 0, depth, at)
			}
		case *ssa.Extract:
			walk(x.Tuple, x.Index, depth, at)
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, index, depth, at)
			}
		case *ssa.Parameter:
			if at != nil && x.Parent() == at.fn {
				for i, p := range at.fn.Params {
					if p == x && i < len(at.call.Args) {
						walk(at.call.Args[i], 0, depth, at.up)
					}
				}
				return
			}
			leaf()
		case *ssa.FreeVar:
			if mc := maker(x.Parent()); mc != nil {
				for i, fv := range x.Parent().FreeVars {
					if fv == x && i < len(mc.Bindings) {
						walk(mc.Bindings[i], 0, depth+1, at)
					}
				}
				return
			}
			leaf()
		case *ssa.UnOp:
			if x.Op != token.MUL {
				leaf()
				return
			}
			cell := cellOf(x.X)
			if cell == nil {
				leaf()
				return
			}
			out = append(out, Source{Value: cell})
			for _, val := range cellStores(cell) {
				walk(val, 0, depth+1, at)
			}
			for _, err := range errorsAsInto(cell) {
				walk(err, 0, depth+1, at)
			}
		case *ssa.Call:
			callee := x.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil || callee.Pkg != x.Parent().Pkg || index >= callee.Signature.Results().Len() || enter != nil && !enter(x) {
				leaf()
				return
			}
			inner := &frame{callee, &x.Call, at}
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && index < len(ret.Results) {
					walk(ret.Results[index], 0, depth+1, inner)
				}
			}
		default:
			leaf()
		}
	}
	walk(v, 0, 0, nil)
	return out
}

// errorsAsInto returns the errors that errors.As is handed with the
// address of cell as its target: what it may store there.
func errorsAsInto(cell *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	refs := cell.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		mi, ok := r.(*ssa.MakeInterface)
		if !ok || mi.Referrers() == nil {
			continue
		}
		for _, u := range *mi.Referrers() {
			call, ok := u.(*ssa.Call)
			if !ok {
				continue
			}
			fn := call.Call.StaticCallee()
			if fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "errors" && fn.Name() == "As" && len(call.Call.Args) == 2 && call.Call.Args[1] == mi {
				out = append(out, call.Call.Args[0])
			}
		}
	}
	return out
}
