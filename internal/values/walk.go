package values

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Env is what one path through a function knows of its φ-nodes: the value
// each took on the edge the path came in by. Where a function picks a
// value by its branches (err = ErrDefault when err is nil, code := 500
// then code = 404 in one case), a path knows which it picked. So it
// knows of the function's variables that the SSA form keeps in memory
// (localCells: a named result under a defer), what the path last stored
// in each, and what each load of one read.
type Env struct {
	binds []bind
}

// A bind is a φ-node's value on the path, a load's, or (k an
// *ssa.Alloc) what a variable kept in memory holds.
type bind struct {
	k ssa.Value
	v ssa.Value
}

// Resolve returns the value v is on the path: the value a φ-node took,
// or a load of a variable kept in memory read, else v.
func (e Env) Resolve(v ssa.Value) ssa.Value {
	switch v.(type) {
	case *ssa.Phi, *ssa.UnOp:
		for _, b := range e.binds {
			if b.k == v {
				return b.v
			}
		}
	}
	return v
}

// lookup returns what k is bound to on the path.
func (e Env) lookup(k ssa.Value) (ssa.Value, bool) {
	for _, b := range e.binds {
		if b.k == k {
			return b.v, true
		}
	}
	return nil, false
}

// with returns e with k bound to v, or unbound where v is nil.
func (e Env) with(k, v ssa.Value) Env {
	out := Env{binds: make([]bind, 0, len(e.binds)+1)}
	for _, b := range e.binds {
		if b.k != k {
			out.binds = append(out.binds, b)
		}
	}
	if v != nil {
		out.binds = append(out.binds, bind{k, v})
	}
	return out
}

// step returns e after instr, for the variables kept in memory cells:
// a store into one is what it holds from then on, and a load of one
// reads what it holds (nothing known, where the path stored nothing in
// it yet).
func (e Env) step(instr ssa.Instruction, cells map[ssa.Value]bool) Env {
	switch x := instr.(type) {
	case *ssa.Store:
		if cells[x.Addr] {
			return e.with(x.Addr, e.Resolve(x.Val))
		}
	case *ssa.UnOp:
		if x.Op == token.MUL && cells[x.X] {
			v, _ := e.lookup(x.X)
			if old, bound := e.lookup(x); bound && old == v || !bound && v == nil {
				return e
			}
			return e.with(x, v)
		}
	}
	return e
}

// noReturn reports whether instr calls what never returns (os.Exit,
// log.Fatal, a test's t.Fatal: knowledge.NoReturn): no path goes on past
// it, as none goes past a panic.
func noReturn(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	var obj *types.Func
	if call.Call.IsInvoke() {
		obj = call.Call.Method
	} else if fn := call.Call.StaticCallee(); fn != nil {
		obj, _ = fn.Object().(*types.Func)
	}
	return obj != nil && knowledge.NoReturn[typesx.FuncKey(obj)]
}

// localCells returns the variables of fn that its SSA form keeps in
// memory but that only fn reads and writes, directly: stores into them
// and loads, or a closure's reads that only a defer runs, after the
// function's body (a named result under a defer: go/ssa lifts none).
// A closure's free variable is one too where, while the closure runs,
// only it stores into the variable (ownedFreeVar).
func localCells(fn *ssa.Function) map[ssa.Value]bool {
	var cells map[ssa.Value]bool
	add := func(v ssa.Value) {
		if cells == nil {
			cells = map[ssa.Value]bool{}
		}
		cells[v] = true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if a, ok := instr.(*ssa.Alloc); ok && KeptHere(a) {
				add(a)
			}
		}
	}
	for i, fv := range fn.FreeVars {
		if ownedFreeVar(fn, i) {
			add(fv)
		}
	}
	return cells
}

// ownedFreeVar reports whether the closure fn's free variable i is a
// variable of its enclosing function that, while fn runs, nothing but fn
// writes: fn only stores into it and loads it, and the enclosing
// function only stores, loads, and binds it to closures of fn or to
// closures that never write it (gcs's deferred record(err)). What the
// closure stored in it last is then what it holds (okta's operation
// keeps its response in `resp, err = c.callAPI(req)`, a variable of the
// function that hands the operation to backoff.Retry). What it holds as
// the closure starts is not known.
func ownedFreeVar(fn *ssa.Function, i int) bool {
	fv := fn.FreeVars[i]
	if _, ok := fv.Type().Underlying().(*types.Pointer); !ok || fv.Referrers() == nil || fn.Parent() == nil {
		return false
	}
	if !onlyLoadsStores(fv, nil) {
		return false
	}
	bound := false
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != ssa.Value(fn) {
				continue
			}
			a, ok := mc.Bindings[i].(*ssa.Alloc)
			if !ok || !loadsStores(a, func(other *ssa.MakeClosure) bool {
				return other.Fn == ssa.Value(fn) || !writesBound(other, a)
			}) {
				return false
			}
			bound = true
		}
	}
	return bound
}

