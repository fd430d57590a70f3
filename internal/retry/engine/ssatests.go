package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// calleeDepth is how many calls deep calleeHolds reads decisions.
const calleeDepth = 2

// bound returns what the flow that called this one gave the parameter v
// is, with that flow and its path: what the flow asks of it, it asks
// there.
func (s *sendFlow) bound(v ssa.Value, env values.Env) (ssa.Value, *sendFlow, values.Env, bool) {
	p, ok := env.Resolve(v).(*ssa.Parameter)
	if !ok || s.binds == nil {
		return nil, nil, values.Env{}, false
	}
	a, ok := s.binds[p]
	return a, s.outer, s.outerEnv, ok
}

// constOf returns the constant the calling flow gave v, a parameter of
// the function this flow reads for it (gcrane's hasStatusCode(err, 429):
// code is 429), or v.
func (s *sendFlow) constOf(v ssa.Value, env values.Env) ssa.Value {
	if a, o, oenv, ok := s.bound(v, env); ok {
		if k, ok := o.constOf(strip(oenv.Resolve(a), oenv), oenv).(*ssa.Const); ok {
			return k
		}
	}
	return v
}

// calleeHolds returns the statuses for which result i of call holds, of
// those it knows, by the body of the function it calls read as the send's
// own flow reads a branch, its parameters what the call gives them: a
// decision of the package that returns a value and whether it found one
// (dropbox's uploadAppendCorrectOffset(err) (int64, bool), true only for
// the error errors.As finds of another type than the send's 5xx and 429
// errors). A status for which some path returns true and another false,
// or that a path reaches past a branch not read, is not known.
func (s *sendFlow) calleeHolds(call *ssa.Call, i int, env values.Env) (set, known codeset.Set) {
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || len(fn.FreeVars) > 0 || s.depth >= calleeDepth || fn == s.home() || call.Call.Signature().Results().Len() <= i || len(call.Call.Args) != len(fn.Params) {
		return codeset.Set{}, codeset.Set{}
	}
	child := &sendFlow{send: s.send, given: s.given, errs: s.errs, known: s.known, outer: s, outerEnv: env, binds: map[*ssa.Parameter]ssa.Value{}, depth: s.depth + 1}
	for j, p := range fn.Params {
		child.binds[p] = call.Call.Args[j]
	}
	yes, no, open, _, complete := child.returns(fn, i, false)
	if !complete {
		return codeset.Set{}, codeset.Set{}
	}
	// A status some path returns true for and another false for is not
	// known, as one a path reaches past a branch not read.
	open = open.Or(yes.And(no))
	known = yes.Or(no).And(open.Not())
	return yes.And(known), known
}

// returns follows fn's paths, read as the flow reads a branch, to its
// returns, and reports the statuses for which its result i is true on
// some path (yes), false on some path (no), and not known on some path
// (open: the value returned is not read, or the path went past a branch
// not read), and the ways it returns true, each at the test that decided
// it: the test it returns, or the last the path went past. complete is
// false where the paths were too many.
//
// With eitherWay, a branch not read goes either way with the statuses it
// has: what the path returns after it is what it returns for them; a
// value returned that is not read may be true for the statuses a test of
// the status let through on the path; and a path no test of the status
// decided, or whose last branch was on something else (round.aside),
// returns nothing of the statuses.
func (s *sendFlow) returns(fn *ssa.Function, i int, eitherWay bool) (yes, no, open codeset.Set, edges []Edge, complete bool) {
	complete = values.Paths(fn.Blocks[0], 0, round{live: codeset.All}, s.decide, func(instr ssa.Instruction, env values.Env, r round) (round, bool) {
		ret, ok := instr.(*ssa.Return)
		if !ok {
			_, panics := instr.(*ssa.Panic)
			return r, !panics
		}
		live := r.live
		if !eitherWay {
			open = open.Or(r.live.And(r.unread))
			live = r.live.And(r.unread.Not())
		}
		v := ret.Results[i] // a tuple is returned by its parts
		set, known := s.holds(v, env)
		decided := r.decided && !r.aside
		if q, ok := s.question(v, env); ok {
			set, known, decided = q, codeset.All, true // it returns the answer
		}
		if eitherWay && !decided && (known != codeset.All || set == codeset.All) {
			// True, or what it returns not read, where no test of the
			// status let the statuses through (no response, a header
			// that overrides the status): no status decides it.
			return r, false
		}
		if eitherWay {
			// What it returns is not read where a status test let the
			// statuses through (429 && the error's message): it may be
			// true for them.
			set, known = set.Or(known.Not()), codeset.All
		}
		yes = yes.Or(live.And(known).And(set))
		no = no.Or(live.And(known).And(set.Not()))
		open = open.Or(live.And(known.Not()))
		if t := live.And(known).And(set); !t.Empty() {
			at := r.tests[0].at
			if set != codeset.All {
				at = testPos(v, env) // the test it returns
			}
			edges = addEdge(edges, Edge{Set: t, At: at})
		}
		return r, false
	})
	return yes, no, open, edges, complete
}

// Given are the parameters of a decision read alone (Decision) that
// stand for what a send returned: its response, its status, its error,
// and an error of a type that carries the status (a method's receiver:
// Temporary() over e.StatusCode). Any may be nil.
type Given struct {
	Resp, Status, Err, Typed ssa.Value
	// Types are, for Err, the statuses for which it is of each type.
	Types []facts.TypedErr
	// Methods, if not nil, answer the questions Err is asked (a method
	// with no parameters and a bool result, of Err or of what an
	// assertion or errors.As made of it: Temporary()), by name: true
	// for those statuses.
	Methods map[string]codeset.Set
}

// question returns the statuses for which cond, a question asked of the
// error a decision read alone is given (Given.Methods answers it), or of
// an error whose fact says its types (their methods answer it for their
// statuses: facts.ErrMethod), holds.
func (s *sendFlow) question(cond ssa.Value, env values.Env) (codeset.Set, bool) {
	name, of, ok := s.asked(env.Resolve(cond), env)
	if !ok {
		return codeset.Set{}, false
	}
	if s.send == nil && s.given.Methods != nil {
		set, ok := s.given.Methods[name]
		return set, ok
	}
	if of == nil || s.known == nil {
		return codeset.Set{}, false
	}
	f, ok := s.errFact(of, env)
	if !ok || len(f.Types) == 0 {
		return codeset.Set{}, false
	}
	set, ok := s.known.TypedMethodCodes(f.Types, name)
	if !ok {
		return codeset.Set{}, false
	}
	if errs, ok := s.errFor(of, env); ok {
		set = set.And(errs)
	}
	return set, true
}

// asked returns the name of the question v is the answer of, and the
// error it is asked of (nil where not known): a call with no arguments
// of a method with a bool result, on the given error or on what an
// assertion or errors.As made of an error.
func (s *sendFlow) asked(v ssa.Value, env values.Env) (string, ssa.Value, bool) {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) > 1 {
		return "", nil, false
	}
	var obj *types.Func
	var recv ssa.Value
	switch {
	case call.Call.IsInvoke():
		obj, recv = call.Call.Method, call.Call.Value
	case len(call.Call.Args) == 1:
		obj, _ = calleeObj(call.Call.StaticCallee())
		recv = call.Call.Args[0]
	}
	if obj == nil || !IsQuestion(obj) {
		return "", nil, false
	}
	recv = env.Resolve(recv)
	if s.givenErr(recv, env) {
		return obj.Name(), recv, true
	}
	if !s.typedErr(recv, env) {
		return "", nil, false
	}
	if x, ok := recv.(*ssa.Extract); ok {
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok {
			return obj.Name(), env.Resolve(ta.X), true
		}
	}
	if s.send == nil && s.given.Err != nil {
		return obj.Name(), s.given.Err, true // what errors.As made of it
	}
	return obj.Name(), nil, true
}

