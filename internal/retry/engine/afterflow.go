package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// AfterKnown answers what the Retry-After flow (After) cannot read from
// the SSA form alone.
type AfterKnown interface {
	// ReadsAfter reports whether call reads the Retry-After header of a
	// response: a header read with that name, or with a name taken from
	// a list that holds it.
	ReadsAfter(call *ssa.CallCommon) bool
}

// After follows the value of the Retry-After header through one
// package's SSA form, forward from where it is read, to learn whether it
// reaches a wait: a call of knowledge.Waits (time.Sleep, time.After, a
// timer's Reset, a context's deadline) handed it or a value made of it,
// directly or in a function of the package it is handed to. The value
// goes wherever the SSA form takes it: through arithmetic and
// conversions, the standard library's parsers (strconv, time), phis,
// local variables and structs, a function's results to its callers, and
// the functions it is handed to, however deep.
//
// What the flow cannot follow counts as a wait, so that a check asking
// says nothing it is not sure of: a value handed to a function of another
// module or a function value, stored where other functions read it (a
// field of what a parameter points to, a global), sent on a channel,
// captured by a closure, or a branch taken on it (whether there is a
// Retry-After at all may be what decides the wait). Text made of it (a
// log line, an error's message: knowledge.Inert) and a comparison of what
// holds it with nil are not waits.
type After struct {
	// Skip, if set, says where a wait is not one: inside another loop
	// that sends, whose wait is for its own re-sends.
	Skip func(token.Pos) bool

	known AfterKnown
	sums  map[afterKey]afterReach
}

// afterKey names one summary: what a function does with its own reads of
// Retry-After (param -1) or with its parameter param.
type afterKey struct {
	fn    *ssa.Function
	param int
}

// afterReach is where a value goes in a function: into a wait (or where
// the flow cannot follow it), or out through its results.
type afterReach struct {
	wait, ret bool
}

// NewAfter returns a Retry-After flow over the functions of one SSA
// package, asking known what reads the header.
func NewAfter(known AfterKnown) *After {
	return &After{known: known, sums: map[afterKey]afterReach{}}
}

// Waits reports whether, in fn or the function literals it holds, a value
// of the Retry-After header reaches a wait at a position in [from, to):
// the part of fn that repeats a send (a loop's body). With exits, a
// return ends the repetition (a loop's function returns what it read to
// its caller after its last send); without, the caller of fn is what
// repeats, and a value returned may reach its wait.
func (a *After) Waits(fn *ssa.Function, from, to token.Pos, exits bool) bool {
	in := func(pos token.Pos) bool {
		return !pos.IsValid() || from <= pos && pos < to && !a.skipped(pos)
	}
	ret := retHanded
	if exits {
		ret = retEnds
	}
	return a.walkAll(fn, in, ret)
}

// What a return of the value is, in the function the flow reads.
const (
	retEnds   = iota // the end of the repetition: not a wait
	retHanded        // the caller's, who may wait with it: a wait
	retResult        // the function's result, which its callers follow
)

// walkAll follows the reads of fn and of the function literals it holds.
func (a *After) walkAll(fn *ssa.Function, in func(token.Pos) bool, ret int) bool {
	if r := a.walk(fn, nil, in, ret); r.wait {
		return true
	}
	for _, anon := range fn.AnonFuncs {
		// A literal's return hands the value to whoever calls it: a
		// library, a helper of the package; not an end.
		if in(anon.Pos()) && a.walkAll(anon, in, retHanded) {
			return true
		}
	}
	return false
}

// skipped reports whether a wait at pos is another loop's (Skip).
func (a *After) skipped(pos token.Pos) bool {
	return a.Skip != nil && pos.IsValid() && a.Skip(pos)
}