// onlyLoadsStores reports whether the variable at addr is only stored
// into and loaded, or bound to closures of fn (where fn is not nil).
func onlyLoadsStores(addr ssa.Value, fn *ssa.Function) bool {
	return loadsStores(addr, func(mc *ssa.MakeClosure) bool { return fn != nil && mc.Fn == ssa.Value(fn) })
}

// loadsStores reports whether the variable at addr is only stored into
// (not stored itself) and loaded, or bound to closures closure accepts.
func loadsStores(addr ssa.Value, closure func(*ssa.MakeClosure) bool) bool {
	for _, r := range *addr.Referrers() {
		switch x := r.(type) {
		case *ssa.Store:
			if x.Val == addr {
				return false
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !closure(x) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// KeptHere reports whether a, a variable the SSA form keeps in memory,
// is only stored into and loaded by its function, or read by closures
// that never write it (a deferred one, a logging callback given the
// error: oci's IfInfo(func() { Logf("%v", err) })): what a path stored
// in it last is what it holds.
func KeptHere(a *ssa.Alloc) bool {
	if a.Referrers() == nil {
		return false
	}
	return loadsStores(a, func(mc *ssa.MakeClosure) bool {
		return !writesBound(mc, a)
	})
}

// writesBound reports whether the closure mc makes stores into the
// variable a it is bound to.
func writesBound(mc *ssa.MakeClosure, a *ssa.Alloc) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return true
	}
	for i, b := range mc.Bindings {
		if b != ssa.Value(a) || i >= len(fn.FreeVars) {
			continue
		}
		refs := fn.FreeVars[i].Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(fn.FreeVars[i]) {
				return true
			}
			if _, ok := r.(*ssa.UnOp); !ok {
				return true // handed on: it may be set
			}
		}
	}
	return false
}

// Const returns the constant v is on the path, if it is one.
func (e Env) Const(v ssa.Value) (*ssa.Const, bool) {
	c, ok := e.Resolve(v).(*ssa.Const)
	return c, ok
}

// enter returns the environment of a path that goes from pred into b:
// b's φ-nodes take their values on that edge, resolved on the path so
// far.
func (e Env) enter(pred, b *ssa.BasicBlock) Env {
	i := -1
	for k, p := range b.Preds {
		if p == pred {
			i = k
			break
		}
	}
	out := e
	copied := false
	for _, instr := range b.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if i < 0 || i >= len(phi.Edges) {
			continue
		}
		v := e.Resolve(phi.Edges[i])
		if !copied {
			out.binds = append([]bind(nil), e.binds...)
			copied = true
		}
		set := false
		for k := range out.binds {
			if out.binds[k].k == ssa.Value(phi) {
				out.binds[k].v, set = v, true
			}
		}
		if !set {
			out.binds = append(out.binds, bind{phi, v})
		}
	}
	return out
}

// key identifies e among the environments of one function.
func (e Env) key() string {
	var sb strings.Builder
	for _, b := range e.binds {
		fmt.Fprintf(&sb, "%p=%p;", b.k, b.v)
	}
	return sb.String()
}

// Branch says which ways a path may go on at a conditional jump.
type Branch uint8

const (
	// Neither ends the path: where it goes is not known.
	Neither Branch = iota
	// Then and Else go one way, Both either way.
	Then
	Else
	Both
)

// maxPaths bounds the states one Walk visits: a block entered with an
// environment it was not entered with before is one state.
const maxPaths = 4096

// Walk follows the paths of fn forward from its entry, each with its Env:
// at each conditional jump decide says which ways the path goes on, and
// visit is called with every instruction a path reaches (false ends the
// path there). A block is followed once per environment it is entered
// with, so loops end; Walk reports whether it followed every path (false:
// it stopped at maxPaths).
func Walk(fn *ssa.Function, decide func(cond ssa.Value, env Env) Branch, visit func(instr ssa.Instruction, env Env) bool) bool {
	if len(fn.Blocks) == 0 {
		return true
	}
	return Paths(fn.Blocks[0], 0, struct{}{}, func(cond ssa.Value, env Env, s struct{}) (struct{}, struct{}, Branch) {
		return s, s, decide(cond, env)
	}, func(instr ssa.Instruction, env Env, s struct{}) (struct{}, bool) { return s, visit(instr, env) })
}