// Asked returns the names of the questions fn, a decision over its
// error parameter err, asks of it (Given.Methods), sorted.
func Asked(fn *ssa.Function, err ssa.Value, known Known) []string {
	s := &sendFlow{errs: codeset.All, known: known, given: &given{fn: fn, Given: Given{Err: err}}}
	names := map[string]bool{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			v, ok := instr.(ssa.Value)
			if !ok {
				continue
			}
			if name, _, ok := s.asked(v, values.Env{}); ok {
				names[name] = true
			}
			if call, ok := v.(*ssa.Call); ok && known != nil {
				if obj, ok := calleeObj(call.Call.StaticCallee()); ok {
					if p, ok := known.Predicate(obj); ok && p.OfErr && p.Method != "" && p.Arg < len(call.Call.Args) && s.givenErr(call.Call.Args[p.Arg], values.Env{}) {
						names[p.Method] = true
					}
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(names))
}

// givenErr reports whether v is the error a decision read alone is
// given (Given.Err), itself.
func (s *sendFlow) givenErr(v ssa.Value, env values.Env) bool {
	return s.send == nil && s.given.Err != nil && env.Resolve(v) == s.given.Err
}

// Decision reads fn, a decision, alone: the parameters g names stand for
// what a send returned, its error not nil for the statuses errs.
// It returns the statuses for which its result
// i is true on some path, where a status test let them through (a
// decision that also asks something else, whether the client is
// enabled, decides its statuses where it says true), and those for
// which what it returns is read on every path (sure); and the ways it
// returns true, each at the test that decided it. ok is false where the
// paths were too many.
func Decision(fn *ssa.Function, g Given, i int, errs codeset.Set, known Known) (set, sure codeset.Set, edges []Edge, ok bool) {
	if len(fn.Blocks) == 0 {
		return codeset.Set{}, codeset.Set{}, nil, false
	}
	s := &sendFlow{errs: errs, known: known, given: &given{fn: fn, Given: g}}
	yes, _, open, edges, ok := s.returns(fn, i, true)
	for k := range edges {
		edges[k].Waited = edges[k].Set.And(s.waited)
	}
	return yes, open.Not(), edges, ok
}

// given is a decision read alone and what it is given.
type given struct {
	fn *ssa.Function
	Given
}

// home returns the function the flow starts in: the send's, or the
// decision's read alone.
func (s *sendFlow) home() *ssa.Function {
	if s.send == nil {
		return s.given.fn
	}
	return s.send.Parent()
}

// result reports whether v is the send's i-th result, as the path knows
// it.
func (s *sendFlow) result(v ssa.Value, env values.Env, i int) bool {
	if a, o, oenv, ok := s.bound(v, env); ok {
		return o.result(a, oenv, i)
	}
	v = env.Resolve(v)
	if s.send == nil {
		// A decision read alone: its response is result 0, its error
		// the last.
		return v != nil && (i == 0 && v == s.given.Resp || i > 0 && v == s.given.Err)
	}
	x, ok := v.(*ssa.Extract)
	return ok && x.Tuple == s.send && x.Index == i
}

// isStatus reports whether v is the status of the send's response: its
// StatusCode field, through conversions.
func (s *sendFlow) isStatus(v ssa.Value, env values.Env) bool {
	v = strip(env.Resolve(v), env)
	if a, o, oenv, ok := s.bound(v, env); ok {
		return o.isStatus(a, oenv)
	}
	if s.send == nil && s.given.Status != nil && v == s.given.Status {
		return true
	}
	if x, ok := v.(*ssa.Extract); ok && x.Tuple == s.send && s.known != nil {
		// The status a sender returns among its results (the
		// package's fetch(url) (body, code, err), fasthttp.Get).
		if obj, ok := s.sendObj(); ok && s.known.StatusResult(obj) == x.Index {
			return true
		}
	}
	if call, ok := v.(*ssa.Call); ok && len(call.Call.Args) == 1 {
		// A response's status method (fasthttp's resp.StatusCode()),
		// of what the send returned or filled.
		if obj, ok := calleeObj(call.Call.StaticCallee()); ok && knowledge.StatusMethods[typesx.FuncKey(obj)] {
			recv := env.Resolve(call.Call.Args[0])
			return s.result(recv, env, 0) || s.filled(recv) || s.typedErr(recv, env)
		}
	}
	if f, ok := v.(*ssa.Field); ok {
		// A field of an error held by value (errors.AsType[codeError]).
		if !s.typedErr(f.X, env) || s.known == nil {
			return false
		}
		st, ok := f.X.Type().Underlying().(*types.Struct)
		return ok && s.known.StatusField(st.Field(f.Field), f.X.Type())
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := env.Resolve(load.X).(*ssa.FieldAddr)
	if !ok {
		return false
	}
	if s.typedErr(fa.X, env) {
		// A status field of the error the send's error is, as errors.As
		// or an assertion found it.
		n := typesx.NamedOf(fa.X.Type())
		if n == nil || s.known == nil {
			return false
		}
		st, ok := n.Underlying().(*types.Struct)
		return ok && s.known.StatusField(st.Field(fa.Field), fa.X.Type())
	}
	if !s.result(fa.X, env, 0) {
		return false
	}
	n := typesx.NamedOf(fa.X.Type())
	if n == nil || !typesx.Is(fa.X.Type(), knowledge.HTTPResponse) {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	return ok && st.Field(fa.Field).Name() == "StatusCode"
}

// sendObj returns the function or method the send calls.
func (s *sendFlow) sendObj() (*types.Func, bool) {
	if s.send == nil {
		return nil, false
	}
	if s.send.Call.IsInvoke() {
		return s.send.Call.Method, true
	}
	return calleeObj(s.send.Call.StaticCallee())
}

// strip returns v without conversions between integer types.
func strip(v ssa.Value, env values.Env) ssa.Value {
	for range 4 {
		c, ok := v.(*ssa.Convert)
		if !ok {
			break
		}
		v = env.Resolve(c.X)
	}
	return v
}

// decide narrows the statuses of r at cond, for each way a path goes.
func (s *sendFlow) decide(cond ssa.Value, env values.Env, r round) (then, els round, ways values.Branch) {
	if (s.mode == modeAttempt || s.mode == modeCondition) && s.nilTest(cond, env) {
		// Whether a helper's attempt failed decides no status: the
		// statuses are those of the errors its callers' attempts
		// return (Repeats).
		return r, r, values.Both
	}
	if way, ok := s.sendSide(cond); ok {
		return r, r, way
	}
	if list, ok := s.rangeExit(cond); ok {
		// Out of a range over the list, past every element: none of
		// them.
		in, out := r, r
		out.live, out.decided = r.live.And(list.Not()), true
		return in, out, branchWays(in, out)
	}
	if list, eq, ok := s.member(cond, env); ok {
		// The status against one element of a list: where it is that
		// element, it is in the list; where not, it may be another.
		in, other := r, r
		in.aside, other.aside = false, false
		in.admitted, other.admitted = true, false
		in.live, in.decided = r.live.And(list), true
		at := testPos(cond, env)
		in.tests, other.tests = r.pushed(step{at, eq}), r.pushed(step{at, !eq})
		if !eq {
			in, other = other, in
		}
		switch {
		case in.live.Empty() && eq:
			return in, other, values.Else
		case other.live.Empty() && !eq:
			return in, other, values.Then
		}
		return in, other, values.Both
	}
	if set, ok := s.question(cond, env); ok {
		// A question of the error a decision read alone is given,
		// answered as asked (Given.Methods): it decides.
		then, els = r, r
		then.live, els.live = r.live.And(set), r.live.And(set.Not())
		then.decided, els.decided = true, true
		then.aside, els.aside = false, false
		then.admitted, els.admitted = true, false
		at := testPos(cond, env)
		then.tests, els.tests = r.pushed(step{at, true}), r.pushed(step{at, false})
		return then, els, branchWays(then, els)
	}
	set, known := s.holds(cond, env)
	if known.Empty() {
		then, els := s.unknownBranch(cond, env, r)
		// A branch on something else, the way into its body returning
		// at once (a header that overrides the status: if ... { return
		// true }), for statuses the last test of the status did not
		// admit: what that return says, no status decided. The way
		// past it (past a guard: if !retryable(req) { return false })
		// goes on as it was, and so do statuses a test admitted (if
		// 5xx { if idempotent { return true } }). The body is the way
		// whose return comes first in the source.
		if b := blockOf(cond); b != nil && len(b.Succs) == 2 && !r.admitted {
			p0, at0 := returnsAtOnce(b.Succs[0])
			p1, at1 := returnsAtOnce(b.Succs[1])
			switch {
			case at0 && (!at1 || p0 < p1):
				then.aside = true
			case at1 && (!at0 || p1 < p0):
				els.aside = true
			}
		}
		return then, els, values.Both
	}
	then, els = r, r
	open := known.Not()
	then.live, els.live = r.live.And(set.Or(open)), r.live.And(known.And(set.Not()).Or(open))
	if !open.Empty() {
		// Read for the statuses it knows, either way for the others
		// (a test of the error's type, for those of its statuses
		// whose type the send's fact does not say).
		then, els = s.unreadAt(cond, then, then.live.And(open)), s.unreadAt(cond, els, els.live.And(open))
	}
	then.decided, els.decided = true, true
	then.aside, els.aside = false, false
	then.admitted, els.admitted = true, false
	if known == codeset.All {
		// Read whole (a partial test picks only the statuses it knows,
		// and leaves the others as they were).
		fails := r.live.And(codeset.Relation(token.GEQ, 400)) // the errors, client's and server's
		then.picked = r.picked || !fails.And(then.live.Not()).Empty()
		els.picked = r.picked || !fails.And(els.live.Not()).Empty()
	}
	if known == codeset.All && (set == codeset.All || set.Empty()) {
		// A flag or a constant: no status decides here. But an error
		// some way made under a test of the status (err = errors.New
		// where resp.StatusCode >= 500) carries it: its test is where
		// what goes round parts from what does not.
		then.decided, els.decided = r.decided, r.decided
		then.aside, els.aside = r.aside, r.aside
		then.admitted, els.admitted = r.admitted, r.admitted
		if madeErrorTest(cond) {
			at := testPos(cond, env)
			then.tests, els.tests = r.pushed(step{at, true}), r.pushed(step{at, false})
		}
	} else {
		// A test of the status, or of an error that carries it, is
		// where what passes it is decided, even when an earlier test
		// narrowed it already (err != nil after err = errors.New(...)
		// under a test of the status).
		at := testPos(cond, env)
		then.tests, els.tests = r.pushed(step{at, true}), r.pushed(step{at, false})
		if !onError(cond, env) {
			// A test of the status that every status the path has
			// passes one way separates nothing on it (503, in the
			// list to retry, past a later test of 429).
			if then.live == r.live {
				then.tests = r.tests
			}
			if els.live == r.live {
				els.tests = r.tests
			}
		}
	}
	return then, els, branchWays(then, els)
}

// branchWays returns the ways a branch goes on: those with statuses left.
func branchWays(then, els round) values.Branch {
	switch {
	case then.live.Empty() && els.live.Empty():
		return values.Neither
	case then.live.Empty():
		return values.Else
	case els.live.Empty():
		return values.Then
	}
	return values.Both
}

// unknownBranch is decide for a branch it cannot read the statuses of:
// either way, with the statuses as they were, or unread where it
// depends on the response.
func (s *sendFlow) unknownBranch(cond ssa.Value, env values.Env, r round) (then, els round) {
	if durationTest(cond) {
		// When, not whether: either way, the statuses as they were.
		return r, r
	}
	if decodeFailed(cond, env) {
		// Whether the body could be read or parsed, not what it says
		// (discordgo's 429: the wait decoded from the body, and a
		// return if it cannot be): the way where it could goes on with
		// what the tests before it picked.
		return r, r
	}
	filled := func(v ssa.Value) bool { return s.filled(v) && !s.madeAgain(v, r.fresh) }
	if values.DependsOnAt(cond, env, filled) {
		if !values.DependsOnAtPast(cond, env, filled, s.waitAnswer) {
			// Made of the response only through what a wait answers
			// (whether it waited as Retry-After says): when, not
			// whether; either way, the statuses as they were.
			return r, r
		}
		// Either way, and unanswered if the path then goes round to
		// the same request: where it changes the request, or leaves
		// the loop, what the branch decided does not matter. What a
		// test picked before it, it may take off, unless its ways meet
		// again in the loop (a wait's length, read from the response):
		// only a test read after it picks the statuses of a way round
		// (Edge.Unread).
		r = s.unreadAt(cond, r, r.live)
		if b := blockOf(cond); b == nil || !s.meetInLoop(b) {
			r.picked = false
		}
	}
	if b := blockOf(cond); b != nil && s.rejoin(b.Parent(), b) == nil {
		// Ways that part here: a path that leaves the loop after this,
		// with no test between, left it by this branch, not by a test
		// before it (a select on the context's end).
		r.parted, r.partedAt = true, r.tests[0]
	}
	return r, r
}

// decodeFailed reports whether cond tests the error of reading or
// decoding something against nil: a call of knowledge.BodyDecoders, or of
// a function value of an Unmarshal's type (func([]byte, any) error: a
// package's swappable JSON decoder, discordgo's Unmarshal).
func decodeFailed(cond ssa.Value, env values.Env) bool {
	b, ok := cond.(*ssa.BinOp)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	isNil := func(v ssa.Value) bool {
		k, ok := v.(*ssa.Const)
		return ok && k.IsNil()
	}
	v := env.Resolve(b.X)
	if isNil(v) {
		v = env.Resolve(b.Y)
	} else if !isNil(env.Resolve(b.Y)) {
		return false
	}
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if obj, ok := calleeObj(call.Call.StaticCallee()); ok {
		return knowledge.BodyDecoders[typesx.FuncKey(obj)]
	}
	sig := call.Call.Signature()
	return sig.Params().Len() == 2 && sig.Results().Len() == 1 && typesx.IsError(sig.Results().At(0).Type()) &&
		types.Identical(sig.Params().At(0).Type(), types.NewSlice(types.Typ[types.Byte])) && types.IsInterface(sig.Params().At(1).Type())
}

// returnsAtOnce reports whether b returns with no branch first, through
// plain jumps, and the position of its return statement.
func returnsAtOnce(b *ssa.BasicBlock) (token.Pos, bool) {
	for range 8 {
		if len(b.Instrs) == 0 {
			return token.NoPos, false
		}
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			return x.Pos(), x.Pos().IsValid()
		case *ssa.Jump:
			b = b.Succs[0]
		default:
			return token.NoPos, false
		}
	}
	return token.NoPos, false
}

// sendSide returns the way a branch of the loop goes that only one way
// of which leads to the send, on a value that is the same each round
// (a per-try timeout set or not, azcore's options.TryTimeout == 0): it
// went that way in the round that sent, and goes it again.
func (s *sendFlow) sendSide(cond ssa.Value) (values.Branch, bool) {
	b := blockOf(cond)
	if b == nil || len(b.Succs) != 2 || !s.inLoop(b) || b == s.send.Block() {
		return values.Neither, false
	}
	way := values.Neither
	switch sb := s.send.Block(); {
	case b.Succs[0].Dominates(sb):
		way = values.Then
	case b.Succs[1].Dominates(sb):
		way = values.Else
	default:
		return values.Neither, false
	}
	if !s.invariant(cond, 0) {
		return values.Neither, false
	}
	return way, true
}

// invariant reports whether v is computed the same way from the same
// values in each round of the loop: from constants, parameters and
// what was made before the loop, through operators and fields, and
// loads of what the loop does not write; not from a call, nor a
// variable the loop carries.
func (s *sendFlow) invariant(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.Global, *ssa.Function, *ssa.FreeVar:
		return true
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return !s.inLoop(x.Block())
		}
		if x.Op == token.MUL && s.inLoop(x.Block()) && s.writtenInLoop(x.X) {
			return false
		}
	case *ssa.BinOp, *ssa.FieldAddr, *ssa.Field, *ssa.Convert, *ssa.ChangeType:
	default:
		instr, ok := v.(ssa.Instruction)
		return ok && !s.inLoop(instr.Block())
	}
	if !s.inLoop(v.(ssa.Instruction).Block()) {
		return true
	}
	for _, op := range v.(ssa.Instruction).Operands(nil) {
		if op != nil && *op != nil && !s.invariant(*op, depth+1) {
			return false
		}
	}
	return true
}

// durationTest reports whether cond compares durations: a wait's
// length (the Retry-After a response asks for, against a cap), or the
// time a loop has spent, which say when the request goes round, or
// whether it waits that long, not whether its status does: the flow
// takes either way, with the statuses as they were (azcore's cap of
// Retry-After, consul's renewal until the TTL is spent).
func durationTest(cond ssa.Value) bool {
	b, ok := cond.(*ssa.BinOp)
	return ok && typesx.Is(b.X.Type(), knowledge.Duration)
}

// waitAnswer reports whether v is what a wait answers: a call of a
// function of the package that waits as Retry-After says (Known.Waits),
// whose answer is made of the response it is given only through its
// headers and whether it has one, not its status, and of the time
// (go-autorest's DelayWithRetryAfter: whether it waited).
func (s *sendFlow) waitAnswer(v ssa.Value) bool {
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || s.known == nil {
		return false
	}
	fn := call.Call.StaticCallee()
	obj, ok := calleeObj(fn)
	if !ok || len(fn.Blocks) == 0 || !s.known.Waits(obj) {
		return false
	}
	if s.waits == nil {
		s.waits = map[*ssa.Function]bool{}
	}
	if w, ok := s.waits[fn]; ok {
		return w
	}
	status := func(v ssa.Value) bool {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			p, ok := x.X.Type().Underlying().(*types.Pointer)
			if !ok {
				return false
			}
			st, ok := p.Elem().Underlying().(*types.Struct)
			return ok && s.known.StatusField(st.Field(x.Field), x.X.Type())
		case *ssa.Field:
			st, ok := x.X.Type().Underlying().(*types.Struct)
			return ok && s.known.StatusField(st.Field(x.Field), x.X.Type())
		case *ssa.Call:
			// A call handed the response itself may read its status.
			return slices.ContainsFunc(x.Call.Args, func(a ssa.Value) bool {
				p, ok := a.(*ssa.Parameter)
				return ok && p.Parent() == fn && typesx.Is(a.Type(), knowledge.HTTPResponse)
			})
		}
		return false
	}
	w := true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var vs []ssa.Value
			switch x := instr.(type) {
			case *ssa.Return:
				vs = x.Results
			case *ssa.If:
				vs = []ssa.Value{x.Cond}
			}
			for _, v := range vs {
				w = w && !values.DependsOn(v, status)
			}
		}
	}
	s.waits[fn] = w
	return w
}

