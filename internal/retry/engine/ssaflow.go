package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// Resent follows, on the SSA form, the statuses of the response a send
// gets, from the send along every path of its function, and returns those
// a status test sends round to the same send: the statuses its loop
// retries.
//
// It is the retry loop's flow, on values and control flow: a test of the status (a comparison with a constant, its
// class, through any local it is kept in) narrows the statuses on each
// way; a flag, a default overwritten in one case, a switch, && and ||
// are branches and φ-nodes that a path knows the value of
// (values.Paths), and need no case each. Any other branch on what the
// send returned goes either way, and a path past one that comes round to
// the same request with a failure among its statuses leaves the loop
// unanswered (Resends): what it decided is not known here. One that
// changes the request or leaves the loop after it does not matter; nor
// does one that only successes come round by (a body that came empty).
// What a function of the package returns depends on the arguments its
// body says (values.ParamsDecide): a wait given the send's error, which
// returns the context's, decides nothing on the status. Branches on
// anything else go either way. A path that re-sends success too, or that
// no status test decided, is a repetition, not a retry; a loop whose
// paths re-send every status, success among them, retries nothing.
//
// The request is the send's argument of type *http.Request: a path that
// changes it (sets a field of it other than its body's, calls a method
// that changes its headers, query or credentials, hands it to a function
// of the package or another's, or gives the send another request, or
// another value to build it from, in a variable the loop sets) ends
// there, as a changed request is no re-send. What the request is built
// from is what the send is given, what those are made from, and, of a
// value the function makes (an SDK's argument, files.NewDownloadArg(p)),
// what is set on it or handed with it to a call that may set it: set on
// a value the path has made anew this round, it builds this round's
// request, the same request when what it is set to is the same; a number
// or a string the loop carries round (an offset, an attempt) is another
// when the path comes round with another value. A decision function,
// by its fact (facts.Pred, from known), holds for the statuses its fact
// says when given the status or the response. An error is not nil for
// the statuses its making says: the send's for errs, a function's given
// the response for those its fact (facts.Err) says, errors.New's and any
// value put in an interface for all, nil for none; a φ-node's as the
// path took it.
//
// complete is false when the paths were too many to follow.
func Resent(send *ssa.Call, errs codeset.Set, known Known) (retried codeset.Set, complete bool) {
	edges, complete, _ := follow(send, errs, known)
	return ReadSet(edges), complete
}

// ReadSet returns the statuses of the ways round in edges that a test
// the flow reads picked (not Unread).
func ReadSet(edges []Edge) codeset.Set {
	var set codeset.Set
	for _, e := range edges {
		if !e.Unread {
			set = set.Or(e.Set)
		}
	}
	return set
}

// An Edge is one way round a retry loop: the statuses a path sends round
// to the same send, and the position of the test of the status that last
// narrowed them (a comparison's operator, a decision's call, a case's
// value).
type Edge struct {
	Set codeset.Set
	At  token.Pos
	// Unread marks a way round past a branch the flow cannot read,
	// for statuses a test it reads whole picked (round.picked): they go round
	// where that branch lets them, which the flow does not know. Such a
	// loop is unanswered.
	Unread bool
	// Waited are the statuses a decision the flow read waits for
	// Retry-After for before they go round (a retry library's policy).
	Waited codeset.Set
}

// Resends is Resent with the ways round, each with the test that admits
// its statuses, in the order of their tests. answered is false when the
// loop's retries are not known here: a path came round to the same
// request, a failure among its statuses, past a branch on what the send
// returned that the flow cannot read (a callback's answer, a field of
// the body), or the paths were too many.
func Resends(send *ssa.Call, errs codeset.Set, known Known) (edges []Edge, answered bool) {
	edges, complete, unread := follow(send, errs, known)
	return edges, complete && !unread
}

// Recurses is Resends for a function that sends and calls itself again:
// the ways from the send to a call of the function itself that passes on
// the parameters the request is made of, or that pick which request is
// made, as it was given them (a recursive retry), each with the test
// that admits its statuses. A call that passes another value for one of
// those is another request; a path that reaches the send again is a
// loop's, not followed here.
func Recurses(send *ssa.Call, errs codeset.Set, known Known) (edges []Edge, answered bool) {
	edges, complete, unread := followFrom(send, errs, known, modeSelf)
	return edges, complete && !unread
}

