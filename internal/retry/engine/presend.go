package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// What a round does to the request before it sends it. A function of
// the package that the loop calls before each send (in a block that
// runs every round before it), given the request, values the loop does
// not change and the node the round points the request at, and that
// only replaces parts of the request with what those give (a header
// set, basic auth from the node's user, the node's host), does the same
// each round: elastic-transport-go's setReqURL and setReqAuth. A node
// is a value whose host a function the loop calls stores as the
// request's.

// presendSame reports whether call, in the round after the send, is such
// a call.
func (s *sendFlow) presendSame(call *ssa.Call) bool {
	if same, ok := s.presend[call]; ok {
		return same
	}
	same := s.evalPresend(call)
	if s.presend == nil {
		s.presend = map[*ssa.Call]bool{}
	}
	s.presend[call] = same
	return same
}

// evalPresend is presendSame, asked once for each call: what it does
// depends on no path.
func (s *sendFlow) evalPresend(call *ssa.Call) bool {
	if call == s.send || !s.inLoop(call.Block()) || !call.Block().Dominates(s.send.Block()) {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg != s.send.Parent().Pkg || fn.Blocks == nil || len(fn.Params) != len(call.Call.Args) {
		return false
	}
	given := map[ssa.Value]bool{} // the callee's parameters that stand for what is the same each round
	var req *ssa.Parameter
	for j, a := range call.Call.Args {
		switch {
		case s.req != nil && a == s.req:
			if req != nil {
				return false
			}
			req = fn.Params[j]
		case (s.invariant(a, 0) || s.node(a)) && s.keeps(a, fn.Params[j]):
			given[fn.Params[j]] = true
		default:
			return false
		}
	}
	if req == nil {
		return false
	}
	return replacesOnly(fn, req, given)
}

// keeps reports whether the loop leaves alone what the callee reads
// through p of what a points to: the fields it loads of it (s.token,
// where a 403 refreshes it, is not kept). A value that is no pointer
// is kept.
func (s *sendFlow) keeps(a ssa.Value, p *ssa.Parameter) bool {
	if _, ok := a.Type().Underlying().(*types.Pointer); !ok {
		return true
	}
	read := map[int]bool{}
	for _, r := range *p.Referrers() {
		switch x := r.(type) {
		case *ssa.FieldAddr:
			read[x.Field] = true
		case *ssa.DebugRef:
		default:
			return false // read otherwise: whole
		}
	}
	for b := range s.loop {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if fa, ok := x.Addr.(*ssa.FieldAddr); ok && sameLoad(fa.X, a) && read[fa.Field] {
					return false
				}
			case *ssa.Call:
				if x == s.send {
					continue // the send changes nothing it is built from (changes)
				}
				if x.Call.IsInvoke() && sameLoad(x.Call.Value, a) {
					return false
				}
				for j, arg := range x.Call.Args {
					if !sameLoad(arg, a) {
						continue
					}
					w := newThrough()
					if w.writes(x, j) && (w.unknown || w.whole || meets(w.fields, read)) {
						return false
					}
				}
			}
		}
	}
	return true
}

// sameLoad reports whether x is a, or a load of the place a is loaded
// from (conn.URL read twice).
func sameLoad(x, a ssa.Value) bool {
	if x == a {
		return true
	}
	lx, ok := x.(*ssa.UnOp)
	la, ok2 := a.(*ssa.UnOp)
	return ok && ok2 && lx.Op == token.MUL && la.Op == token.MUL && samePlace(lx.X, la.X)
}

// node reports whether v is a node of the loop: a load of a place some
// call of the loop hands a function that stores its host as the
// request's.
func (s *sendFlow) node(v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	for b := range s.loop {
		for _, instr := range b.Instrs {
			c, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			fn := c.Call.StaticCallee()
			if fn == nil || fn.Blocks == nil || len(fn.Params) != len(c.Call.Args) {
				continue
			}
			nodes := nodesOf(fn)
			for j, a := range c.Call.Args {
				if al, ok := a.(*ssa.UnOp); ok && al.Op == token.MUL && nodes[fn.Params[j]] && samePlace(al.X, ld.X) {
					return true
				}
			}
		}
	}
	return false
}

