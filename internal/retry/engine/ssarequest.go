package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// sameEachRound reports whether v is the same value in each round of the
// loop that holds the send, as far as values tell: a constant, a
// parameter, what the function made before the loop, what the round
// makes from such values alone, a variable the loop carries that the
// path has not changed, and a value a branch picks (a φ-node of the
// round) where each it may pick and each test that picks it are.
func (s *sendFlow) sameEachRound(v ssa.Value, env values.Env, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true // as the values it is made from are
	}
	if len(seen) > 64 {
		return false
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.Function, *ssa.FreeVar, *ssa.Builtin:
		return true
	case *ssa.Global:
		return true // its address
	case *ssa.UnOp:
		switch x.Op {
		case token.ARROW:
			return !s.inLoop(x.Block()) // what a channel gives may differ
		case token.MUL:
			// What the loop reads from memory it does not write
			// (config.Client, where the loop only logs through
			// config.Loggers).
			return !s.inLoop(x.Block()) || s.sameEachRound(x.X, env, seen) && !s.writtenInLoop(x.X)
		}
	case *ssa.Phi:
		if carried(x) {
			return env.Resolve(x) == ssa.Value(x)
		}
		for _, e := range x.Edges {
			if !s.sameEachRound(e, env, seen) {
				return false
			}
		}
		for _, c := range picking(x) {
			if !s.sameEachRound(c, env, seen) {
				return false
			}
		}
		return true
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	if !s.inLoop(instr.Block()) {
		return true // made once, before the loop
	}
	for _, op := range instr.Operands(nil) {
		if op != nil && *op != nil && !s.sameEachRound(*op, env, seen) {
			return false
		}
	}
	return true
}

// apart reports whether addr is a field (or a part of one) of a value
// the request is built from that building it does not read: a pointer
// to one field reaches no other (cfg.Logs, where the request reads
// cfg.Client).
func (s *sendFlow) apart(addr ssa.Value) bool {
	root, field := firstField(addr)
	if field < 0 || !s.roots[root] || slices.Contains(s.whole, root) {
		return false
	}
	reads := s.reads[root]
	return reads != nil && !reads[field]
}

// firstField returns the value addr is a part of, through fields,
// elements and what pointers in them point to (c.conns[i], a node of
// the client's list), and the field of it that leads to addr; -1 if
// none does.
func firstField(addr ssa.Value) (ssa.Value, int) {
	field := -1
	for range 8 {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			field = x.Field
		case *ssa.Field:
			field = x.Field
		}
		whole, ok := container(addr)
		if !ok {
			return addr, field
		}
		addr = whole
	}
	return addr, -1
}

// container returns the value v is a part of: the struct of a field,
// the array or slice of an element, what a pointer loaded points into.
func container(v ssa.Value) (ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.FieldAddr:
		return x.X, true
	case *ssa.Field:
		return x.X, true
	case *ssa.IndexAddr:
		return x.X, true
	case *ssa.Index:
		return x.X, true
	case *ssa.UnOp:
		return x.X, x.Op == token.MUL
	}
	return nil, false
}

// writtenInLoop reports whether the loop may write what addr points to:
// a store into it, or into what holds it or is part of it, or a call
// given a pointer to one of those. Parts are told apart by their fields:
// a pointer to one field reaches no other.
func (s *sendFlow) writtenInLoop(addr ssa.Value) bool {
	s.inLoop(s.send.Block()) // s.loop, once
	root, path := fieldPath(addr)
	overlaps := func(v ssa.Value) bool {
		r, p := fieldPath(v)
		if r != root {
			return false
		}
		n := min(len(p), len(path))
		return slices.Equal(p[:n], path[:n])
	}
	for b := range s.loop {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if overlaps(x.Addr) {
					return true
				}
			case ssa.CallInstruction:
				c := x.Common()
				if c.IsInvoke() && overlaps(c.Value) {
					return true
				}
				for _, a := range c.Args {
					if _, ok := a.Type().Underlying().(*types.Pointer); ok && overlaps(a) {
						return true
					}
				}
			}
		}
	}
	return false
}

// fieldPath returns the value addr is a part of, and the fields that
// lead from it to addr.
func fieldPath(addr ssa.Value) (ssa.Value, []int) {
	var path []int
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			slices.Reverse(path)
			return addr, path
		}
		path = append(path, fa.Field)
		addr = fa.X
	}
}