// Repeats is Resends for a retry helper's call of the attempt it is
// given (err := f(ctx)): the ways round to that call again, whatever it
// is given and whatever the path does, as the attempt makes its own
// request. Its error carries errs; a Known that has Bindings says what
// the helper's own predicate, or the attempt's other result, holds for.
func Repeats(call *ssa.Call, errs codeset.Set, known Known) (edges []Edge, answered bool) {
	edges, complete, unread := followFrom(call, errs, known, modeAttempt)
	return edges, complete && !unread
}

// RepeatsOnFailure is Repeats where whether the attempt failed decides:
// a helper that calls its attempt again whenever it fails, and its own
// predicate or condition decides nothing (a module's own Retry(op, b),
// as backoff.Retry does), goes round for the statuses of errs, placed at
// its test of the error. What the attempt returns then decides, as a
// retry library's operation's does (Operation).
func RepeatsOnFailure(call *ssa.Call, errs codeset.Set, known Known) (edges []Edge, answered bool) {
	edges, complete, unread := followFrom(call, errs, known, modeAttemptFails)
	return edges, complete && !unread
}

// Undone is Resends for a condition a retry helper is handed, a closure
// that calls the attempt (call) and returns whether it is done
// (wait.ExponentialBackoff's): the ways from the attempt's call to a
// return of not done, a constant false first result, after which the
// helper calls the condition again. As in Repeats, whether the attempt
// failed decides nothing, and a Known that has Bindings says what a
// predicate the condition asks holds for.
func Undone(call *ssa.Call, errs codeset.Set, known Known) (edges []Edge, answered bool) {
	edges, complete, unread := followFrom(call, errs, known, modeCondition)
	return edges, complete && !unread
}

// Operation is Resends for an operation a retry library runs again while
// it returns an error the library retries (backoff.Retry(op, b)): the
// ways from the send to a return of the operation whose error retried
// says the library retries, each with the test that admits its
// statuses. Returning the send's error retries the statuses it is not
// nil for; an error made on the path, any.
func Operation(send *ssa.Call, errs codeset.Set, known Known, retried func(ssa.Value) bool) (edges []Edge, answered bool) {
	edges, complete, unread := followWith(send, errs, known, modeOperation, retried)
	return edges, complete && !unread
}

