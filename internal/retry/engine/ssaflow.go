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
// It is the flow of the AST engine (Flow in ModeLoop) as values and
// control flow: a test of the status (a comparison with a constant, its
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
	for _, e := range edges {
		if !e.Unread {
			retried = retried.Or(e.Set)
		}
	}
	return retried, complete
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
	edges, complete, unread := followFrom(send, errs, known, true)
	return edges, complete && !unread
}

// follow follows the paths from send: the ways round it finds, whether it
// followed every path, and whether one ended at a branch it cannot read.
func follow(send *ssa.Call, errs codeset.Set, known Known) (edges []Edge, complete, unread bool) {
	return followFrom(send, errs, known, false)
}

// followFrom is follow; self says the way round is a call of the send's
// function itself (Recurses), not the send again.
func followFrom(send *ssa.Call, errs codeset.Set, known Known, self bool) (edges []Edge, complete, unread bool) {
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
	s := &sendFlow{send: send, errs: errs, known: known}
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
			if !self && !s.sameRequest(env) {
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
				if r.picked && r.decided && !fails.Empty() {
					// Statuses a read test picked, past a branch
					// not read that may only take some off: a way
					// round where that branch lets them (Edge.Unread).
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
		if !self && !s.inLoop(instr.Block()) {
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
		if r.rebuilt {
			return r, true
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
		edges = addEdge(edges, Edge{Set: e.live, At: placed(e.tests, left), Unread: e.unread})
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
}

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
			addr, field = x.X, x.Field
		case *ssa.Field:
			addr, field = x.X, x.Field
		case *ssa.IndexAddr:
			addr = x.X
		case *ssa.Index:
			addr = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return addr, field
			}
			addr = x.X
		default:
			return addr, field
		}
	}
	return addr, -1
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

// inLoop reports whether b is in the loop that holds the send: a block
// the send's block reaches that reaches it back.
func (s *sendFlow) inLoop(b *ssa.BasicBlock) bool {
	if s.loop == nil {
		s.loop = map[*ssa.BasicBlock]bool{}
		from := reachable(s.send.Block(), func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs })
		to := reachable(s.send.Block(), func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Preds })
		for b := range from {
			if to[b] {
				s.loop[b] = true
			}
		}
	}
	return s.loop[b]
}

// reachable returns the blocks next leads to from b, b among them.
func reachable(b *ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := map[*ssa.BasicBlock]bool{b: true}
	queue := []*ssa.BasicBlock{b}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		for _, n := range next(b) {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return seen
}

// picking returns the conditions of the branches that pick which value
// the φ-node p takes: those of the blocks between its block's immediate
// dominator and its block.
func picking(p *ssa.Phi) []ssa.Value {
	b := p.Block()
	d := b.Idom()
	if d == nil {
		return nil
	}
	before := reachable(b, func(x *ssa.BasicBlock) []*ssa.BasicBlock {
		if x == d {
			return nil
		}
		return x.Preds
	})
	var conds []ssa.Value
	for x := range before {
		if x == b || !d.Dominates(x) {
			continue
		}
		if jump, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If); ok {
			conds = append(conds, jump.Cond)
		}
	}
	return conds
}

// blockOf returns the block whose branch tests cond: the block of the
// If that uses it. The test is cond's block's own jump where it ends it.
func blockOf(cond ssa.Value) *ssa.BasicBlock {
	if refs := cond.Referrers(); refs != nil {
		for _, r := range *refs {
			if jump, ok := r.(*ssa.If); ok {
				return jump.Block()
			}
		}
	}
	return nil
}