// nilTest reports whether cond compares the send's error with nil.
func (s *sendFlow) nilTest(cond ssa.Value, env values.Env) bool {
	x, op := nilCompared(env.Resolve(cond))
	return op != token.ILLEGAL && s.sendErr(env.Resolve(x), env)
}

// madeErrorTest reports whether cond compares with nil an error that
// some way into it is made in the function (errors.New, fmt.Errorf, a
// value of an error type), not only one it was given or a call returned.
func madeErrorTest(cond ssa.Value) bool {
	if n, ok := cond.(*ssa.UnOp); ok && n.Op == token.NOT {
		cond = n.X
	}
	b, ok := cond.(*ssa.BinOp)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	v := b.X
	if k, ok := v.(*ssa.Const); ok && k.IsNil() {
		v = b.Y
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || !typesx.IsError(phi.Type()) {
		return false
	}
	seen := map[*ssa.Phi]bool{}
	var made func(p *ssa.Phi) bool
	made = func(p *ssa.Phi) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, e := range p.Edges {
			switch x := e.(type) {
			case *ssa.Phi:
				if made(x) {
					return true
				}
			case *ssa.MakeInterface:
				return true
			case *ssa.Call:
				if madeByErrors(x) {
					return true
				}
			}
		}
		return false
	}
	return made(phi)
}