// changes reports whether instr changes the request: a store into it (its
// body rewound aside), a method that changes it, a function it is handed
// to; or a function of the package that writes through a pointer the
// request is built from (rc.setRegion(bucket, r), when the request is
// rc.newRequest(bucket), or c.refresh() when the send is c.open()).
//
// known is false where it may change the request through what the flow
// cannot see into: a function of another package, a function value, an
// interface's method.
//
// What is set on a value the path made anew this round (fresh), or done
// with it by a call, builds the request rather than changing it: what
// it is set to, or the call is given with it, is what the request is
// built from (sources), and the send's test of the loop's variables
// among those (carried) says whether it differs from the last round's.
func (s *sendFlow) changes(instr ssa.Instruction, fresh uint64) (changed, known bool) {
	made := func(v ssa.Value) bool { return s.madeAgain(rootOf(v, s.roots), fresh) }
	switch x := instr.(type) {
	case *ssa.Store:
		if bodyField(x.Addr) {
			// The body rewound, of the request or of the one a wrapper
			// holds (req.Raw().Body = rewound).
			return false, true
		}
		if serverField(x.Addr) || baseWrite(x) {
			return false, true // the next node's host, not another request
		}
		if s.restores(x) {
			return false, true
		}
		if made(x.Addr) {
			return false, true
		}
		roots := s.sources()
		if s.apart(x.Addr) {
			return false, true // a field nothing the request is built from reads (p.backoff)
		}
		return rootedIn(x.Addr, roots), true
	case *ssa.Call:
		if x == s.send {
			return false, true
		}
		fn := x.Call.StaticCallee()
		if obj, ok := calleeObj(fn); ok && (knowledge.RequestReads[typesx.FuncKey(obj)] || knowledge.RequestCopies[typesx.FuncKey(obj)]) {
			return false, true // req.Cookie(name), req.Clone(ctx): it stays as it was
		}
		if obj, ok := calleeObj(fn); ok && knowledge.RequestMutators[typesx.FuncKey(obj)] {
			roots := map[ssa.Value]bool{s.req: true}
			if s.req == nil {
				roots = s.sources() // a wrapper's request (req.Raw().Header.Set)
			}
			return len(x.Call.Args) > 0 && rootedIn(x.Call.Args[0], roots) && !made(x.Call.Args[0]), true
		}
		for j, a := range x.Call.Args {
			if s.req == nil || a != s.req {
				continue
			}
			if j == 0 && x.Call.Signature().Recv() != nil && Getter(x.Call.Signature()) {
				continue // a method that only gives a value of it (req.Context())
			}
			if (fn == nil || fn.Pkg != s.send.Parent().Pkg) && Implementations(x) == nil {
				return true, false // handed to a function that may change it
			}
			if w := newThrough(); w.writes(x, j) {
				return true, !w.unknown
			}
		}
		roots := s.sources()
		for j, a := range x.Call.Args {
			if !rootedIn(a, roots) || made(a) || s.apart(a) {
				continue
			}
			w := newThrough()
			if !w.writes(x, j) {
				continue
			}
			if reads := s.reads[a]; roots[a] && !w.whole && !w.unknown && reads != nil && !slices.Contains(s.whole, a) && !meets(w.fields, reads) {
				continue // writes only fields the request is not built from (a node's index)
			}
			return true, !w.unknown
		}
	}
	return false, true
}