// summary returns where fn takes its own reads (param -1) or its
// parameter param, memoized. A function asked again while it is being
// read (a recursion) is taken to wait: the flow is not sure it does not.
func (a *After) summary(fn *ssa.Function, param int) afterReach {
	k := afterKey{fn, param}
	if r, ok := a.sums[k]; ok {
		return r
	}
	a.sums[k] = afterReach{wait: true, ret: true}
	var seeds []ssa.Value
	if param >= 0 {
		if param >= len(fn.Params) {
			r := afterReach{wait: true, ret: true}
			a.sums[k] = r
			return r
		}
		seeds = []ssa.Value{fn.Params[param]}
	}
	all := func(pos token.Pos) bool { return !a.skipped(pos) }
	r := a.walk(fn, seeds, all, retResult)
	if param < 0 && !r.wait {
		for _, anon := range fn.AnonFuncs {
			if a.walkAll(anon, all, retHanded) {
				r.wait = true
				break
			}
		}
	}
	a.sums[k] = r
	return r
}

// walk follows, in fn, the values seeds (or, with none, fn's own reads of
// Retry-After and the results of its calls that return one) to where they
// go. in says which positions count for a wait; ret says what a return of
// the value is.
func (a *After) walk(fn *ssa.Function, seeds []ssa.Value, in func(token.Pos) bool, ret int) afterReach {
	var r afterReach
	held := map[ssa.Value]bool{}
	var work []ssa.Value
	hold := func(v ssa.Value) {
		if v != nil && !held[v] {
			held[v] = true
			work = append(work, v)
		}
	}
	for _, s := range seeds {
		hold(s)
	}
	own := seeds == nil
	for _, b := range fn.Blocks {
		if !own {
			break
		}
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Lookup:
				if a.headerIndex(x) {
					hold(x)
				}
			case ssa.CallInstruction:
				call := x.Common()
				if a.known.ReadsAfter(call) {
					if v := x.Value(); v != nil {
						hold(v)
					}
					continue
				}
				callee := call.StaticCallee()
				if callee == nil || callee.Pkg != fn.Pkg || len(callee.Blocks) == 0 {
					continue
				}
				s := a.summary(callee, -1)
				if s.wait && in(x.Pos()) {
					r.wait = true
					return r
				}
				if s.ret {
					if v := x.Value(); v != nil {
						hold(v)
					}
				}
			}
		}
	}
	for len(work) > 0 && !r.wait {
		v := work[0]
		work = work[1:]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			a.step(fn, v, instr, in, ret, &r, hold)
			if r.wait {
				return r
			}
		}
	}
	return r
}

// step takes the value v, which holds what Retry-After said, through
// instr, one of its uses.
func (a *After) step(fn *ssa.Function, v ssa.Value, instr ssa.Instruction, in func(token.Pos) bool, ret int, r *afterReach, hold func(ssa.Value)) {
	doubt := func(pos token.Pos) {
		if in(pos) {
			r.wait = true
		}
	}
	switch x := instr.(type) {
	case ssa.CallInstruction:
		a.call(fn, v, x, in, r, hold)
	case *ssa.Store:
		if x.Val != v {
			return
		}
		switch root := values.StoreRoot(x.Addr).(type) {
		case *ssa.Alloc:
			hold(root) // a local variable or struct of fn: its loads
		default:
			doubt(x.Pos()) // where other functions may read it
		}
	case *ssa.MapUpdate:
		if m, ok := values.StoreRoot(x.Map).(*ssa.MakeMap); ok {
			hold(m)
			return
		}
		doubt(x.Pos())
	case *ssa.BinOp:
		if comparesNil(x) {
			return // whether it holds one: not how long
		}
		hold(x)
	case *ssa.If:
		doubt(condPos(x.Cond))
	case *ssa.Return:
		switch ret {
		case retResult:
			r.ret = true
		case retHanded:
			doubt(x.Pos())
		}
	case *ssa.Send, *ssa.MakeClosure:
		doubt(instr.Pos()) // to another goroutine, or a closure's code
	case *ssa.Panic, *ssa.DebugRef, *ssa.Jump, *ssa.RunDefers, *ssa.MakeSlice, *ssa.MakeChan:
	case ssa.Value:
		hold(x) // a value made of it: a phi, a conversion, a load, a field
	default:
		doubt(instr.Pos())
	}
}