// onError reports whether cond tests an error (err != nil, a
// decision or an assertion given one), not the status itself.
func onError(cond ssa.Value, env values.Env) bool {
	for range 4 {
		switch x := env.Resolve(cond).(type) {
		case *ssa.UnOp:
			if x.Op != token.NOT {
				return false
			}
			cond = x.X
			continue
		case *ssa.BinOp:
			return typesx.IsError(x.X.Type()) || typesx.IsError(x.Y.Type())
		case *ssa.Call:
			return slices.ContainsFunc(x.Call.Args, func(a ssa.Value) bool { return typesx.IsError(a.Type()) })
		case *ssa.Extract:
			cond = x.Tuple // ok of an assertion, or of errors.AsType
			continue
		case *ssa.TypeAssert:
			return typesx.IsError(x.X.Type())
		}
		return false
	}
	return false
}

// unreadAt returns r gone past the branch at cond, which the flow cannot
// read for the statuses open: unread for those until the ways meet again
// having set nothing (then the branch decided nothing: a body read and
// closed when there is one).
func (s *sendFlow) unreadAt(cond ssa.Value, r round, open codeset.Set) round {
	if open.Empty() {
		return r
	}
	if r.unread.Empty() {
		r.rejoin = s.rejoin(cond.Parent(), blockOf(cond))
	}
	r.unread = r.unread.Or(open)
	return r
}

// filled reports whether v is what the send returns or fills: its
// results, and what it is handed a pointer to besides its receiver and
// its request (fasthttp.Do(req, resp) fills resp).
func (s *sendFlow) filled(v ssa.Value) bool {
	if v == s.send {
		return true
	}
	if p, ok := v.(*ssa.Parameter); ok && s.binds != nil {
		if a, ok := s.binds[p]; ok {
			// What the calling flow gave it: filled if made of what
			// the send returned there.
			return values.DependsOnAt(a, s.outerEnv, s.outer.filled)
		}
	}
	if s.send == nil {
		return v == s.given.Resp
	}
	if _, isPtr := v.Type().Underlying().(*types.Pointer); !isPtr || v == s.req {
		return false
	}
	args := s.send.Call.Args
	if s.send.Call.Signature().Recv() != nil && !s.send.Call.IsInvoke() && len(args) > 0 {
		args = args[1:] // the receiver: a client, not what it fills
	}
	return slices.Contains(args, v)
}

// testPos returns the position of the test cond is, as the path knows
// it: a flag's is that of the test it was set from.
func testPos(cond ssa.Value, env values.Env) token.Pos {
	v := env.Resolve(cond)
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple // ok of an assertion, a lookup, errors.AsType: the expression's
	}
	if p := v.Pos(); p.IsValid() {
		return p
	}
	return cond.Pos()
}

// holds returns the statuses for which cond holds, of those it knows,
// when cond tests the status or the send's error alone, or is a
// constant on the path (a flag): all or none. known is all statuses
// where the test is read whole, none where it is not read, and those
// whose answer is known where it is read in part (a test of the error's
// type, of the statuses whose type the send's fact says).
func (s *sendFlow) holds(cond ssa.Value, env values.Env) (set, known codeset.Set) {
	switch x := env.Resolve(cond).(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.Bool {
			if constant.BoolVal(x.Value) {
				return codeset.All, codeset.All
			}
			return codeset.Set{}, codeset.All
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if set, known := s.holds(x.X, env); !known.Empty() {
				return known.And(set.Not()), known
			}
		}
	case *ssa.Call:
		if isErrorsAs(x) {
			// errors.As(err, &target): for the statuses its error is of
			// the target's type.
			if mi, ok := x.Call.Args[1].(*ssa.MakeInterface); ok {
				if ptr, ok := mi.X.Type().Underlying().(*types.Pointer); ok {
					return s.ofTypePart(x.Call.Args[0], ptr.Elem(), env, true)
				}
			}
			return codeset.Set{}, codeset.Set{}
		}
		if foreignSentinel(x) {
			// errors.Is(err, io.ErrUnexpectedEOF): a variable of
			// another package is no error that carries a status, so it
			// is false wherever the error carries one.
			if errs, ok := s.errFor(x.Call.Args[0], env); ok && s.carriesStatus(x.Call.Args[0], env) {
				return codeset.Set{}, errs
			}
		}
		return s.decided(x, 0, env)
	case *ssa.Lookup:
		// set[status] of a map of statuses to true.
		if b, ok := x.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool && !x.CommaOk {
			return whole(s.setOf(x, env))
		}
	case *ssa.Extract:
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 1 {
			return s.ofTypePart(ta.X, ta.AssertedType, env, false)
		}
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 1 {
			return whole(s.setOf(l, env)) // _, ok := set[status]
		}
		if call, ok := x.Tuple.(*ssa.Call); ok {
			if t := asType(call); t != nil {
				if x.Index == 1 {
					return s.ofTypePart(call.Call.Args[0], t, env, true)
				}
				return codeset.Set{}, codeset.Set{}
			}
			return s.decided(call, x.Index, env)
		}
	case *ssa.BinOp:
		a, b, op := s.constOf(strip(env.Resolve(x.X), env), env), s.constOf(strip(env.Resolve(x.Y), env), env), x.Op
		if op == token.EQL || op == token.NEQ {
			// The error against a sentinel (err == ErrAlreadyOpen):
			// false for the statuses whose error is made anew.
			for _, e := range [][2]ssa.Value{{a, b}, {b, a}} {
				if known := s.unlikeGlobal(e[0], e[1], env); !known.Empty() {
					if op == token.NEQ {
						return known, known
					}
					return codeset.Set{}, known
				}
			}
		}
		if _, isConst := a.(*ssa.Const); isConst {
			a, b, op = b, a, Flip(op)
		}
		k, isConst := b.(*ssa.Const)
		if !isConst {
			break
		}
		if k.IsNil() && (op == token.EQL || op == token.NEQ) && s.result(a, env, 0) {
			// The response: there is one wherever there is a status.
			if op == token.NEQ {
				return codeset.All, codeset.All
			}
			return codeset.Set{}, codeset.All
		}
		if k.IsNil() && (op == token.EQL || op == token.NEQ) {
			set, ok := s.errFor(a, env)
			if !ok {
				break
			}
			if op == token.NEQ {
				return set, codeset.All
			}
			return set.Not(), codeset.All
		}
		if k.Value == nil || k.Value.Kind() != constant.Int {
			break
		}
		n, exact := constant.Int64Val(k.Value)
		if !exact {
			break
		}
		if s.isStatus(a, env) {
			return codeset.Relation(op, n), codeset.All
		}
		// Its class: status/100 op n.
		if q, ok := a.(*ssa.BinOp); ok && q.Op == token.QUO && s.isStatus(q.X, env) {
			if d, ok := strip(env.Resolve(q.Y), env).(*ssa.Const); ok && d.Value != nil && d.Value.Kind() == constant.Int {
				if dv, _ := constant.Int64Val(d.Value); dv == 100 {
					return codeset.ClassRelation(op, n), codeset.All
				}
			}
		}
	}
	return codeset.Set{}, codeset.Set{}
}