// sources returns the pointers the send's request is built from: what
// its arguments are made of, through the operands that make them (not
// through what is stored in them). It records, of each, the fields read
// to build it (reads): those loaded here, and those the functions of the
// package it is handed to (the send among them) read through it; a
// pointer handed to another package's function, or whose fields are not
// known, is read whole.
func (s *sendFlow) sources() map[ssa.Value]bool {
	if s.roots != nil {
		return s.roots
	}
	s.roots, s.reads, s.params = map[ssa.Value]bool{}, map[ssa.Value]map[int]bool{}, map[*ssa.Parameter]bool{}
	whole := func(v ssa.Value) { s.reads[v] = nil; s.whole = append(s.whole, v) }
	seen := map[ssa.Value]bool{}
	var order []ssa.Value // the roots, as found
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 8 || seen[v] {
			return
		}
		seen[v] = true
		if typesx.Is(v.Type(), knowledge.Context) {
			return // what the request is made with, not what it asks
		}
		if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr {
			s.roots[v] = true
			order = append(order, v)
		}
		if p, ok := v.(*ssa.Parameter); ok {
			s.params[p] = true
		}
		switch x := v.(type) {
		case *ssa.Phi:
			// A number or a string the loop carries is another when it
			// is another value; a pointer may be another pointer to
			// the same request (a clone), which stores into it tell.
			if _, basic := x.Type().Underlying().(*types.Basic); basic && carried(x) {
				s.carried = append(s.carried, x)
			}
		case *ssa.FieldAddr:
			if !slices.Contains(s.whole, x.X) {
				if s.reads[x.X] == nil {
					s.reads[x.X] = map[int]bool{}
				}
				s.reads[x.X][x.Field] = true
			}
		case *ssa.Call:
			s.handed(x, whole)
		}
		if instr, ok := v.(ssa.Instruction); ok {
			for _, op := range instr.Operands(nil) {
				if op != nil {
					walk(*op, depth+1)
				}
			}
		}
	}
	s.handed(s.send, whole)
	for j, a := range s.send.Call.Args {
		if !connectionOnly(s.send.Call.StaticCallee(), j) {
			walk(a, 0)
		}
	}
	// A pointer made in the send's function (not a φ-node: a variable the
	// loop sets) is made anew each round the loop makes it: what is
	// stored into it, and what is handed with it to a call, builds the
	// request too. Each is indexed for round.fresh (64 at most: others
	// are taken as changed when set).
	s.fresh = map[ssa.Value]int{}
	for k := 0; k < len(order) && len(s.fresh) < 64; k++ {
		if v := order[k]; s.madeHere(v) {
			s.fresh[v] = len(s.fresh)
			building(v, func(in ssa.Value) { walk(in, 0) }) // may add to order
		}
	}
	return s.roots
}

// madeHere reports whether v is a value the loop that holds the send
// makes (an allocation, a call's result), not one it is given, made
// before it, or a φ-node.
func (s *sendFlow) madeHere(v ssa.Value) bool {
	instr, ok := v.(ssa.Instruction)
	if !ok || instr.Parent() != s.send.Parent() || !s.inLoop(instr.Block()) {
		return false // made once, before the loop: what is set on it changes it
	}
	switch v.(type) {
	case *ssa.Phi, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.UnOp, *ssa.Field:
		return false // a variable the loop sets, or a part of another value
	}
	return true
}

// building calls in with each value set on v (stored into it or a part of
// it, put in a map it holds) or handed with it to a call that may set
// it.
func building(v ssa.Value, in func(ssa.Value)) {
	seen := map[ssa.Value]bool{}
	var parts func(v ssa.Value)
	parts = func(v ssa.Value) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch x := r.(type) {
			case *ssa.FieldAddr:
				parts(x)
			case *ssa.IndexAddr:
				parts(x)
			case *ssa.UnOp:
				if x.Op == token.MUL {
					parts(x)
				}
			case *ssa.Store:
				if x.Addr == v {
					in(x.Val)
				}
			case *ssa.MapUpdate:
				if x.Map == v {
					in(x.Key)
					in(x.Value)
				}
			case *ssa.Call:
				j := slices.Index(x.Call.Args, v)
				if j < 0 {
					continue
				}
				// A function of the package is read for whether it
				// sets v (logArg(arg, attempt) does not); any other
				// call may.
				if fn := x.Call.StaticCallee(); fn != nil && fn.Pkg == x.Parent().Pkg && fn.Blocks != nil && !newThrough().writes(x, j) {
					continue
				}
				for _, a := range x.Call.Args {
					if a != v {
						in(a)
					}
				}
				if x.Call.IsInvoke() {
					in(x.Call.Value)
				}
			}
		}
	}
	parts(v)
}

// handed records what call reads of the pointers it is given: by the
// body of a function of the package, whole for any other.
func (s *sendFlow) handed(call *ssa.Call, whole func(ssa.Value)) {
	fn := call.Call.StaticCallee()
	for j, a := range call.Call.Args {
		if _, isPtr := a.Type().Underlying().(*types.Pointer); !isPtr {
			continue
		}
		if call == s.send && connectionOnly(fn, j) {
			continue // how the request goes, not what it asks
		}
		fields := map[int]bool{}
		if fn == nil || fn.Pkg != s.send.Parent().Pkg || fn.Blocks == nil || !fieldsRead(fn, j, fields, map[*ssa.Function]bool{}) {
			whole(a)
			continue
		}
		if slices.Contains(s.whole, a) {
			continue
		}
		if s.reads[a] == nil {
			s.reads[a] = map[int]bool{}
		}
		for f := range fields {
			s.reads[a][f] = true
		}
	}
}