// notDone reports whether ret returns a constant false first result: a
// condition's "not done".
func notDone(ret *ssa.Return, env values.Env) bool {
	if len(ret.Results) == 0 {
		return false
	}
	k, ok := env.Resolve(ret.Results[0]).(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Bool && !constant.BoolVal(k.Value)
}

// follow follows the paths from send: the ways round it finds, whether it
// followed every path, and whether one ended at a branch it cannot read.
func follow(send *ssa.Call, errs codeset.Set, known Known) (edges []Edge, complete, unread bool) {
	return followFrom(send, errs, known, modeLoop)
}

// What a way round is: the send again (a loop's), a call of the send's
// function itself (a recursion's), the attempt's call again, which
// makes its own request (a helper's; where whether it failed decides,
// modeAttemptFails), or a return of an error a retry library retries
// (an operation's).
const (
	modeLoop = iota
	modeSelf
	modeAttempt
	modeAttemptFails
	modeCondition
	modeOperation
	modeErrors // no way round: the send's function's returns (SentErrors)
)

// followFrom is follow, for a way round of mode.
func followFrom(send *ssa.Call, errs codeset.Set, known Known, mode int) (edges []Edge, complete, unread bool) {
	return followWith(send, errs, known, mode, nil)
}

// followWith is followFrom; retried says, in modeOperation, whether a
// returned error is one the library retries.
func followWith(send *ssa.Call, errs codeset.Set, known Known, mode int, retried func(ssa.Value) bool) (edges []Edge, complete, unread bool) {
	self, op := mode == modeSelf, mode == modeOperation
	b := send.Block()
	i := -1
	for k, instr := range b.Instrs {
		if instr == send {
			i = k
		}
	}
	if i < 0 {
		return nil, true, false
	}
	s := &sendFlow{send: send, errs: errs, known: known, mode: mode}
	for _, a := range send.Call.Args {
		if typesx.IsRequestPtr(a.Type()) {
			s.req = a
			break
		}
	}
	success := false
	s.sources()
	// Each path's tests (round.tests) that end where it leaves the loop
	// (returns, or goes round with another request) decide; an edge is
	// placed at the last of its tests that does (placed).
	var ways []pathEdge
	left := map[step]bool{}
	leaves := func(r round) {
		if r.again {
			return // left in the next round (its attempts spent), not by a test of this one
		}
		if r.parted && r.partedAt == r.tests[0] {
			return // left by a branch after its last test, not by a test
		}
		for _, t := range r.tests {
			if t.at.IsValid() {
				left[t] = true
			}
		}
	}
	complete = values.Paths(b, i+1, round{live: codeset.All}, s.decide, func(instr ssa.Instruction, env values.Env, r round) (round, bool) {
		if r.rejoin != nil && instr.Block() == r.rejoin {
			r.unread, r.rejoin = codeset.Set{}, nil
		}
		again := instr == send
		if mode == modeCondition {
			if instr == send {
				return r, false // the helper's way round is the condition's, not a loop in it
			}
			if ret, ok := instr.(*ssa.Return); ok {
				if !notDone(ret, env) {
					leaves(r)
					return r, false
				}
				again = true
			}
		}
		if op {
			if instr == send {
				return r, false // a loop's way round in the operation, not the library's
			}
			if ret, ok := instr.(*ssa.Return); ok && len(ret.Results) > 0 {
				v := env.Resolve(ret.Results[len(ret.Results)-1])
				if !retried(v) {
					leaves(r)
					return r, false
				}
				if set, ok := s.errFor(v, env); ok {
					r.live = r.live.And(set)
					if !r.decided && set != codeset.All && ret.Pos().IsValid() {
						// The send's error, which carries the statuses
						// it is not nil for: the return decides.
						r.decided, r.tests = true, [maxTests]step{{at: ret.Pos(), then: true}}
					}
				}
				if r.live.Empty() {
					return r, false
				}
				again = true
			}
		}
		if self {
			if instr == send {
				return r, false // a loop's way round, not the recursion's
			}
			call, ok := instr.(*ssa.Call)
			again = ok && call.Call.StaticCallee() == send.Parent()
			if again && !s.sameParams(call, env) {
				leaves(r)
				return r, false
			}
		}
		if again {
			if mode == modeLoop && !s.sameRequest(env) {
				leaves(r)
				return r, false
			}
			if open := r.live.And(r.unread); !open.Empty() {
				// Round again past a branch not read, for these
				// statuses: unanswered, unless only successes come
				// this way (a body that came empty), which are no
				// retry of a failure. The statuses the path read all
				// the way go on.
				fails := open.And(codeset.Range(200, 299).Not())
				if !fails.Empty() {
					s.unread = true
				}
				if r.picked && r.decided && !fails.Empty() && !r.live.Has(200) {
					// Statuses a read test picked, past a branch
					// not read that may only take some off: a way
					// round where that branch lets them (Edge.Unread).
					// Not where a success comes round with them (a
					// renewal repeated: consul's RenewPeriodic).
					ways = append(ways, pathEdge{fails, r.tests, true})
				}
				r.live = r.live.And(r.unread.Not())
				if r.live.Empty() {
					return r, false
				}
			}
			switch {
			case r.live.Has(200):
				success = true
			case r.decided:
				ways = append(ways, pathEdge{r.live, r.tests, false})
			}
			return r, false // the next round starts with a new response
		}
		switch instr.(type) {
		case *ssa.Return, *ssa.Panic:
			leaves(r)
			return r, false
		}
		if !self && !op && !s.inLoop(instr.Block()) {
			// Gone from the loop: it does not come round, whatever it
			// does with the request then.
			leaves(r)
			return r, false
		}
		if b := instr.Block(); b != send.Block() && b.Dominates(send.Block()) {
			r.again = true // back before the send: the next round
		}
		if v, ok := instr.(ssa.Value); ok && s.req != nil && v == s.req {
			r.rebuilt = true // the next round's request, made anew
		}
		if st, ok := instr.(*ssa.Store); ok && s.req != nil && st.Addr == s.req {
			r.rebuilt = true // made anew whole, in the variable the send is given the address of
		}
		if v, ok := instr.(ssa.Value); ok {
			if k, ok := s.fresh[v]; ok {
				r.fresh |= 1 << k // made anew this round: what is set on it builds it
			}
		}
		if r.rebuilt || mode == modeAttempt || mode == modeAttemptFails || mode == modeCondition || op {
			return r, true // the attempt, or the operation, makes its own request
		}
		if call, ok := instr.(*ssa.Call); ok && s.presendSame(call) && (r.again || call.Block() == b && slices.Index(b.Instrs, instr) < i) {
			return r, true // the same each round, before the send
		}
		if changed, known := s.changes(instr, r.fresh); changed {
			// A path that changes the request ends; one that hands it
			// to what the flow cannot see into ends unanswered.
			s.unread = s.unread || !known
			leaves(r)
			return r, false
		}
		return r, true
	})
	if success {
		return nil, complete, s.unread // a repetition
	}
	for _, e := range ways {
		edges = addEdge(edges, Edge{Set: e.live, At: placed(e.tests, left), Unread: e.unread, Waited: s.waited})
	}
	slices.SortFunc(edges, func(a, b Edge) int { return int(a.At) - int(b.At) })
	return edges, complete, s.unread
}

// sameRequest reports whether a path that has come round to the send
// with env sends the request it sent: not another one the loop's
// variable holds, nor one built from a number or a string the loop
// carries that the path changed. It leaves the loop unanswered where a
// branch picks the request from values that may differ by round.
func (s *sendFlow) sameRequest(env values.Env) bool {
	for _, a := range s.send.Call.Args {
		p, ok := a.(*ssa.Phi)
		if !ok || env.Resolve(a) == a {
			continue
		}
		if carried(p) {
			return false // another request, or what builds it, in the loop's variable
		}
		if !s.sameEachRound(p, env, map[ssa.Value]bool{}) {
			// One of the values a branch picks (a body made from the
			// parameters), and what picks it may differ from the last
			// round's: not known here.
			s.unread = true
			return false
		}
	}
	for _, p := range s.carried {
		if env.Resolve(p) != p {
			return false // what the request is built from, changed by the loop
		}
	}
	return true
}

// sameParams reports whether the recursive call passes on, as the
// function was given them, the parameters the request is made of (what
// the sources reach) and those the tests that lead to the send read.
func (s *sendFlow) sameParams(call *ssa.Call, env values.Env) bool {
	fn := s.send.Parent()
	for j, p := range fn.Params {
		if s.needed()[p] && (j >= len(call.Call.Args) || !copyOf(env.Resolve(call.Call.Args[j]), p)) {
			return false
		}
	}
	return true
}

// needed returns, once, the parameters a recursive call must pass on
// (sameParams).
func (s *sendFlow) needed() map[*ssa.Parameter]bool {
	if s.need != nil {
		return s.need
	}
	fn := s.send.Parent()
	need := map[*ssa.Parameter]bool{}
	for _, p := range fn.Params {
		if s.params[p] {
			need[p] = true
		}
	}
	for _, b := range fn.Blocks {
		if b == s.send.Block() || !b.Dominates(s.send.Block()) {
			continue
		}
		if jump, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			for _, p := range fn.Params {
				// A context picks whether to wait, not what is sent.
				if !need[p] && !typesx.Is(p.Type(), knowledge.Context) && values.DependsOn(jump.Cond, func(v ssa.Value) bool { return v == p }) {
					need[p] = true
				}
			}
		}
	}
	s.need = need
	return need
}