// whole is holds' answer for a test read whole, or not at all.
func whole(set codeset.Set, ok bool) (codeset.Set, codeset.Set) {
	if !ok {
		return codeset.Set{}, codeset.Set{}
	}
	return set, codeset.All
}

// decided is holds for result i of call: a decision by its fact, or
// else by its body read here (calleeHolds).
func (s *sendFlow) decided(call *ssa.Call, i int, env values.Env) (set, known codeset.Set) {
	if set, ok := s.bindings(call, i, env); ok {
		return set, codeset.All
	}
	if set, ok := s.decision(call, i, env); ok {
		if s.mode == modeErrors {
			// A decision's fact says for which statuses it may be
			// true, not that it is true for each whatever else it
			// reads (dropbox's Policy.Delay, false once the attempts
			// are spent): where it is false, any status may be there.
			return set, set.Not()
		}
		return set, codeset.All
	}
	return s.calleeHolds(call, i, env)
}

// Bindings, where a Known has them, are what a retry helper's own
// parameters hold while the flow follows the helper for its callers
// (Repeats): the predicate over the attempt's error it is given, and
// the attempt's other result (a condition's done).
type Bindings interface {
	// BoundCall returns the statuses of the error it is given for
	// which a call of the function value v holds.
	BoundCall(v *types.Var) (codeset.Set, bool)
	// BoundResult returns the statuses for which the send's result i
	// holds.
	BoundResult(i int) (codeset.Set, bool)
}

// bindings is decided for what the Known's Bindings say: result i of
// the send, or the result of a call of a function value the function
// is given, over an error.
func (s *sendFlow) bindings(call *ssa.Call, i int, env values.Env) (codeset.Set, bool) {
	b, ok := s.known.(Bindings)
	if !ok {
		return codeset.Set{}, false
	}
	if call == s.send {
		return b.BoundResult(i)
	}
	p, ok := boundParam(call.Call.Value)
	if !ok || i != 0 || len(call.Call.Args) != 1 {
		return codeset.Set{}, false
	}
	v, _ := p.Object().(*types.Var)
	set, ok := b.BoundCall(v)
	if !ok {
		return codeset.Set{}, false
	}
	errs, ok := s.errFor(call.Call.Args[0], env)
	if !ok {
		return codeset.Set{}, false
	}
	return set.And(errs), true
}

// boundParam returns the parameter v stands for: v itself, or the
// parameter of the enclosing function a closure's free variable holds
// (a condition that asks the helper's predicate): bound to it where the
// closure is made, or to the variable the parameter is kept in when
// closures capture it, which nothing else stores into.
func boundParam(v ssa.Value) (*ssa.Parameter, bool) {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v, true
	case *ssa.FreeVar:
		p, ok := closureBinding(v).(*ssa.Parameter)
		return p, ok
	case *ssa.UnOp:
		fv, ok := v.X.(*ssa.FreeVar)
		if !ok || v.Op != token.MUL {
			return nil, false
		}
		cell, ok := closureBinding(fv).(*ssa.Alloc)
		if !ok {
			return nil, false
		}
		var kept *ssa.Parameter
		for _, ref := range *cell.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Store:
				p, ok := ref.Val.(*ssa.Parameter)
				if !ok || kept != nil {
					return nil, false
				}
				kept = p
			case *ssa.MakeClosure:
				for i, b := range ref.Bindings {
					if b == cell && storedInto(ref.Fn.(*ssa.Function).FreeVars[i]) {
						return nil, false
					}
				}
			case *ssa.UnOp:
			default:
				return nil, false
			}
		}
		return kept, kept != nil
	}
	return nil, false
}

// closureBinding returns what the free variable fv is bound to where
// its function is made, or nil.
func closureBinding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if i < 0 || fn.Parent() == nil {
		return nil
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				return mc.Bindings[i]
			}
		}
	}
	return nil
}

// storedInto reports whether a closure stores into its free variable fv.
func storedInto(fv *ssa.FreeVar) bool {
	for _, ref := range *fv.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fv {
			return true
		}
	}
	return false
}