// fieldsRead adds to fields the fields fn reads through its parameter i
// (those of the struct it points to), and reports whether they are all
// known: false where it hands the pointer to a function that is not of
// the package, or uses it otherwise than to read a field.
func fieldsRead(fn *ssa.Function, i int, fields map[int]bool, seen map[*ssa.Function]bool) bool {
	if i >= len(fn.Params) {
		return false
	}
	if seen[fn] {
		return true
	}
	seen[fn] = true
	p := fn.Params[i]
	refs := p.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch x := r.(type) {
		case *ssa.FieldAddr:
			fields[x.Field] = true
		case *ssa.Call:
			callee := x.Call.StaticCallee()
			if callee == nil || callee.Pkg != fn.Pkg || callee.Blocks == nil {
				return false
			}
			for j, a := range x.Call.Args {
				if a == p && !fieldsRead(callee, j, fields, seen) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// rootedIn reports whether addr is one of roots or a part of one
// (req.URL, req.Header's map, a field of a field).
func rootedIn(addr ssa.Value, roots map[ssa.Value]bool) bool {
	return rootOf(addr, roots) != nil
}

// rootOf returns the one of roots addr is, or is a part of; nil if none.
func rootOf(addr ssa.Value, roots map[ssa.Value]bool) ssa.Value {
	for range 8 {
		if roots[addr] {
			return addr
		}
		if whole, ok := container(addr); ok {
			addr = whole
			continue
		}
		switch a := addr.(type) {
		case *ssa.Call:
			// The request inside a wrapper (azcore's req.Raw()).
			fn := a.Call.StaticCallee()
			if fn == nil || len(a.Call.Args) == 0 {
				return nil
			}
			obj, ok := fn.Object().(*types.Func)
			if !ok || !knowledge.RequestUnwraps[typesx.FuncKey(obj)] {
				return nil
			}
			addr = a.Call.Args[0]
		default:
			return nil
		}
	}
	return nil
}

// through asks whether calls write through an argument: seen are the
// functions asked already, and unknown is set once the answer rests on
// what cannot be seen into (a function value, an interface's method).
// fields are the fields of what the first call's argument points to
// that it writes, where it writes a field of it; whole is set where it
// writes it otherwise.
type through struct {
	seen    map[*ssa.Function]bool
	unknown bool
	fields  map[int]bool
	whole   bool
}

func newThrough() *through {
	return &through{seen: map[*ssa.Function]bool{}, fields: map[int]bool{}}
}

// writes reports whether call may write through its argument i:
// a builtin that changes its first argument (append, copy, delete,
// clear); a method that changes a request's headers or query called on
// it; a function of the package that stores into what the argument
// points to, sets an entry of a map it holds, or hands it on to a call
// that may write through it; a function value (a hook: it may do
// anything with what it is given, or what it holds). Another package's
// function is taken to keep to what it documents: it changes no value
// of this package's types. A store into a field that names the server
// (knowledge.ServerFields: the host a node rotation points the request
// at) writes nothing the API sees.
func (w *through) writes(call *ssa.Call, i int) bool { return w.writesAt(call, i, true) }

func (w *through) writesAt(call *ssa.Call, i int, top bool) bool {
	whole := func() {
		if top {
			w.whole = true
		}
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append", "copy", "delete", "clear":
			if i == 0 { // what they change
				whole()
				return true
			}
		}
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil {
		if impls := Implementations(call); len(impls) > 0 {
			// The interface's contract as its own package's code
			// shows it: a value it is given is written by none of
			// them, and read by one (a no-op implementation shows
			// nothing of what the method is for).
			read := false
			for _, m := range impls {
				if w.bodyWrites(m, i+1, top) {
					return true
				}
				read = read || used(m.Params[i+1])
			}
			if read {
				return false
			}
		}
		w.unknown = true
		whole()
		return true
	}
	if obj, ok := fn.Object().(*types.Func); ok && knowledge.RequestMutators[typesx.FuncKey(obj)] {
		if i == 0 {
			whole()
			return true
		}
		return false
	}
	if fn.Pkg == call.Parent().Pkg && fn.Blocks == nil && fn.Synthetic == "" {
		// A function of the package whose body was not built: what it
		// does is not known here.
		w.unknown = true
		whole()
		return true
	}
	if fn.Pkg != call.Parent().Pkg {
		return false
	}
	return w.bodyWrites(fn, i, top)
}

// bodyWrites reports whether fn, a function of the package, may write
// through its parameter i (writesAt).
func (w *through) bodyWrites(fn *ssa.Function, i int, top bool) bool {
	whole := func() {
		if top {
			w.whole = true
		}
	}
	if fn.Blocks == nil || i >= len(fn.Params) || w.seen[fn] {
		return false
	}
	w.seen[fn] = true
	param := fn.Params[i]
	p := map[ssa.Value]bool{param: true}
	found := false
	wrote := func(addr ssa.Value) {
		found = true
		if !top {
			return
		}
		if f, ok := fieldOf(addr, param); ok {
			w.fields[f] = true
		} else {
			w.whole = true
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if rootedIn(x.Addr, p) && !serverField(x.Addr) && !baseWrite(x) && !bodyField(x.Addr) {
					wrote(x.Addr)
				}
			case *ssa.MapUpdate:
				if rootedIn(x.Map, p) {
					wrote(x.Map)
				}
			case *ssa.Call:
				if ld, ok := x.Call.Value.(*ssa.UnOp); ok && ld.Op == token.MUL && bodyField(ld.X) {
					continue // req.GetBody(): a copy of the body, which it keeps
				}
				if x.Call.StaticCallee() == nil && !x.Call.IsInvoke() && rootedIn(x.Call.Value, p) && !Getter(x.Call.Signature()) {
					w.unknown = true
					whole()
					return true // a hook it holds, which may hold it too (an interface's method has a value of its own)
				}
				for j, a := range x.Call.Args {
					if !rootedIn(a, p) || !w.writesAt(x, j, top && a == param) {
						continue
					}
					if a == param {
						found = true // the call recorded the fields it writes
					} else {
						wrote(a)
					}
				}
			}
		}
	}
	return found
}

// Getter reports whether a function of signature sig only gives a
// value: given nothing, it returns values, none an error and not a lone
// bool (how an action that may fail, a token refresh, says so): a
// lease's TTL(). Calling one is taken to change nothing.
func Getter(sig *types.Signature) bool {
	if sig.Params().Len() != 0 || sig.Results().Len() == 0 {
		return false
	}
	if sig.Results().Len() == 1 {
		if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return false
		}
	}
	for v := range sig.Results().Variables() {
		if typesx.IsError(v.Type()) {
			return false
		}
	}
	return true
}

// calleeObj returns the function fn is the body of.
func calleeObj(fn *ssa.Function) (*types.Func, bool) {
	if fn == nil {
		return nil, false
	}
	obj, ok := fn.Object().(*types.Func)
	return obj, ok
}

// meets reports whether a and b share a field.
func meets(a, b map[int]bool) bool {
	for f := range a {
		if b[f] {
			return true
		}
	}
	return false
}

// fieldOf returns the field of what param points to that addr is in,
// where addr is in one (param.f, param.f.g, param.f[i]).
func fieldOf(addr, param ssa.Value) (int, bool) {
	field := -1
	for range 8 {
		if addr == param {
			return field, field >= 0
		}
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			field, addr = a.Field, a.X
			if addr == param {
				return field, true
			}
		case *ssa.IndexAddr:
			field, addr = -1, a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return 0, false
			}
			field, addr = -1, a.X
		case *ssa.Field:
			field, addr = a.Field, a.X
		default:
			return 0, false
		}
	}
	return 0, false
}

// bodyField reports whether addr is a field of a request's body that a
// retry resets to send it again (knowledge.BodyRewinds).
func bodyField(addr ssa.Value) bool { return fieldIn(addr, knowledge.BodyRewinds) }

// serverField reports whether addr is a field that names the server a
// request goes to, not what the API is asked (knowledge.ServerFields).
func serverField(addr ssa.Value) bool { return fieldIn(addr, knowledge.ServerFields) }

// fieldIn reports whether addr is the address of a field set names.
func fieldIn(addr ssa.Value, set map[knowledge.Key]bool) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	n := typesx.NamedOf(fa.X.Type())
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	return ok && set[knowledge.Key{Path: n.Obj().Pkg().Path(), Recv: n.Obj().Name(), Name: st.Field(fa.Field).Name()}]
}

// madeAgain reports whether v is a value the path has made anew since
// the send (round.fresh): not the one the send was given, or filled.
func (s *sendFlow) madeAgain(v ssa.Value, fresh uint64) bool {
	k, ok := s.fresh[v]
	return ok && fresh&(1<<k) != 0
}