// Paths is Walk from the instruction at index i of block b, each path
// carrying a state of its own that a conditional jump may split, and an
// instruction change: decide returns the state of each way it goes (a
// status narrowed by a test of it), visit the state after the
// instruction. A block is followed once per environment and state it is
// entered with.
func Paths[S comparable](b *ssa.BasicBlock, i int, init S, decide func(cond ssa.Value, env Env, s S) (then, els S, ways Branch), visit func(instr ssa.Instruction, env Env, s S) (S, bool)) bool {
	type state struct {
		b     *ssa.BasicBlock
		from  int
		env   Env
		state S
	}
	type key struct {
		b     int
		from  int
		env   string
		state S
	}
	seen := map[key]bool{}
	cells := localCells(b.Parent())
	var needs *phiNeeds // made when the paths grow many
	queue := []state{{b: b, from: i, state: init}}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		k := key{s.b.Index, s.from, s.env.key(), s.state}
		if seen[k] {
			continue
		}
		if len(seen) >= maxPaths {
			return false
		}
		seen[k] = true
		ended := false
		for _, instr := range s.b.Instrs[s.from:] {
			if cells != nil {
				s.env = s.env.step(instr, cells)
			}
			var goOn bool
			if s.state, goOn = visit(instr, s.env, s.state); !goOn || noReturn(instr) {
				ended = true
				break
			}
		}
		if ended {
			continue
		}
		succs := s.b.Succs
		states := []S{s.state, s.state}
		if len(succs) == 2 {
			if jump, ok := s.b.Instrs[len(s.b.Instrs)-1].(*ssa.If); ok {
				then, els, ways := decide(jump.Cond, s.env, s.state)
				states = []S{then, els}
				switch ways {
				case Neither:
					succs = nil
				case Then:
					succs, states = succs[:1], states[:1]
				case Else:
					succs, states = succs[1:], states[1:]
				}
			}
		}
		if needs == nil && len(seen) >= pruneFrom {
			needs = neededPhis(b.Parent())
		}
		for k, next := range succs {
			env := s.env.enter(s.b, next)
			if needs != nil {
				env = needs.only(env, next)
			}
			queue = append(queue, state{next, 0, env, states[k]})
		}
	}
	return true
}

// pruneFrom is how many states a walk visits before it forgets, on each
// path, the values φ-nodes took that nothing ahead reads: paths that
// differ only in those are one (a big function's branches that set
// what only a log reads).
const pruneFrom = 256

// phiNeeds says where a φ-node's value on a path may still be read: the
// blocks that use it or a value made from it, and which blocks reach
// which.
type phiNeeds struct {
	uses  map[*ssa.Phi][]int
	reach [][]bool // reach[b][c]: block c is reachable from block b (or is b)
}

// neededPhis returns the uses and the reach of fn's φ-nodes.
func neededPhis(fn *ssa.Function) *phiNeeds {
	n := len(fn.Blocks)
	p := &phiNeeds{uses: map[*ssa.Phi][]int{}, reach: make([][]bool, n)}
	for _, b := range fn.Blocks {
		r := make([]bool, n)
		stack := []*ssa.BasicBlock{b}
		r[b.Index] = true
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, s := range x.Succs {
				if !r[s.Index] {
					r[s.Index] = true
					stack = append(stack, s)
				}
			}
		}
		p.reach[b.Index] = r
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			phi, ok := instr.(*ssa.Phi)
			if !ok {
				break
			}
			seen := map[ssa.Value]bool{phi: true}
			blocks := map[int]bool{}
			work := []ssa.Value{phi}
			for len(work) > 0 {
				v := work[len(work)-1]
				work = work[:len(work)-1]
				if v.Referrers() == nil {
					continue
				}
				for _, r := range *v.Referrers() {
					if r.Block() != nil {
						blocks[r.Block().Index] = true
					}
					if rv, ok := r.(ssa.Value); ok && !seen[rv] {
						seen[rv] = true
						work = append(work, rv)
					}
				}
			}
			for k := range blocks {
				p.uses[phi] = append(p.uses[phi], k)
			}
		}
	}
	return p
}

// only returns e without the values of φ-nodes that nothing reachable
// from b reads.
func (p *phiNeeds) only(e Env, b *ssa.BasicBlock) Env {
	keep := 0
	for _, bd := range e.binds {
		if p.needed(bd.k, b) {
			keep++
		}
	}
	if keep == len(e.binds) {
		return e
	}
	out := Env{binds: make([]bind, 0, keep)}
	for _, bd := range e.binds {
		if p.needed(bd.k, b) {
			out.binds = append(out.binds, bd)
		}
	}
	return out
}

// needed reports whether a read of k may still come from b: a φ-node's
// value that a block b reaches uses; what a variable kept in memory
// holds, and what its loads read, always.
func (p *phiNeeds) needed(k ssa.Value, b *ssa.BasicBlock) bool {
	phi, ok := k.(*ssa.Phi)
	if !ok || phi.Parent() != b.Parent() {
		return true
	}
	for _, u := range p.uses[phi] {
		if p.reach[b.Index][u] {
			return true
		}
	}
	return false
}