// replacesOnly reports whether fn writes through req only what replaces
// a part of it with a value made of constants and of given: a store of
// one, a server field, a node's base path, a rewound body, a setter
// (knowledge.RequestSetters); and writes through nothing else it is
// given.
func replacesOnly(fn *ssa.Function, req *ssa.Parameter, given map[ssa.Value]bool) bool {
	reqRoot := map[ssa.Value]bool{req: true}
	made := func(v ssa.Value) bool { return fromGiven(v, given, 0) }
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if _, local := x.Addr.(*ssa.Alloc); local {
					continue
				}
				if !rootedIn(x.Addr, reqRoot) {
					return false // a write through what else it is given
				}
				if !serverField(x.Addr) && !baseWrite(x) && !bodyField(x.Addr) && !made(x.Val) {
					return false
				}
			case *ssa.MapUpdate:
				return false
			case *ssa.Call:
				callee := x.Call.StaticCallee()
				if obj, ok := calleeObj(callee); ok && knowledge.RequestSetters[typesx.FuncKey(obj)] {
					if len(x.Call.Args) == 0 || !rootedIn(x.Call.Args[0], reqRoot) {
						return false
					}
					for _, a := range x.Call.Args[1:] {
						if !made(a) {
							return false
						}
					}
					continue
				}
				for _, a := range x.Call.Args {
					if rootedIn(a, reqRoot) && !readOnly(x) {
						return false // the request handed on
					}
				}
				if _, builtin := x.Call.Value.(*ssa.Builtin); callee == nil && !x.Call.IsInvoke() && !builtin {
					return false // a function value: it may do anything
				}
			}
		}
	}
	return true
}

// readOnly reports whether call only reads what it is given: a
// request's read (knowledge.RequestReads), a builtin that reads.
func readOnly(call *ssa.Call) bool {
	if b, ok := call.Call.Value.(*ssa.Builtin); ok {
		return b.Name() == "len" || b.Name() == "cap"
	}
	obj, ok := calleeObj(call.Call.StaticCallee())
	return ok && (knowledge.RequestReads[typesx.FuncKey(obj)] || knowledge.HeaderReads[typesx.FuncKey(obj)])
}

// fromGiven reports whether v is made of constants and of what given
// holds: their fields, what their methods give (a node's user's name
// and password), joined, sliced or converted.
func fromGiven(v ssa.Value, given map[ssa.Value]bool, depth int) bool {
	if depth > 8 {
		return false
	}
	if given[v] {
		return true
	}
	switch x := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.UnOp:
		return x.Op == token.MUL && fromGiven(x.X, given, depth+1)
	case *ssa.FieldAddr:
		return fromGiven(x.X, given, depth+1)
	case *ssa.Field:
		return fromGiven(x.X, given, depth+1)
	case *ssa.BinOp:
		return fromGiven(x.X, given, depth+1) && fromGiven(x.Y, given, depth+1)
	case *ssa.Slice:
		return fromGiven(x.X, given, depth+1)
	case *ssa.Convert:
		return fromGiven(x.X, given, depth+1)
	case *ssa.Extract:
		return fromGiven(x.Tuple, given, depth+1)
	case *ssa.Call:
		if madeOf(x, depth+1, func(ld *ssa.UnOp) bool { return fromGiven(ld, given, depth+1) }) {
			return true // a builder's string
		}
		// A method of another package on what is given (url.Userinfo's
		// Username and Password): what it gives is theirs.
		obj, ok := calleeObj(x.Call.StaticCallee())
		if !ok || obj.Pkg() == nil || obj.Pkg() == x.Parent().Pkg.Pkg || obj.Signature().Recv() == nil {
			return false
		}
		for _, a := range x.Call.Args {
			if !fromGiven(a, given, depth+1) {
				return false
			}
		}
		_, basic := x.Type().Underlying().(*types.Basic)
		_, tuple := x.Type().(*types.Tuple)
		return basic || tuple
	}
	return false
}
