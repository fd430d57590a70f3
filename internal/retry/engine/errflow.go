package engine

import (
	"go/token"
	"go/types"
	"iter"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// SentErrors follows the statuses of send's response along its
// function's paths to the function's returns, and returns what the
// function's error result says of the status (a sender's facts.Err): the
// statuses for which it is not nil, and the types it has for some. The
// send's own error is not nil for errs; an error the function makes
// (errors.New, a value of an error type) counts for the statuses a test
// of the status let through on the way, none where no test decided (a
// read error, a decode error); nil for none; a call's error as its fact
// says. A path that comes round to the send again ends there: the next
// round is the same. ok is false where the paths were too many or the
// function returns no error last.
func SentErrors(send *ssa.Call, errs codeset.Set, known Known) (facts.Err, bool) {
	if !returnsError(send.Parent()) {
		return facts.Err{}, false
	}
	b := send.Block()
	i := slices.Index(b.Instrs, ssa.Instruction(send))
	if i < 0 {
		return facts.Err{}, false
	}
	s := &sendFlow{send: send, errs: errs, known: known, mode: modeErrors}
	f, _, complete := s.errorsFrom(b, i+1)
	f.Sends = true
	return f, complete
}

// Checked is SentErrors for fn read alone, given a response or a status
// (a check: oci's checkForSuccessfulResponse(res)) or an error not nil
// for errs (a translator: dropbox's auth.ParseError(err)), as g says:
// the statuses for which fn's error is not nil, and its types for some,
// from its entry. touched is whether a test of the status decided a
// return counted.
func Checked(fn *ssa.Function, g Given, errs codeset.Set, known Known) (f facts.Err, touched, ok bool) {
	if len(fn.Blocks) == 0 || !returnsError(fn) {
		return facts.Err{}, false, false
	}
	s := &sendFlow{errs: errs, known: known, given: &given{fn: fn, Given: g}, mode: modeErrors}
	return s.errorsFrom(fn.Blocks[0], 0)
}

// returnsError reports whether fn returns an error last.
func returnsError(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	return res.Len() > 0 && typesx.IsError(res.At(res.Len()-1).Type())
}

// errorsFrom follows the paths from instruction i of b to the function's
// returns, for SentErrors and Checked.
func (s *sendFlow) errorsFrom(b *ssa.BasicBlock, i int) (f facts.Err, touched, complete bool) {
	var out codeset.Set
	typed := map[string]codeset.Set{}
	// A test of the status decides what an error made past it is of; a
	// step that failed on what the response holds (a decode) makes the
	// error on its failing way its own, not the status's; a path that
	// dereferences a nil response goes nowhere.
	decide := func(cond ssa.Value, env values.Env, r round) (then, els round, ways values.Branch) {
		if nilDeref(cond, env) {
			return r, r, values.Neither // it panics: no way on
		}
		then, els, ways = s.decide(cond, env, r)
		if then.live != r.live || els.live != r.live {
			// A test of the status, the send's error's among them:
			// an error made past it is of the statuses it let through.
			then.other, els.other = false, false
			then.decided, els.decided = true, true
			switch errNilTest(cond) {
			// Where the send's error, or a check's, is nil, no
			// failure of the status is left: an error made past that
			// (a later step's: discordgo's Open dials after its
			// request) is not of it.
			case token.EQL:
				then.decided, then.other = r.decided, r.other
			case token.NEQ:
				els.decided, els.other = r.decided, r.other
			}
		} else if op := errNilTest(cond); op != token.ILLEGAL && values.DependsOnAt(cond, env, s.ofResponse) {
			// A step's failure on what the response holds (its body's
			// read or decode): an error made where it failed is of
			// that step. A test of what the server said besides the
			// status (a header: go-github's 403 with no requests
			// left) leaves it of the status.
			if op == token.NEQ {
				then.other = true
			} else {
				els.other = true
			}
		}
		return then, els, ways
	}
	complete = values.Paths(b, i, round{live: codeset.All}, decide, func(instr ssa.Instruction, env values.Env, r round) (round, bool) {
		if s.send != nil && instr == s.send {
			return r, false // the next round starts with a new response
		}
		switch x := instr.(type) {
		case *ssa.Panic:
			return r, false
		case *ssa.Return:
			v := env.Resolve(x.Results[len(x.Results)-1])
			set, ok := s.errFor(v, env)
			// The send's own error, or a translation of it, is of the
			// status whatever the statuses it is not nil for.
			own := ok && s.sendErr(v, env)
			if !ok && sentinel(v) {
				set, ok = codeset.All, true // an error a package keeps: not nil
			}
			ts := s.typesOf(v, env)
			if t, tOwn, tok := s.translated(v, env); tok {
				set, ok, ts, own = t.Errs, true, t.Types, tOwn
			} else if l, lok := s.listed(v, env); lok {
				set, ok, ts = l.Errs, true, l.Types
			}
			if !ok || !own && set == codeset.All && (!r.decided || r.other) {
				return r, false // not of the status
			}
			got := r.live.And(set)
			out = out.Or(got)
			touched = touched || r.decided && !got.Empty()
			for _, te := range ts {
				if codes := te.Codes.And(got); !codes.Empty() {
					typed[te.Type] = typed[te.Type].Or(codes)
				}
			}
			return r, false
		}
		return r, true
	})
	f = facts.Err{Errs: out}
	for _, t := range slices.Sorted(maps.Keys(typed)) {
		f.Types = append(f.Types, facts.TypedErr{Type: t, Codes: typed[t]})
	}
	return f, touched, complete
}

// typesOf returns the types the error v has, for the statuses of each:
// what the facts of its making say (the send's, a call's), for a value of
// a concrete type put in the error, that type, and for a call of a
// function no fact describes, the types its body makes, where the Known
// says (MadeTypes).
func (s *sendFlow) typesOf(v ssa.Value, env values.Env) []facts.TypedErr {
	if mi, ok := v.(*ssa.MakeInterface); ok && !types.IsInterface(mi.X.Type()) {
		return []facts.TypedErr{{Type: facts.TypeKey(mi.X.Type()), Codes: codeset.All}}
	}
	if f, ok := s.errFact(v, env); ok {
		return f.Types
	}
	if mt, ok := s.known.(MadeTypes); ok {
		if call := errCall(v); call != nil && !call.Call.IsInvoke() {
			if obj, ok := calleeObj(call.Call.StaticCallee()); ok {
				return mt.MadeTypes(obj)
			}
		}
	}
	return nil
}

// ofResponse reports whether v is what the send filled (its response) or
// what a call handed it returns (a decode of its body).
func (s *sendFlow) ofResponse(v ssa.Value) bool {
	resp := func(v ssa.Value) bool { return s.filled(v) || s.result(v, values.Env{}, 0) }
	if resp(v) {
		return true
	}
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	return ok && call != s.send && slices.ContainsFunc(call.Call.Args, resp)
}

// callFact returns the call whose error v is, a static call of a function
// whose fact the flow knows, with that fact and the index among the call's
// arguments of its parameter i (a method's receiver comes first).
func (s *sendFlow) callFact(v ssa.Value, param func(facts.Err) int) (*ssa.Call, facts.Err, int, bool) {
	call := errCall(v)
	if call == nil || s.known == nil || call.Call.IsInvoke() {
		return nil, facts.Err{}, 0, false
	}
	obj, ok := calleeObj(call.Call.StaticCallee())
	if !ok {
		return nil, facts.Err{}, 0, false
	}
	f, ok := s.known.ErrOf(obj)
	if !ok || param(f) == 0 {
		return nil, facts.Err{}, 0, false
	}
	i := param(f) - 1
	if obj.Signature().Recv() != nil {
		i++ // the receiver is the call's first argument
	}
	return call, f, i, true
}

// translated returns what the error v says where it is the result of a
// translator (facts.Err.From: dropbox's auth.ParseError), given an error
// the flow knows: not nil for that error's statuses, of the translator's
// types for those; own where the error it was given is the send's.
func (s *sendFlow) translated(v ssa.Value, env values.Env) (t facts.Err, own, ok bool) {
	call, f, i, ok := s.callFact(v, func(f facts.Err) int { return f.From })
	if !ok || i >= len(call.Call.Args) {
		return facts.Err{}, false, false
	}
	in, ok := s.errFor(call.Call.Args[i], env)
	if !ok {
		return facts.Err{}, false, false
	}
	own = s.sendErr(env.Resolve(call.Call.Args[i]), env)
	return facts.Err{Errs: in, Types: f.TypesFor(in)}, own, true
}

// listed returns what the error v says where it is the result of a check
// given the statuses it accepts (facts.Err.List: go-containerregistry's
// CheckError(resp, codes...)): not nil for the statuses its fact always
// says, and for those of Unless that the list given at the call does not
// hold: a constant one as it says, a field of the caller's options none
// (it may be left empty); a list not known (the caller's parameter)
// holds any status.
func (s *sendFlow) listed(v ssa.Value, env values.Env) (facts.Err, bool) {
	call, f, i, ok := s.callFact(v, func(f facts.Err) int { return f.List })
	if !ok {
		return facts.Err{}, false
	}
	errs := f.Errs
	if i < len(call.Call.Args) {
		a := env.Resolve(call.Call.Args[i])
		if list, ok := constList(a); ok {
			errs = errs.Or(f.Unless.And(list.Not()))
		} else if lv := listVar(a); lv != nil && lv.IsField() {
			// A list the caller's options carry (olivere's
			// opt.IgnoreErrors, empty but for the calls that set
			// it): where it is empty, every status of Unless.
			errs = errs.Or(f.Unless)
		}
	}
	return facts.Err{Errs: errs, Types: f.TypesFor(errs)}, true
}

// NeverNil reports whether fn returns a non-nil error last on every
// path: each return's error is made there (a value put in the interface,
// errors.New), made by a function never nil says is never nil, an error
// a package keeps, or a value a test found not nil on the way (if err !=
// nil { return err }). A function that never returns says nothing.
func NeverNil(fn *ssa.Function, neverNil func(*types.Func) bool) bool {
	returns := 0
	for b, v := range returnedErrs(fn) {
		returns++
		if !madeAt(v, b, neverNil, 0) {
			return false
		}
	}
	return returns > 0
}

// returnedErrs yields each block of fn that returns, with the last value
// it returns.
func returnedErrs(fn *ssa.Function) iter.Seq2[*ssa.BasicBlock, ssa.Value] {
	return func(yield func(*ssa.BasicBlock, ssa.Value) bool) {
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if ok && len(ret.Results) > 0 && !yield(b, ret.Results[len(ret.Results)-1]) {
				return
			}
		}
	}
}