// copyOf reports whether v is p, or a copy of the request p made by its
// own methods (knowledge.RequestCopies: req.WithContext(ctx)) or by a
// function of the package that returns one of what it is given
// (go-github's withContext(ctx, req)).
func copyOf(v ssa.Value, p *ssa.Parameter) bool {
	return copyDepth(v, p, 8)
}

func copyDepth(v ssa.Value, p ssa.Value, depth int) bool {
	if v == p {
		return true
	}
	call, ok := v.(*ssa.Call)
	if !ok || depth == 0 || len(call.Call.Args) == 0 {
		return false
	}
	fn := call.Call.StaticCallee()
	if obj, ok := calleeObj(fn); ok && knowledge.RequestCopies[typesx.FuncKey(obj)] {
		return copyDepth(call.Call.Args[0], p, depth-1)
	}
	if fn == nil || len(fn.Blocks) == 0 || fn.Pkg != call.Parent().Pkg {
		return false
	}
	// Each return gives back a copy of the same parameter.
	given := -1
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) != 1 {
			return false
		}
		j := slices.IndexFunc(fn.Params, func(q *ssa.Parameter) bool { return copyDepth(ret.Results[0], q, depth-1) })
		if j < 0 || given >= 0 && j != given {
			return false
		}
		given = j
	}
	return given >= 0 && given < len(call.Call.Args) && copyDepth(call.Call.Args[given], p, depth-1)
}