// rejoin returns the block where the ways of the branch that ends b
// meet again (its immediate post-dominator) when neither sets anything
// on the way: the block has no φ-node and no block between stores or
// updates a map. nil otherwise.
func (s *sendFlow) rejoin(fn *ssa.Function, b *ssa.BasicBlock) *ssa.BasicBlock {
	if b == nil || len(b.Succs) != 2 {
		return nil
	}
	if s.pdom == nil {
		s.pdom = postDominators(fn)
	}
	var join *ssa.BasicBlock
	for _, c := range fn.Blocks {
		if c == b || !s.pdom[b.Index][c.Index] {
			continue
		}
		// The nearest strict post-dominator: every other one
		// post-dominates it.
		if join == nil || s.pdom[c.Index][join.Index] {
			join = c
		}
	}
	if join == nil {
		return nil
	}
	for _, instr := range join.Instrs {
		if _, ok := instr.(*ssa.Phi); ok {
			return nil
		}
	}
	between := reachable(b, func(x *ssa.BasicBlock) []*ssa.BasicBlock {
		if x == join {
			return nil
		}
		return x.Succs
	})
	for x := range between {
		if x == join {
			continue
		}
		for _, instr := range x.Instrs {
			switch instr.(type) {
			case *ssa.Store, *ssa.MapUpdate:
				return nil
			}
		}
	}
	return join
}

// meetInLoop reports whether the ways of the branch that ends b meet
// again in the loop that holds the send: neither leaves it.
func (s *sendFlow) meetInLoop(b *ssa.BasicBlock) bool {
	if len(b.Succs) != 2 {
		return false
	}
	fn := b.Parent()
	if s.pdom == nil {
		s.pdom = postDominators(fn)
	}
	for _, c := range fn.Blocks {
		if c != b && s.pdom[b.Index][c.Index] && s.inLoop(c) {
			return true
		}
	}
	return false
}

// postDominators returns, for each block of fn by index, the blocks that
// post-dominate it (every path from it to the function's end passes
// them), itself among them.
func postDominators(fn *ssa.Function) [][]bool {
	n := len(fn.Blocks)
	pdom := make([][]bool, n)
	for i, b := range fn.Blocks {
		pdom[i] = make([]bool, n)
		if len(b.Succs) == 0 {
			pdom[i][i] = true
			continue
		}
		for j := range pdom[i] {
			pdom[i][j] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			b := fn.Blocks[i]
			if len(b.Succs) == 0 {
				continue
			}
			for j := range n {
				in := j == i
				if !in {
					in = true
					for _, succ := range b.Succs {
						in = in && pdom[succ.Index][j]
					}
				}
				if pdom[i][j] != in {
					pdom[i][j], changed = in, true
				}
			}
		}
	}
	return pdom
}

// carried reports whether p is a variable a loop carries round: a
// φ-node of a block that one of its predecessors comes back to.
func carried(p *ssa.Phi) bool {
	for _, pred := range p.Block().Preds {
		if p.Block().Dominates(pred) {
			return true
		}
	}
	return false
}