// decision returns the statuses for which result i of call, a decision
// function by its fact, holds: given the status, or the response.
func (s *sendFlow) decision(call *ssa.Call, i int, env values.Env) (codeset.Set, bool) {
	if s.known == nil {
		return codeset.Set{}, false
	}
	fn := call.Call.StaticCallee()
	if fn == nil {
		return codeset.Set{}, false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return codeset.Set{}, false
	}
	if codes, ok := knowledge.ErrorPredicates[typesx.FuncKey(obj)]; ok && i == 0 && len(call.Call.Args) == 1 {
		// apierrors.IsServiceUnavailable(err): true for the status the
		// error carries, of those it may carry.
		errs, ok := s.errFor(call.Call.Args[0], env)
		if !ok {
			return codeset.Set{}, false
		}
		var set codeset.Set
		for _, r := range codes {
			set = set.Or(codeset.Range(int64(r[0]), int64(r[1])))
		}
		return set.And(errs), true
	}
	if i == 0 && len(call.Call.Args) == 2 && (typesx.FuncKey(obj) == knowledge.SliceContains || obj.Signature().Recv() != nil && knowledge.SetMethodNames.Match(obj.Name())) {
		// The status looked up in a list or a set of the package's, a
		// variable or a field (slices.Contains(retryOn, code),
		// minio's set.CreateIntSet(...).Contains(code)).
		if a := env.Resolve(call.Call.Args[1]); s.isStatus(a, env) {
			if v := listVar(env.Resolve(call.Call.Args[0])); v != nil {
				if set, ok := s.known.ListOf(v); ok {
					return set, true
				}
			}
		}
	}
	recv := 0
	if obj.Signature().Recv() != nil {
		recv = 1 // a static call of a method: its receiver is the first argument
	}
	p, ok := s.known.Predicate(obj)
	if !ok || p.Result != i {
		return codeset.Set{}, false
	}
	arg := p.Arg + recv
	if arg >= len(call.Call.Args) {
		return codeset.Set{}, false
	}
	if p.List > 0 {
		// A membership test: true for the statuses of the list it is
		// given (HasStatusCode(resp, options.StatusCodes...)).
		l := p.List - 1 + recv
		if l >= len(call.Call.Args) {
			return codeset.Set{}, false
		}
		if a := env.Resolve(call.Call.Args[arg]); !s.isStatus(a, env) && !s.result(a, env, 0) {
			return codeset.Set{}, false
		}
		if set, ok := constList(env.Resolve(call.Call.Args[l])); ok {
			s.wait(p.Waited)
			return set, true
		}
		v := listVar(env.Resolve(call.Call.Args[l]))
		if v == nil {
			return codeset.Set{}, false
		}
		// A list known to be empty holds for no status (a caller's
		// list, followed as none: listDecided).
		set, ok := s.known.ListOf(v)
		if ok {
			s.wait(p.Waited)
		}
		return set, ok
	}
	if p.OfErr {
		// A decision over an error: true for the statuses it retries
		// of those the error carries (an error's own methods aside).
		errs, ok := s.errFor(call.Call.Args[arg], env)
		if ok && p.Method != "" {
			// A decision by the question the error answers too
			// (IsTemporary asks Temporary()): as it is answered where
			// a decision read alone is asked, or as the methods of the
			// error's types say for their statuses.
			if s.givenErr(call.Call.Args[arg], env) && s.given.Methods != nil {
				if m, asked := s.given.Methods[p.Method]; asked {
					return p.Set.Or(m).And(errs), true
				}
			}
			if f, ok := s.errFact(call.Call.Args[arg], env); ok && len(f.Types) > 0 {
				if m, ok := s.known.TypedMethodCodes(f.Types, p.Method); ok {
					return p.Set.Or(m).And(errs), true
				}
			}
		}
		if !ok || p.Method != "" {
			return codeset.Set{}, false
		}
		return p.Set.And(errs), true
	}
	if a := env.Resolve(call.Call.Args[arg]); s.isStatus(a, env) || s.result(a, env, 0) {
		s.wait(p.Waited)
		return p.Set, true
	}
	if k, ok := env.Const(call.Call.Args[arg]); ok && k.Value != nil && k.Value.Kind() == constant.Int {
		// A status the call names (a decision that asks itself of
		// another: retryable(503) where the status is 502): true for
		// every status or none, as its fact says of that one.
		code, exact := constant.Int64Val(k.Value)
		if exact && !p.OfErr && p.List == 0 && p.Set.And(codeset.Single(code)) == codeset.Single(code) {
			return codeset.All, true
		}
		return codeset.Set{}, exact && !p.OfErr && p.List == 0
	}
	return codeset.Set{}, false
}

// wait records that a decision the flow read waits for Retry-After
// before its statuses go round (a retry library's policy:
// facts.Pred.Waited).
func (s *sendFlow) wait(set codeset.Set) {
	for s.outer != nil {
		s = s.outer
	}
	s.waited = s.waited.Or(set)
}

// errFor returns the statuses for which the error v is not nil on the
// path: the send's for errs, one made on the path (errors.New, a value
// put in an interface) for all, nil for none, a function's given the
// response (or its status) for those its fact says.
func (s *sendFlow) errFor(v ssa.Value, env values.Env) (codeset.Set, bool) {
	if a, o, oenv, ok := s.bound(v, env); ok {
		return o.errFor(a, oenv)
	}
	v = env.Resolve(v)
	if s.sendErr(v, env) {
		return s.errs, true
	}
	switch x := v.(type) {
	case *ssa.Const:
		return codeset.Set{}, x.IsNil()
	case *ssa.MakeInterface:
		return codeset.All, true
	}
	if call := errCall(v); call != nil && (madeByErrors(call) || s.neverNil(call)) {
		return codeset.All, true
	}
	if f, ok := s.errFact(v, env); ok && !f.Sends {
		return f.Errs, true
	}
	return codeset.Set{}, false
}

// neverNil reports whether call is of a function whose error is never
// nil (Known.NeverNil): an error the function makes on every path.
func (s *sendFlow) neverNil(call *ssa.Call) bool {
	if s.known == nil || call.Call.IsInvoke() {
		return false
	}
	obj, ok := calleeObj(call.Call.StaticCallee())
	return ok && s.known.NeverNil(obj)
}

// errCall returns the call whose error v is: the call itself, or its
// last result.
func errCall(v ssa.Value) *ssa.Call {
	switch x := v.(type) {
	case *ssa.Call:
		return x
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok && x.Index == c.Call.Signature().Results().Len()-1 {
			return c
		}
	}
	return nil
}

// errFact returns what the facts say of the error v: the send's, or a
// function's given the response.
func (s *sendFlow) errFact(v ssa.Value, env values.Env) (facts.Err, bool) {
	if a, o, oenv, ok := s.bound(v, env); ok {
		return o.errFact(a, oenv)
	}
	if s.givenErr(v, env) {
		// The error a decision read alone is given: not nil for the
		// statuses it carries, of the types it is made of for some.
		return facts.Err{Errs: s.errs, Types: s.given.Types}, true
	}
	call := errCall(env.Resolve(v))
	if call == nil || s.known == nil {
		return facts.Err{}, false
	}
	var obj *types.Func
	if call.Call.IsInvoke() {
		obj = call.Call.Method
	} else if fn := call.Call.StaticCallee(); fn != nil {
		obj, _ = fn.Object().(*types.Func)
	}
	if obj == nil {
		return facts.Err{}, false
	}
	f, ok := s.known.ErrOf(obj)
	if !ok || f.List > 0 || f.From > 0 {
		return facts.Err{}, false
	}
	if call == s.send {
		return f, true
	}
	for _, a := range call.Call.Args {
		if a := env.Resolve(a); s.result(a, env, 0) || s.isStatus(a, env) {
			return f, true
		}
	}
	return facts.Err{}, false
}

// ofType returns the statuses for which the error v is of type t, by the
// facts of its making.
//
// Where the fact does not list t, the error is not a t for the statuses
// of the types it lists that are concrete and, for errors.As (unwraps),
// which looks through wrapping, have no Unwrap or As method: those are
// known, the others not.
func (s *sendFlow) ofTypePart(v ssa.Value, t types.Type, env values.Env, unwraps bool) (set, known codeset.Set) {
	if errs, ok := s.errFor(v, env); ok && errs != codeset.All {
		// Where the error is nil it is of no type: an assertion is not
		// ok, errors.As false (go-autorest's IsTokenRefreshError(err)
		// after a send that fails with no status).
		set, known = s.ofTypeMade(v, t, env, unwraps)
		return set.And(errs), known.Or(errs.Not())
	}
	return s.ofTypeMade(v, t, env, unwraps)
}

// ofTypeMade is ofTypePart for where the error is not nil.
func (s *sendFlow) ofTypeMade(v ssa.Value, t types.Type, env values.Env, unwraps bool) (set, known codeset.Set) {
	f, ok := s.errFact(v, env)
	if !ok {
		if s.sdkErr(v, env) && s.statusCarrying(t) {
			// An SDK's call: its error is the status-carrying one for
			// each status it is not nil for.
			return s.errs, codeset.All
		}
		return codeset.Set{}, codeset.Set{}
	}
	if codes, ok := f.TypeCodes(facts.TypeKey(t)); ok {
		return codes, codeset.All
	}
	if iface, ok := t.Underlying().(*types.Interface); ok {
		// An interface (interface{ Temporary() bool }): the error is
		// one for the statuses of the types it makes that implement it,
		// and not one for those of the others.
		for _, te := range f.Types {
			u := typesx.TypeOfKey(s.home().Pkg.Pkg, te.Type)
			if u == nil || types.IsInterface(u) || unwraps && wraps(u) {
				continue
			}
			known = known.Or(te.Codes)
			if types.Implements(u, iface) {
				set = set.Or(te.Codes)
			}
		}
		return set, known
	}
	for _, te := range f.Types {
		u := typesx.TypeOfKey(s.home().Pkg.Pkg, te.Type)
		if u == nil || types.IsInterface(u) || unwraps && wraps(u) {
			continue
		}
		known = known.Or(te.Codes)
	}
	return codeset.Set{}, known
}

