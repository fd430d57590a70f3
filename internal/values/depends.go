package values

import "golang.org/x/tools/go/ssa"

// DependsOn reports whether v is computed from a value is accepts:
// through the operands of the instructions that make it, what is stored
// in the variables they read (fmt.Sprintf("%#v", err) reads err from its
// arguments' array), and what the calls a variable's address is handed
// to are given (json.NewDecoder(resp.Body).Decode(&job) fills job from
// the response). It looks at most 256 values deep.
func DependsOn(v ssa.Value, is func(ssa.Value) bool) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if v == nil || seen[v] || len(seen) > 256 {
			return false
		}
		seen[v] = true
		if is(v) {
			return true
		}
		if a, ok := v.(*ssa.Alloc); ok && a.Referrers() != nil {
			for _, r := range *a.Referrers() {
				if walk(storedAt(r, a)) {
					return true
				}
				switch r := r.(type) {
				case *ssa.Call:
					// Its address handed to a call, which may store what
					// the call is given (json.Decode(&v)).
					if walk(r) {
						return true
					}
				case *ssa.MakeInterface:
					if refs := r.Referrers(); refs != nil {
						for _, u := range *refs {
							if call, ok := u.(*ssa.Call); ok && walk(call) {
								return true
							}
						}
					}
				case *ssa.IndexAddr, *ssa.FieldAddr:
					if refs := r.(ssa.Value).Referrers(); refs != nil {
						for _, u := range *refs {
							if walk(storedAt(u, r.(ssa.Value))) {
								return true
							}
						}
					}
				}
			}
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			return false
		}
		for _, op := range instr.Operands(nil) {
			if op != nil && walk(*op) {
				return true
			}
		}
		return false
	}
	return walk(v)
}

// storedAt returns the value instr stores at addr, or nil.
func storedAt(instr ssa.Instruction, addr ssa.Value) ssa.Value {
	if st, ok := instr.(*ssa.Store); ok && st.Addr == addr {
		return st.Val
	}
	return nil
}
