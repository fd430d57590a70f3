package values

import (
	"golang.org/x/tools/go/ssa"
)

// Mixed returns the function values of given that meet another one in the
// function they are handed in: a value both flow into, through the calls
// they are handed to, the results of calls those are given to, the lists
// and variables they are stored in. Which of them is used there is
// decided by order at run time (two options that each set a request's
// retry decision, the later one winning), so a pass that cannot tell
// which wins says nothing of either.
func Mixed[T comparable](given []Given[T]) map[*ssa.Function]bool {
	labels := map[ssa.Value]map[*ssa.Function]bool{}
	var work []ssa.Value
	label := func(v ssa.Value, fns map[*ssa.Function]bool) {
		if v == nil {
			return
		}
		if labels[v] == nil {
			labels[v] = map[*ssa.Function]bool{}
		}
		grew := false
		for fn := range fns {
			if !labels[v][fn] {
				labels[v][fn] = true
				grew = true
			}
		}
		if grew {
			work = append(work, v)
		}
	}
	for _, g := range given {
		if v, ok := g.Call.(*ssa.Call); ok {
			label(v, map[*ssa.Function]bool{g.Func: true})
		}
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Val == v {
					label(StoreRoot(r.Addr), labels[v])
				}
			case *ssa.Call:
				label(r, labels[v])
			case *ssa.MakeClosure:
				// The closure, and its free variable inside it.
				label(r, labels[v])
				if fn, ok := r.Fn.(*ssa.Function); ok {
					for i, b := range r.Bindings {
						if b == v && i < len(fn.FreeVars) {
							label(fn.FreeVars[i], labels[v])
						}
					}
				}
			case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.Convert,
				*ssa.Slice, *ssa.UnOp, *ssa.IndexAddr, *ssa.FieldAddr, *ssa.TypeAssert, *ssa.Extract:
				label(r.(ssa.Value), labels[v])
			}
		}
	}
	mixed := map[*ssa.Function]bool{}
	for _, fns := range labels {
		if len(fns) > 1 {
			for fn := range fns {
				mixed[fn] = true
			}
		}
	}
	return mixed
}

// StoreRoot returns what a store into addr changes: the list or struct an
// element or field address is of, or the variable itself.
func StoreRoot(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.FieldAddr:
			addr = a.X
		default:
			return addr
		}
	}
}