// unlikeGlobal returns the statuses for which the error v cannot be the
// error a package-level variable holds (g loads it): those whose error,
// by the send's fact, is a pointer to a struct of the module's, which
// the function that makes it makes anew (&RESTError{...}), never the
// one a variable keeps.
func (s *sendFlow) unlikeGlobal(v, g ssa.Value, env values.Env) (known codeset.Set) {
	ld, ok := g.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL || !types.IsInterface(g.Type()) {
		return codeset.Set{}
	}
	if _, ok := ld.X.(*ssa.Global); !ok {
		return codeset.Set{}
	}
	if s.sentinelBefore(v, ld.X.(*ssa.Global), env) {
		return s.errs
	}
	f, ok := s.errFact(v, env)
	if !ok {
		return codeset.Set{}
	}
	for _, te := range f.Types {
		u, ok := typesx.TypeOfKey(s.home().Pkg.Pkg, te.Type).(*types.Pointer)
		if !ok {
			continue
		}
		if _, isStruct := u.Elem().Underlying().(*types.Struct); isStruct {
			known = known.Or(te.Codes)
		}
	}
	return known
}

// sentinelBefore reports whether v is the error of a send that is a
// function of the package built here, which returns the variable g of
// its own package only before it calls anything that carries a status
// (discordgo's Open: ErrWSAlreadyOpen when the socket is open already,
// before it asks for the gateway), and after one only errors made there,
// another package's, or those of functions of the package that never
// return g (Known.MayReturn): when the error carries a status, it is
// not g.
func (s *sendFlow) sentinelBefore(v ssa.Value, g *ssa.Global, env values.Env) bool {
	if s.known == nil || s.send == nil || !s.sendErr(v, env) {
		return false
	}
	fn := s.send.Call.StaticCallee()
	gv, ok := g.Object().(*types.Var)
	if fn == nil || fn.Blocks == nil || !ok || fn.Pkg == nil || gv.Pkg() != fn.Pkg.Pkg {
		return false
	}
	var from []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok && s.carries(c) {
				from = append(from, b)
				break
			}
		}
	}
	after := map[*ssa.BasicBlock]bool{}
	for _, b := range from {
		maps.Copy(after, reachable(b, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }))
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || !after[b] || len(ret.Results) == 0 {
			continue
		}
		if !s.notSentinel(ret.Results[len(ret.Results)-1], gv, map[ssa.Value]bool{}) {
			return false
		}
	}
	return true
}

// carries reports whether call's error may carry a status: a call of a
// function whose fact says it sends, or of what the flow cannot see.
func (s *sendFlow) carries(call *ssa.Call) bool {
	var obj *types.Func
	if call.Call.IsInvoke() {
		obj = call.Call.Method
	} else if fn := call.Call.StaticCallee(); fn != nil {
		obj, _ = fn.Object().(*types.Func)
	} else {
		return true
	}
	if obj == nil {
		return false
	}
	f, ok := s.known.ErrOf(obj)
	return ok && f.Sends
}

// notSentinel reports whether the error v cannot be the one variable g
// holds: nil, another variable's, a value made here, what another
// package's function returns (it cannot name g), or what a function of
// the package returns that never returns g.
func (s *sendFlow) notSentinel(v ssa.Value, g *types.Var, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return x.IsNil()
	case *ssa.MakeInterface:
		return true
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			// A variable kept in memory (a result under a defer): what
			// each way into the load stored there last.
			vals, ok := storedBefore(a, x)
			if !ok {
				return false
			}
			for _, v := range vals {
				if !s.notSentinel(v, g, seen) {
					return false
				}
			}
			return true
		}
		glob, ok := x.X.(*ssa.Global)
		return ok && x.Op == token.MUL && glob.Object() != types.Object(g)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !s.notSentinel(e, g, seen) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		return s.notSentinel(x.Tuple, g, seen)
	case *ssa.Call:
		obj, ok := calleeObj(x.Call.StaticCallee())
		if !ok {
			return false
		}
		if obj.Pkg() != g.Pkg() {
			return true
		}
		return !s.known.MayReturn(obj, g)
	}
	return false
}

// storedBefore returns what the ways into the load ld stored in a last:
// the last store before it in its block, else in each block before,
// back to the function's entry (where a variable is its zero value, nil).
// ok is false where the ways are too many to follow.
func storedBefore(a *ssa.Alloc, ld *ssa.UnOp) (vals []ssa.Value, ok bool) {
	if !values.KeptHere(a) {
		return nil, false // set elsewhere too: by a call given its address, a closure
	}
	seen := map[*ssa.BasicBlock]bool{}
	var back func(b *ssa.BasicBlock, end int) bool
	back = func(b *ssa.BasicBlock, end int) bool {
		for i := end - 1; i >= 0; i-- {
			if st, ok := b.Instrs[i].(*ssa.Store); ok && st.Addr == ssa.Value(a) {
				vals = append(vals, st.Val)
				return true
			}
			if b.Instrs[i] == ssa.Instruction(a) {
				return true // made here, zero: nil
			}
		}
		if seen[b] || len(seen) > 64 {
			return len(seen) <= 64
		}
		seen[b] = true
		for _, p := range b.Preds {
			if !back(p, len(p.Instrs)) {
				return false
			}
		}
		return true
	}
	end := slices.Index(ld.Block().Instrs, ssa.Instruction(ld))
	return vals, back(ld.Block(), end)
}

// sendErr reports whether v, resolved on the path, is the send's error:
// its last result (openStream's only one).
func (s *sendFlow) sendErr(v ssa.Value, env values.Env) bool {
	if s.send == nil {
		return s.result(v, env, 1)
	}
	n := s.send.Call.Signature().Results().Len()
	return n > 1 && s.result(v, env, n-1) || v == s.send && n == 1
}

// madeByErrors reports whether call makes a new error of its own:
// errors.New, fmt.Errorf.
func madeByErrors(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	return fn != nil && fn.Pkg != nil && (fn.Pkg.Pkg.Path() == "errors" && fn.Name() == "New" || fn.Pkg.Pkg.Path() == "fmt" && fn.Name() == "Errorf")
}

// sdkErr reports whether v is the error of a send no fact describes
// but that is not nil for some statuses: an SDK's generated call
// (knowledge.SDKSends), whose error carries the status.
func (s *sendFlow) sdkErr(v ssa.Value, env values.Env) bool {
	if s.errs.Empty() || s.known == nil {
		return false
	}
	if !s.sendErr(env.Resolve(v), env) {
		return false
	}
	if obj, ok := s.sendObj(); ok {
		if _, ok := s.known.ErrOf(obj); ok {
			return false // a fact says which errors: read by it
		}
	}
	return true
}

// statusCarrying reports whether t, or what it points to, is an error
// type that carries a status in a field or method statuslint knows
// (googleapi.Error's Code, smithy-go's HTTPStatusCode()).
func (s *sendFlow) statusCarrying(t types.Type) bool {
	for range 2 {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
	}
	mset := types.NewMethodSet(types.NewPointer(t))
	for i := range mset.Len() {
		if fn, ok := mset.At(i).Obj().(*types.Func); ok && knowledge.StatusMethods[typesx.FuncKey(fn)] {
			return true
		}
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if s.known.StatusField(st.Field(i), t) {
				return true
			}
		}
	}
	return false
}

// wraps reports whether an error of type t may hold another that
// errors.As finds: it has an Unwrap or an As method.
func wraps(t types.Type) bool {
	for _, name := range []string{"Unwrap", "As"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// typedErr reports whether x is the send's error as a value of one of
// its types: the target errors.As filled, or what an assertion gave.
func (s *sendFlow) typedErr(x ssa.Value, env values.Env) bool {
	if s.send == nil && s.given.Typed != nil && env.Resolve(x) == s.given.Typed {
		return true // the error a method of its type is asked of
	}
	switch x := env.Resolve(x).(type) {
	case *ssa.Alloc:
		// A variable of an error type held by value: the target
		// errors.As filled, or a variable every store into which is
		// the error as that type (ce, ok := errors.AsType[codeError](err)).
		if x.Referrers() == nil {
			return false
		}
		stored := false
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				if !s.typedErr(st.Val, env) {
					return false
				}
				stored = true
			}
		}
		return stored || s.asTarget(x, env)
	case *ssa.UnOp:
		cell, ok := x.X.(*ssa.Alloc)
		if !ok || x.Op != token.MUL {
			return false
		}
		return s.asTarget(cell, env)
	case *ssa.Extract:
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
			_, ok := s.errFact(ta.X, env)
			return ok
		}
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && asType(call) != nil {
			_, ok := s.errFact(call.Call.Args[0], env)
			return ok
		}
	}
	return false
}