// madeAt reports whether the error v is not nil where block b uses it
// (NeverNil).
func madeAt(v ssa.Value, b *ssa.BasicBlock, neverNil func(*types.Func) bool, depth int) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		if madeByErrors(x) {
			return true
		}
		if obj, ok := calleeObj(x.Call.StaticCallee()); ok && !x.Call.IsInvoke() && neverNil(obj) {
			return true
		}
	case *ssa.UnOp:
		if sentinel(x) {
			return true
		}
	case *ssa.Phi:
		if depth < 8 {
			for k, e := range x.Edges {
				if !madeAt(e, x.Block().Preds[k], neverNil, depth+1) {
					return testedNotNil(v, b)
				}
			}
			return true
		}
	}
	return testedNotNil(v, b)
}

// testedNotNil reports whether a test that v is not nil leads to block b
// on every way (if err != nil { return err }).
func testedNotNil(v ssa.Value, b *ssa.BasicBlock) bool {
	for d := b.Idom(); d != nil; d = d.Idom() {
		br, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		x, op := nilCompared(br.Cond)
		if op == token.ILLEGAL || x != v {
			continue
		}
		way := d.Succs[0] // not nil: the way where v != nil holds
		if op == token.EQL {
			way = d.Succs[1]
		}
		if way.Dominates(b) && len(way.Preds) == 1 {
			return true
		}
	}
	return false
}

