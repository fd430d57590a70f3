package values

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// DependsOn reports whether v is computed from a value is accepts:
// through the operands of the instructions that make it, what is stored
// in the variables they read (fmt.Sprintf("%#v", err) reads err from its
// arguments' array), and what the calls a variable's address is handed
// to are given (json.NewDecoder(resp.Body).Decode(&job) fills job from
// the response). A call of a function whose body is built depends on
// the arguments its results depend on (ParamsDecide), not on the others:
// a wait given the error it waits after returns the context's error, not
// one made from it. It looks at most 256 values deep.
func DependsOn(v ssa.Value, is func(ssa.Value) bool) bool {
	d := &depends{is: is, seen: map[ssa.Value]bool{}, decides: map[*ssa.Function][]bool{}}
	return d.walk(v)
}

// DependsOnAt is DependsOn where a path has come with env from the
// instruction that made what is accepts (a send): a φ-node is the value
// the path knows it took, and one the path has not set since (its own
// value, or none known) was set before that instruction, so depends on
// nothing it made (an offset carried round, which only a success moves).
func DependsOnAt(v ssa.Value, env Env, is func(ssa.Value) bool) bool {
	d := &depends{is: is, seen: map[ssa.Value]bool{}, decides: map[*ssa.Function][]bool{}, env: &env}
	return d.walk(v)
}

// ParamsDecide returns, for each parameter of fn, whether what fn returns
// depends on it: the values it returns, and the conditions of its
// branches, which decide which it returns. Which case of a select goes on
// is the time's, not decided by the channels it waits on (a timer's
// delay computed from the error waited after decides when, not what), and
// so is what a timer's methods answer (knowledge.Timers: whether it had
// fired). A
// function without a body depends on each of its parameters.
func ParamsDecide(fn *ssa.Function) []bool {
	return (&depends{decides: map[*ssa.Function][]bool{}}).paramsDecide(fn)
}

// DependsOnAtPast is DependsOnAt where the values past accepts are not
// looked into: what they are made of does not count (a wait's answer,
// made from the response's Retry-After, says when the request goes
// again, not what it got).
func DependsOnAtPast(v ssa.Value, env Env, is, past func(ssa.Value) bool) bool {
	d := &depends{is: is, past: past, seen: map[ssa.Value]bool{}, decides: map[*ssa.Function][]bool{}, env: &env}
	return d.walk(v)
}

type depends struct {
	is   func(ssa.Value) bool
	past func(ssa.Value) bool // if not nil, what is not looked into
	seen map[ssa.Value]bool
	// decides holds ParamsDecide's answers, and nil for a function
	// being asked (a recursion: each parameter is taken to decide).
	decides map[*ssa.Function][]bool
	// env, if not nil, is the path's (DependsOnAt).
	env *Env
}

func (d *depends) paramsDecide(fn *ssa.Function) []bool {
	out := make([]bool, len(fn.Params))
	if len(fn.Blocks) == 0 {
		for i := range out {
			out[i] = true
		}
		return out
	}
	if got, ok := d.decides[fn]; ok {
		if got == nil {
			for i := range out {
				out[i] = true
			}
			return out
		}
		return got
	}
	d.decides[fn] = nil
	reached := map[ssa.Value]bool{}
	inner := &depends{
		is: func(v ssa.Value) bool {
			if p, ok := v.(*ssa.Parameter); ok && p.Parent() == fn {
				reached[p] = true
			}
			return false // on, to every parameter it reaches
		},
		seen:    map[ssa.Value]bool{},
		decides: d.decides,
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Return:
				for _, r := range x.Results {
					inner.walk(r)
				}
			case *ssa.If:
				inner.walk(x.Cond)
			}
		}
	}
	for i, p := range fn.Params {
		out[i] = reached[p]
	}
	d.decides[fn] = out
	return out
}

func (d *depends) walk(v ssa.Value) bool {
	if v == nil || d.seen[v] || len(d.seen) > 256 {
		return false
	}
	d.seen[v] = true
	if d.is(v) {
		return true
	}
	if d.past != nil && d.past(v) {
		return false
	}
	if x, ok := v.(*ssa.UnOp); ok && d.env != nil {
		if r := d.env.Resolve(x); r != ssa.Value(x) {
			return d.walk(r) // what the path stored in the variable it loads
		}
	}
	if a, ok := v.(*ssa.Alloc); ok && a.Referrers() != nil {
		for _, r := range *a.Referrers() {
			if d.walk(storedAt(r, a)) {
				return true
			}
			switch r := r.(type) {
			case *ssa.Call:
				// Its address handed to a call, which may store what
				// the call is given (json.Decode(&v)).
				if d.operands(r) {
					return true
				}
			case *ssa.MakeInterface:
				if refs := r.Referrers(); refs != nil {
					for _, u := range *refs {
						if call, ok := u.(*ssa.Call); ok && d.operands(call) {
							return true
						}
					}
				}
			case *ssa.IndexAddr, *ssa.FieldAddr:
				if refs := r.(ssa.Value).Referrers(); refs != nil {
					for _, u := range *refs {
						if d.walk(storedAt(u, r.(ssa.Value))) {
							return true
						}
					}
				}
			}
		}
	}
	switch x := v.(type) {
	case *ssa.Phi:
		if d.env != nil {
			r := d.env.Resolve(x)
			if r == ssa.Value(x) {
				return false // set before the path began
			}
			return d.walk(r)
		}
	case *ssa.Call:
		if isTimerMethod(x.Call) {
			return false // the time's answer (ParamsDecide)
		}
		// What it returns: of a function whose body is built, from the
		// arguments that decide it.
		if fn := x.Call.StaticCallee(); fn != nil && len(fn.Blocks) > 0 && len(fn.FreeVars) == 0 {
			decide := d.paramsDecide(fn)
			for i, a := range x.Call.Args {
				if i < len(decide) && decide[i] && d.walk(a) {
					return true
				}
			}
			return false
		}
	case *ssa.Select:
		return false // the time's choice (ParamsDecide)
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	return d.operands(instr)
}

// operands reports whether an operand of instr depends on what d asks.
func (d *depends) operands(instr ssa.Instruction) bool {
	for _, op := range instr.Operands(nil) {
		if op != nil && d.walk(*op) {
			return true
		}
	}
	return false
}

// storedAt returns the value instr stores at addr, or nil.
func storedAt(instr ssa.Instruction, addr ssa.Value) ssa.Value {
	if st, ok := instr.(*ssa.Store); ok && st.Addr == addr {
		return st.Val
	}
	return nil
}

// isTimerMethod reports whether call is a method of one of
// knowledge.Timers.
func isTimerMethod(call ssa.CallCommon) bool {
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil {
		return false
	}
	recv := fn.Signature.Recv().Type()
	return slices.ContainsFunc(knowledge.Timers, func(k knowledge.Key) bool { return typesx.Is(recv, k) })
}