// pushed returns r's tests with t the last.
func (r round) pushed(t step) [maxTests]step {
	var out [maxTests]step
	out[0] = t
	copy(out[1:], r.tests[:maxTests-1])
	return out
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
		if fa, ok := x.Addr.(*ssa.FieldAddr); ok && s.req != nil && fa.X == s.req {
			if n := typesx.NamedOf(fa.X.Type()); n != nil {
				if st, ok := n.Underlying().(*types.Struct); ok {
					name := st.Field(fa.Field).Name()
					if knowledge.BodyRewinds[knowledge.Key{Path: n.Obj().Pkg().Path(), Recv: n.Obj().Name(), Name: name}] {
						return false, true
					}
				}
			}
		}
		if serverField(x.Addr) {
			return false, true // the next node's host, not another request
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
			if fn == nil || fn.Pkg != s.send.Parent().Pkg {
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
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return nil
			}
			addr = a.X
		case *ssa.Field:
			addr = a.X
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
	if fn.Pkg != call.Parent().Pkg || fn.Blocks == nil || i >= len(fn.Params) || w.seen[fn] {
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
				if rootedIn(x.Addr, p) && !serverField(x.Addr) {
					wrote(x.Addr)
				}
			case *ssa.MapUpdate:
				if rootedIn(x.Map, p) {
					wrote(x.Map)
				}
			case *ssa.Call:
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

// serverField reports whether addr is a field that names the server a
// request goes to, not what the API is asked (knowledge.ServerFields).
func serverField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	n := typesx.NamedOf(fa.X.Type())
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	return ok && knowledge.ServerFields[knowledge.Key{Path: n.Obj().Pkg().Path(), Recv: n.Obj().Name(), Name: st.Field(fa.Field).Name()}]
}

// sendFlow is what Resent knows of one send.
type sendFlow struct {
	send  *ssa.Call
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
}

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
	if fn == nil || len(fn.Blocks) == 0 || len(fn.FreeVars) > 0 || s.depth >= calleeDepth || fn == s.send.Parent() || call.Call.Signature().Results().Len() <= i || len(call.Call.Args) != len(fn.Params) {
		return codeset.Set{}, codeset.Set{}
	}
	child := &sendFlow{send: s.send, errs: s.errs, known: s.known, outer: s, outerEnv: env, binds: map[*ssa.Parameter]ssa.Value{}, depth: s.depth + 1}
	for j, p := range fn.Params {
		child.binds[p] = call.Call.Args[j]
	}
	var yes, no, open codeset.Set
	complete := values.Paths(fn.Blocks[0], 0, round{live: codeset.All}, child.decide, func(instr ssa.Instruction, env values.Env, r round) (round, bool) {
		ret, ok := instr.(*ssa.Return)
		if !ok {
			_, panics := instr.(*ssa.Panic)
			return r, !panics
		}
		open = open.Or(r.live.And(r.unread))
		live := r.live.And(r.unread.Not())
		set, known := child.holds(ret.Results[i], env) // a tuple is returned by its parts
		yes = yes.Or(live.And(known).And(set))
		no = no.Or(live.And(known).And(set.Not()))
		open = open.Or(live.And(known.Not()))
		return r, false
	})
	if !complete {
		return codeset.Set{}, codeset.Set{}
	}
	open = open.Or(yes.And(no))
	known = yes.Or(no).And(open.Not())
	return yes.And(known), known
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
}

// result reports whether v is the send's i-th result, as the path knows
// it.
func (s *sendFlow) result(v ssa.Value, env values.Env, i int) bool {
	if a, o, oenv, ok := s.bound(v, env); ok {
		return o.result(a, oenv, i)
	}
	v = env.Resolve(v)
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
			return s.result(recv, env, 0) || s.filled(recv)
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
	if list, eq, ok := s.member(cond, env); ok {
		// The status against one element of a list: where it is that
		// element, it is in the list; where not, it may be another.
		in, other := r, r
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
	set, known := s.holds(cond, env)
	if known.Empty() {
		if values.DependsOnAt(cond, env, func(v ssa.Value) bool { return s.filled(v) && !s.madeAgain(v, r.fresh) }) {
			// Either way, and unanswered if the path then goes round
			// to the same request: where it changes the request, or
			// leaves the loop, what the branch decided does not matter.
			// What a test picked before it, it may take off, unless
			// its ways meet again in the loop (a wait's length, read
			// from the response): only a test read after it picks the
			// statuses of a way round (Edge.Unread).
			r = s.unreadAt(cond, r, r.live)
			if b := blockOf(cond); b == nil || !s.meetInLoop(b) {
				r.picked = false
			}
		}
		return r, r, values.Both
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
	if known == codeset.All {
		// Read whole (a partial test picks only the statuses it knows,
		// and leaves the others as they were).
		fails := r.live.And(codeset.Relation(token.GEQ, 400)) // the errors, client's and server's
		then.picked = r.picked || !fails.And(then.live.Not()).Empty()
		els.picked = r.picked || !fails.And(els.live.Not()).Empty()
	}
	if known == codeset.All && (set == codeset.All || set.Empty()) {
		// A flag or a constant: no status decides here.
		then.decided, els.decided = r.decided, r.decided
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
	switch {
	case then.live.Empty() && els.live.Empty():
		return then, els, values.Neither
	case then.live.Empty():
		return then, els, values.Else
	case els.live.Empty():
		return then, els, values.Then
	}
	return then, els, values.Both
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
	if _, isPtr := v.Type().Underlying().(*types.Pointer); !isPtr || v == s.req {
		return false
	}
	args := s.send.Call.Args
	if s.send.Call.Signature().Recv() != nil && !s.send.Call.IsInvoke() && len(args) > 0 {
		args = args[1:] // the receiver: a client, not what it fills
	}
	return slices.Contains(args, v)
}

// madeAgain reports whether v is a value the path has made anew since
// the send (round.fresh): not the one the send was given, or filled.
func (s *sendFlow) madeAgain(v ssa.Value, fresh uint64) bool {
	k, ok := s.fresh[v]
	return ok && fresh&(1<<k) != 0
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
		a, b, op := strip(env.Resolve(x.X), env), strip(env.Resolve(x.Y), env), x.Op
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
			a, b, op = b, a, flip(op)
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
	if set, ok := s.decision(call, i, env); ok {
		return set, codeset.All
	}
	return s.calleeHolds(call, i, env)
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
			return set, true
		}
		v := listVar(env.Resolve(call.Call.Args[l]))
		if v == nil {
			return codeset.Set{}, false
		}
		set, ok := s.known.ListOf(v)
		return set, ok && !set.Empty()
	}
	if p.OfErr {
		// A decision over an error: true for the statuses it retries
		// of those the error carries (an error's own methods aside).
		errs, ok := s.errFor(call.Call.Args[arg], env)
		if !ok || p.Method != "" {
			return codeset.Set{}, false
		}
		return p.Set.And(errs), true
	}
	if a := env.Resolve(call.Call.Args[arg]); s.isStatus(a, env) || s.result(a, env, 0) {
		return p.Set, true
	}
	return codeset.Set{}, false
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
	if n := s.send.Call.Signature().Results().Len(); n > 1 && s.result(v, env, n-1) || v == s.send && n == 1 {
		return s.errs, true // the send's error: its last result (openStream's only one)
	}
	switch x := v.(type) {
	case *ssa.Const:
		return codeset.Set{}, x.IsNil()
	case *ssa.MakeInterface:
		return codeset.All, true
	}
	if call := errCall(v); call != nil {
		if fn := call.Call.StaticCallee(); fn != nil && fn.Pkg != nil && (fn.Pkg.Pkg.Path() == "errors" && fn.Name() == "New" || fn.Pkg.Pkg.Path() == "fmt" && fn.Name() == "Errorf") {
			return codeset.All, true
		}
	}
	if f, ok := s.errFact(v, env); ok && !f.Sends {
		return f.Errs, true
	}
	return codeset.Set{}, false
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
	f, ok := s.errFact(v, env)
	if !ok {
		return codeset.Set{}, codeset.Set{}
	}
	if codes, ok := f.TypeCodes(facts.TypeKey(t)); ok {
		return codes, codeset.All
	}
	if types.IsInterface(t) {
		return codeset.Set{}, codeset.Set{}
	}
	for _, te := range f.Types {
		u := typesx.TypeOfKey(s.send.Parent().Pkg.Pkg, te.Type)
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
	f, ok := s.errFact(v, env)
	if !ok {
		return codeset.Set{}
	}
	for _, te := range f.Types {
		u, ok := typesx.TypeOfKey(s.send.Parent().Pkg.Pkg, te.Type).(*types.Pointer)
		if !ok {
			continue
		}
		if _, isStruct := u.Elem().Underlying().(*types.Struct); isStruct {
			known = known.Or(te.Codes)
		}
	}
	return known
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
				if _, ok := s.errFact(call.Call.Args[0], env); ok {
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
func isErrorsAs(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || len(call.Call.Args) != 2 {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && typesx.FuncKey(obj) == knowledge.ErrorsAs
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
	return list, b.Op == token.EQL, ok && !list.Empty()
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
	return set, ok && !set.Empty()
}