// MadeErrTypes returns the concrete types of the errors fn makes and
// returns last (a value of the type put in the interface where it
// returns, or on a way into a return's φ-node), each for every status,
// in the order of its returns.
func MadeErrTypes(fn *ssa.Function) []facts.TypedErr {
	var out []facts.TypedErr
	add := func(v ssa.Value) {
		mi, ok := v.(*ssa.MakeInterface)
		if !ok || types.IsInterface(mi.X.Type()) {
			return
		}
		te := facts.TypedErr{Type: facts.TypeKey(mi.X.Type()), Codes: codeset.All}
		if !slices.Contains(out, te) {
			out = append(out, te)
		}
	}
	for _, v := range returnedErrs(fn) {
		add(v)
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				add(e)
			}
		}
	}
	return out
}

// errNilTest returns the operator of cond where it compares an error
// with nil (err == nil, err != nil), else token.ILLEGAL.
func errNilTest(cond ssa.Value) token.Token {
	x, op := nilCompared(cond)
	if op == token.ILLEGAL || !typesx.IsError(x.Type()) {
		return token.ILLEGAL
	}
	return op
}

// nilCompared returns what cond compares with nil (x == nil, nil != x)
// and the operator; token.ILLEGAL where it compares nothing with nil.
func nilCompared(cond ssa.Value) (ssa.Value, token.Token) {
	b, ok := cond.(*ssa.BinOp)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil, token.ILLEGAL
	}
	x, y := b.X, b.Y
	if k, ok := x.(*ssa.Const); ok && k.IsNil() {
		x, y = y, x
	}
	if k, ok := y.(*ssa.Const); !ok || !k.IsNil() {
		return nil, token.ILLEGAL
	}
	return x, b.Op
}

// nilDeref reports whether cond reads a field through a pointer that is
// nil on the path (res.StatusCode where res = nil on the way in): a path
// that would panic there, not one that reaches what follows.
func nilDeref(cond ssa.Value, env values.Env) bool {
	var deref func(v ssa.Value, depth int) bool
	deref = func(v ssa.Value, depth int) bool {
		if depth > 4 {
			return false
		}
		switch x := v.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
				k, ok := env.Resolve(fa.X).(*ssa.Const)
				return ok && k.IsNil()
			}
			return deref(x.X, depth+1)
		case *ssa.BinOp:
			return deref(x.X, depth+1) || deref(x.Y, depth+1)
		}
		return false
	}
	return deref(cond, 0)
}

// sentinel reports whether v loads an error a package-level variable
// holds (io.EOF, a package's errAlreadyOpen).
func sentinel(v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	_, ok = ld.X.(*ssa.Global)
	return ok && typesx.IsError(v.Type())
}