// A step is a test of the status on a path, and the way the path took.
type step struct {
	at   token.Pos
	then bool
}

// maxTests is how many of its last tests a path keeps.
const maxTests = 4

// A pathEdge is a way round as one path found it: its statuses and the
// tests that narrowed them, the last first.
type pathEdge struct {
	live   codeset.Set
	tests  [maxTests]step
	unread bool
}

// placed returns the position of the last of tests some path left the
// loop by, either way: the test that separates what goes round from what
// does not. A test both of whose ways come round (cloudflare-go's 429
// under its test of 429 and 5xx, which only picks the error's message)
// decides no retry. With none, the first.
func placed(tests [maxTests]step, left map[step]bool) token.Pos {
	first := tests[0].at
	for _, t := range tests {
		if !t.at.IsValid() {
			break
		}
		first = t.at
		if left[step{t.at, true}] || left[step{t.at, false}] {
			return t.at
		}
	}
	return first
}

// addEdge adds e to edges, merged with the edge of the same test.
func addEdge(edges []Edge, e Edge) []Edge {
	for i := range edges {
		if edges[i].At == e.At && edges[i].Unread == e.Unread {
			edges[i].Set = edges[i].Set.Or(e.Set)
			return edges
		}
	}
	return append(edges, e)
}

// round is what one path knows of the response: the statuses it may be,
// and whether a test of the status narrowed them.
type round struct {
	live    codeset.Set
	decided bool
	// rebuilt is set once the path has made the next round's request
	// (http.NewRequest in the loop): what it then sets on it builds it.
	rebuilt bool
	// tests are the tests that narrowed live, the last first.
	tests [maxTests]step
	// again is set once the path has come back to what runs before the
	// send: it is in the next round.
	again bool
	// unread holds the statuses for which the path has gone past a
	// branch on what the send returned that the flow cannot read (all
	// it had, or those a partial answer leaves open); rejoin, if not
	// nil, is where its ways meet again having set nothing (clearing
	// unread).
	unread codeset.Set
	rejoin *ssa.BasicBlock
	// picked is set once a test the flow reads whole has kept some
	// error status (4xx, 5xx) off this way: its statuses are told apart
	// by what the code reads, and a branch not read on the way may only
	// take some of them off (Edge.Unread).
	picked bool
	// fresh has a bit set for each value the request is built from
	// (sendFlow.fresh) that the path has made anew: what is set on one
	// then, or handed with it to a call, builds this round's request.
	fresh uint64
	// parted is set where the path went past a branch the flow does not
	// read whose ways do not meet again, partedAt its last test then.
	parted   bool
	partedAt step
	// aside is set where the path went into the body of a branch on
	// something else (a field of the body, a header) that returns at
	// once, its statuses not admitted by the last test of the status
	// (they failed it): what a decision read alone returns there, no
	// status decided. admitted is set where the last test of the status
	// held for the path's statuses.
	aside    bool
	admitted bool
	// other is set, in SentErrors, where the path went past a branch on
	// something else after its last test of the status.
	other bool
}