// call takes v through call, which it is handed to.
func (a *After) call(fn *ssa.Function, v ssa.Value, ci ssa.CallInstruction, in func(token.Pos) bool, r *afterReach, hold func(ssa.Value)) {
	call := ci.Common()
	pos := ci.Pos()
	result := func() {
		if res := ci.Value(); res != nil {
			hold(res)
		}
	}
	if b, ok := call.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "print", "println", "close", "delete", "clear", "panic":
		default:
			result() // len, min, max, append, a conversion's kin
		}
		return
	}
	callee := call.StaticCallee()
	if callee == nil {
		if call.IsInvoke() && printfLike(call.Signature()) {
			return // a logger's Printf through its interface
		}
		if in(pos) {
			r.wait = true // a function value or an interface's method
		}
		return
	}
	if callee.Pkg == fn.Pkg && len(callee.Blocks) > 0 {
		for i, arg := range call.Args {
			if arg != v {
				continue
			}
			s := a.summary(callee, i)
			if s.wait && in(pos) {
				r.wait = true
				return
			}
			if s.ret {
				result()
			}
		}
		return
	}
	obj, ok := calleeObj(callee)
	if !ok || obj.Pkg() == nil {
		if in(pos) {
			r.wait = true
		}
		return
	}
	key := typesx.FuncKey(obj)
	path := obj.Pkg().Path()
	scanner := path == "fmt" && strings.Contains(strings.ToLower(obj.Name()), "scan")
	switch {
	case knowledge.Waits[key]:
		if in(pos) {
			r.wait = true
		}
	case !scanner && (knowledge.Inert[path] || printfLike(obj.Signature())):
	case stdPath(path):
		// A parser or a computation: what it returns is made of it, and
		// so is what it fills through a pointer to a local variable.
		result()
		for _, arg := range call.Args {
			if arg != v {
				if root, ok := values.StoreRoot(arg).(*ssa.Alloc); ok && arg.Type() != nil {
					if _, isPtr := arg.Type().Underlying().(*types.Pointer); isPtr {
						hold(root)
					}
				}
			}
		}
	default:
		if in(pos) {
			r.wait = true // another module's: may wait with it
		}
	}
}

// headerIndex reports whether l reads the Retry-After header from a
// response's header map by its name (resp.Header["Retry-After"]).
func (a *After) headerIndex(l *ssa.Lookup) bool {
	if !typesx.Is(l.X.Type(), knowledge.HTTPHeader) {
		return false
	}
	k, ok := l.Index.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(k.Value), knowledge.RetryAfter)
}

// printfLike reports whether sig makes a line of text for people of a
// format and its arguments (func(string, ...any)), and returns nothing a
// wait could take: a logger's Printf.
func printfLike(sig *types.Signature) bool {
	p := sig.Params()
	if !sig.Variadic() || p.Len() < 2 {
		return false
	}
	if b, ok := p.At(p.Len() - 2).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	sl, ok := p.At(p.Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	if it, ok := sl.Elem().Underlying().(*types.Interface); !ok || !it.Empty() {
		return false
	}
	for res := range sig.Results().Variables() {
		if !typesx.IsError(res.Type()) && !typesx.IsInteger(res.Type()) {
			return false
		}
	}
	return true
}

// stdPath reports whether path is a package of the standard library.
func stdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// isNil reports whether v is the constant nil.
func isNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// condPos returns where a branch's condition is written.
func condPos(v ssa.Value) token.Pos {
	if instr, ok := v.(ssa.Instruction); ok {
		return instr.Pos()
	}
	return token.NoPos
}