// asTarget reports whether cell is the target that errors.As fills with
// the send's error.
func (s *sendFlow) asTarget(cell *ssa.Alloc, env values.Env) bool {
	if cell.Referrers() == nil {
		return false
	}
	for _, r := range *cell.Referrers() {
		mi, ok := r.(*ssa.MakeInterface)
		if !ok || mi.Referrers() == nil {
			continue
		}
		for _, u := range *mi.Referrers() {
			if call, ok := u.(*ssa.Call); ok && isErrorsAs(call) && call.Call.Args[1] == mi {
				if _, ok := s.errFact(call.Call.Args[0], env); ok || s.sdkErr(call.Call.Args[0], env) && s.statusCarrying(cell.Type()) {
					return true
				}
			}
		}
	}
	return false
}

// asType returns T where call calls errors.AsType[T], nil elsewhere.
func asType(call *ssa.Call) types.Type {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Origin() == nil || len(fn.TypeArgs()) != 1 || len(call.Call.Args) != 1 {
		return nil
	}
	obj, ok := fn.Origin().Object().(*types.Func)
	if !ok || typesx.FuncKey(obj) != knowledge.ErrorsAsType {
		return nil
	}
	return fn.TypeArgs()[0]
}

// isErrorsAs reports whether call calls errors.As.
// foreignSentinel reports whether call is errors.Is(err, v) with v a
// variable of a package other than the caller's (io.ErrUnexpectedEOF),
// or a constant of such a package's type (syscall.EPIPE).
func foreignSentinel(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || len(call.Call.Args) != 2 {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || typesx.FuncKey(obj) != knowledge.ErrorsIs {
		return false
	}
	arg := call.Call.Args[1]
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	if k, ok := arg.(*ssa.Const); ok {
		// A constant error of another package's type (syscall.EPIPE).
		n := typesx.NamedOf(k.Type())
		return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg() != call.Parent().Pkg.Pkg
	}
	ld, ok := arg.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg != call.Parent().Pkg.Pkg
}

// carriesStatus reports whether v is an error that carries the status
// where it is not nil: the error a decision read alone is given, or the
// send's where its statuses are known.
func (s *sendFlow) carriesStatus(v ssa.Value, env values.Env) bool {
	if s.givenErr(v, env) {
		return true
	}
	f, ok := s.errFact(v, env)
	return ok && !f.Errs.Empty()
}

func isErrorsAs(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || len(call.Call.Args) != 2 {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && typesx.FuncKey(obj) == knowledge.ErrorsAs
}

// rangeExit reports whether cond is the test of a range over a list whose
// statuses are known (i < len(codes)) whose body compares the status with
// each element and leaves where they are equal (for _, code := range
// codes { if resp.StatusCode == code { return nil } }:
// go-containerregistry's CheckError): the way out of the loop, past
// every element, holds only the statuses outside the list. It returns
// the list.
func (s *sendFlow) rangeExit(cond ssa.Value) (codeset.Set, bool) {
	b, ok := cond.(*ssa.BinOp)
	if !ok || b.Op != token.LSS || s.known == nil {
		return codeset.Set{}, false
	}
	n, ok := b.Y.(*ssa.Call)
	if !ok || len(n.Call.Args) != 1 {
		return codeset.Set{}, false
	}
	if bi, ok := n.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "len" {
		return codeset.Set{}, false
	}
	v := listVar(n.Call.Args[0])
	if v == nil {
		return codeset.Set{}, false
	}
	list, ok := s.known.ListOf(v)
	if !ok || b.Block() == nil || len(b.Block().Succs) != 2 {
		return codeset.Set{}, false
	}
	body := b.Block().Succs[0]
	for _, bb := range b.Parent().Blocks {
		if len(bb.Instrs) == 0 || !body.Dominates(bb) {
			continue
		}
		br, ok := bb.Instrs[len(bb.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if l, eq, ok := s.member(br.Cond, values.Env{}); ok && l == list {
			way := bb.Succs[1]
			if eq {
				way = bb.Succs[0]
			}
			if leaves(way) {
				return list, true
			}
		}
	}
	return codeset.Set{}, false
}

// leaves reports whether b returns, at once or by a jump to a block
// that does.
func leaves(b *ssa.BasicBlock) bool {
	for range 2 {
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			return true
		case *ssa.Jump:
			b = x.Block().Succs[0]
			continue
		}
		return false
	}
	return false
}

// member reports whether cond compares the status with an element of a
// list whose statuses are known (for _, code := range lc.retryOn { if
// resp.StatusCode == code ... }): the list, and whether cond holds where
// they are equal.
func (s *sendFlow) member(cond ssa.Value, env values.Env) (codeset.Set, bool, bool) {
	b, ok := env.Resolve(cond).(*ssa.BinOp)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ || s.known == nil {
		return codeset.Set{}, false, false
	}
	x, y := strip(env.Resolve(b.X), env), strip(env.Resolve(b.Y), env)
	if !s.isStatus(x, env) {
		x, y = y, x
	}
	if !s.isStatus(x, env) {
		return codeset.Set{}, false, false
	}
	load, ok := y.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return codeset.Set{}, false, false
	}
	ia, ok := env.Resolve(load.X).(*ssa.IndexAddr)
	if !ok {
		return codeset.Set{}, false, false
	}
	v := listVar(env.Resolve(ia.X))
	if v == nil {
		return codeset.Set{}, false, false
	}
	list, ok := s.known.ListOf(v)
	return list, b.Op == token.EQL, ok
}

// constList returns the statuses of a list written out where it is
// given (HasStatusCode(resp, 408, 502): the array of a variadic call's
// constants), when every element is a constant.
func constList(v ssa.Value) (codeset.Set, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return codeset.Set{}, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return codeset.Set{}, false
	}
	ptr, ok := arr.Type().Underlying().(*types.Pointer)
	if !ok {
		return codeset.Set{}, false
	}
	at, ok := ptr.Elem().Underlying().(*types.Array)
	if !ok || at.Len() == 0 {
		return codeset.Set{}, false
	}
	var set codeset.Set
	stored := int64(0)
	for _, r := range *arr.Referrers() {
		switch x := r.(type) {
		case *ssa.Slice:
		case *ssa.IndexAddr:
			if x.Referrers() == nil {
				return codeset.Set{}, false
			}
			for _, u := range *x.Referrers() {
				st, ok := u.(*ssa.Store)
				if !ok || st.Addr != x {
					return codeset.Set{}, false
				}
				k, ok := st.Val.(*ssa.Const)
				if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
					return codeset.Set{}, false
				}
				n, exact := constant.Int64Val(k.Value)
				if !exact {
					return codeset.Set{}, false
				}
				set = set.Or(codeset.Single(n))
				stored++
			}
		default:
			return codeset.Set{}, false
		}
	}
	return set, stored == at.Len()
}

// listVar returns the variable or field a list is loaded from.
func listVar(v ssa.Value) *types.Var {
	if sl, ok := v.(*ssa.Slice); ok {
		v = sl.X
	}
	if p, ok := v.(*ssa.Parameter); ok {
		pv, _ := p.Object().(*types.Var)
		return pv // a list the function is given (listDecided)
	}
	if f, ok := v.(*ssa.Field); ok {
		// A field of a struct value (opt.IgnoreErrors, opt a
		// parameter).
		if st, ok := f.X.Type().Underlying().(*types.Struct); ok {
			return st.Field(f.Field)
		}
		return nil
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	switch a := load.X.(type) {
	case *ssa.Global:
		g, _ := a.Object().(*types.Var)
		return g
	case *ssa.FieldAddr:
		n := typesx.NamedOf(a.X.Type())
		if n == nil {
			return nil
		}
		if st, ok := n.Underlying().(*types.Struct); ok {
			return st.Field(a.Field)
		}
	}
	return nil
}

// setOf returns the statuses a lookup of the status in a map of statuses
// holds for: the keys the package gives the map (Known.ListOf).
func (s *sendFlow) setOf(l *ssa.Lookup, env values.Env) (codeset.Set, bool) {
	if s.known == nil || !s.isStatus(l.Index, env) {
		return codeset.Set{}, false
	}
	v := listVar(env.Resolve(l.X))
	if v == nil {
		return codeset.Set{}, false
	}
	set, ok := s.known.ListOf(v)
	return set, ok
}