// pushed returns r's tests with t the last.
func (r round) pushed(t step) [maxTests]step {
	var out [maxTests]step
	out[0] = t
	copy(out[1:], r.tests[:maxTests-1])
	return out
}

// sendFlow is what Resent knows of one send.
type sendFlow struct {
	send *ssa.Call
	// given, where send is nil, are what a decision read alone is
	// given for what a send returned (Decision).
	given *given
	req   ssa.Value
	errs  codeset.Set
	known Known
	// roots are the pointers the request is built from (sources), and
	// reads the fields of each read to build it (nil: all of them);
	// whole lists those read whole.
	roots map[ssa.Value]bool
	reads map[ssa.Value]map[int]bool
	whole []ssa.Value
	// fresh indexes the roots the send's function makes (round.fresh);
	// carried are the loop's variables the request is built from.
	fresh   map[ssa.Value]int
	carried []*ssa.Phi
	// loop holds the blocks of the loop the send is in (inLoop).
	loop map[*ssa.BasicBlock]bool
	// params are the function's parameters the request is made of;
	// need, once asked, those a recursive call must pass on (needed).
	params map[*ssa.Parameter]bool
	need   map[*ssa.Parameter]bool
	// pdom are the post-dominators of the send's function's blocks,
	// once asked (rejoin).
	pdom [][]bool
	// unread is set once a path ended at a branch on what the send
	// returned that the flow cannot read.
	unread bool
	// outer, for the flow through a function a decision calls
	// (calleeHolds), is the flow that called it, where, with which of
	// the callee's parameters are given what there (binds); depth
	// counts such calls.
	outer    *sendFlow
	outerEnv values.Env
	binds    map[*ssa.Parameter]ssa.Value
	depth    int
	// waited are the statuses the decisions read wait for Retry-After
	// for (wait).
	waited codeset.Set
	// mode is what a way round is (modeLoop, modeSelf, modeAttempt,
	// modeOperation).
	mode int
	// presend memoizes presendSame by call; waits, waitAnswer by the
	// wait.
	presend map[*ssa.Call]bool
	waits   map[*ssa.Function]bool
}

// Known is what Resent asks of the check of other functions: a decision's
// fact, for which statuses a function's error is not nil (and of which
// type), whether a field of an error type holds its status, and the
// statuses a list (a variable or a field) may hold.
type Known interface {
	Predicate(*types.Func) (facts.Pred, bool)
	ErrOf(*types.Func) (facts.Err, bool)
	StatusField(field *types.Var, recv types.Type) bool
	StatusResult(fn *types.Func) int
	ListOf(v *types.Var) (codeset.Set, bool)
	// MayReturn reports whether fn, a function of the package, may
	// return the error variable g holds.
	MayReturn(fn *types.Func, g *types.Var) bool
	// Waits reports whether fn waits as the response's Retry-After
	// says (it reads the header, or hands the wait to what does).
	Waits(fn *types.Func) bool
	// TypedMethodCodes returns the statuses for which the method name
	// (a question: Temporary) of an error of the types typed is true.
	TypedMethodCodes(typed []facts.TypedErr, name string) (codeset.Set, bool)
	// NeverNil reports whether fn's error is not nil on every path (an
	// error constructor, a function of the package each of whose
	// returns makes one).
	NeverNil(fn *types.Func) bool
}

// MadeTypes, where a Known has it, returns the concrete error types fn,
// a function of the package that no fact describes, makes and returns,
// each for every status (go-containerregistry's retryError(resp), an
// *Error): what a helper's attempt returns, read for a caller that lists
// the statuses it fails on.
type MadeTypes interface {
	MadeTypes(fn *types.Func) []facts.TypedErr
}
