package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A Frag is a set of status codes that reaches a point of the code, with
// the condition that last narrowed it: where a diagnostic about those codes
// belongs.
type Frag struct {
	Set codeset.Set
	At  ast.Node
	// varied is set once the path changed what the send depends on: the
	// next round sends another request.
	varied bool
	// Decided is set on a re-send that a status condition decided, with
	// no other condition in between (see Flow.decided).
	Decided bool
	// Opaque is set once something the check cannot read decided on the
	// response (a user's callback): what goes round there says nothing
	// of whether the loop repeats every status.
	Opaque bool
	// known and value hold, one bit per flag of the loop (flags.go),
	// whether the flag's value is known on this path, and what it is.
	known, value uint64
}

// narrow restricts live to the codes for which cond (negated if neg)
// holds. A condition on the status decides the fragments that pass it even
// when it lets every code through, as "err != nil" does when errors carry
// the status.
func (f *Flow) narrow(live []Frag, cond ast.Expr, neg bool) []Frag {
	out, _ := f.narrowOn(live, cond, neg)
	return out
}

// narrowOn is narrow, and reports whether cond tests a status. The
// fragments it decides are placed at what decides them: a boolean
// variable's definition (a delegated policy call), or cond itself.
func (f *Flow) narrowOn(live []Frag, cond ast.Expr, neg bool) ([]Frag, bool) {
	if out, ok := f.flagTest(live, cond, neg); ok {
		return out, false
	}
	if out, ok := f.splitOn(live, cond, neg); ok {
		return out, true
	}
	set, onStatus := f.Ev.Decide(cond, neg)
	var out []Frag
	if onStatus && neg {
		// A fragment that passes a negated test because none of its
		// codes is what the test names (503 past `res.StatusCode ==
		// 429 && pool != ""`) was decided where it was before, if
		// anywhere: the test is about other statuses.
		named, _ := f.Ev.Decide(cond, false)
		var kept, rest []Frag
		for _, fr := range live {
			if fr.At != nil && fr.Set.And(set) == fr.Set && fr.Set.And(named).Empty() {
				kept = append(kept, fr)
			} else {
				rest = append(rest, fr)
			}
		}
		out = unionFrags(restrictAt(rest, set, f.Ev.anchor(cond), true), kept)
	} else {
		out = restrictAt(live, set, f.Ev.anchor(cond), onStatus)
	}
	if !onStatus && f.opaque(cond) {
		// Something this check cannot read decides on the response
		// (client-go's done, from a closure over IsNextRetry): what goes
		// round after it was not decided by a status test.
		for i := range out {
			out[i].At, out[i].Opaque = nil, true
		}
	}
	return out, onStatus
}

// splitOn narrows live on !(a && b), or on a || b, where one of a and b
// tests the status and the other does not, as the nested conditions it
// stands for: !a, or a and !b. Read as one condition, the statuses one
// part excludes would take the path with every other status whenever the
// other part might not hold. Where b tests the status, !a is what no
// status decided (a typed error's ok: errors.AsType failed) and a and !b
// what one did: slack-go's socketmode loop returns on `ok &&
// codeErr.Code == 404` and goes round on every other error, 404 never.
// Where a tests it, !a is what the status decided and a and !b goes on
// only as b says.
func (f *Flow) splitOn(live []Frag, cond ast.Expr, neg bool) ([]Frag, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.LAND && b.Op != token.LOR) || (b.Op == token.LAND) != neg {
		return nil, false
	}
	_, onX := f.Ev.Decide(b.X, neg)
	_, onY := f.Ev.Decide(b.Y, neg)
	if onX == onY {
		return nil, false
	}
	notX := f.narrow(live, b.X, neg)
	xNotY := f.narrow(f.narrow(live, b.X, !neg), b.Y, neg)
	if onX {
		// a tests the status and b does not (oci-go-sdk's `err == nil &&
		// statusCode == 200` over a helper's results, or `err == nil &&
		// done`): !a was decided by the status; what passes a goes on only
		// as b, which no status decides, says, so it tells nothing of
		// whether the loop repeats every status.
		for i := range xNotY {
			xNotY[i].At, xNotY[i].Opaque = nil, true
		}
	}
	return unionFrags(notX, xNotY), true
}

// onlyGoesOn reports whether both branches of s end where s does: they
// return nowhere, branch nowhere, call nothing that does not return, and
// set none of the loop's flags.
func (f *Flow) onlyGoesOn(s *ast.IfStmt) bool {
	info := f.Ev.Pass.TypesInfo
	goesOn := true
	check := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			goesOn = false
		case *ast.CallExpr:
			goesOn = goesOn && !isNoReturn(f.Ev.Pass.TypesInfo, n)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						_, flag := f.Flags[v]
						goesOn = goesOn && !flag
					}
				}
			}
		}
		return goesOn
	}
	ast.Inspect(s.Body, check)
	if s.Else != nil {
		ast.Inspect(s.Else, check)
	}
	return goesOn
}

// opaque reports whether cond decides on the send's response or error
// through what the evaluator cannot read: a boolean defined from them, a
// call given them.
func (f *Flow) opaque(cond ast.Expr) bool {
	if len(f.SendVars) == 0 {
		return false
	}
	info := f.Ev.Pass.TypesInfo
	x := ast.Unparen(cond)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		x = ast.Unparen(u.X)
	}
	switch x := x.(type) {
	case *ast.BinaryExpr:
		// Part of a condition that decides so decides which statuses
		// pass, through what the evaluator cannot read: go-github's
		// `ok && ctx.Value(k) != nil`, ok from err.(*RateLimitError).
		return (x.Op == token.LAND || x.Op == token.LOR) && (f.opaque(x.X) || f.opaque(x.Y))
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || f.SendVars[v] {
			return false
		}
		for _, d := range f.Ev.Index.ValuesOf(v) {
			if d.Expr != nil && typesx.UsesAny(info, d.Expr, f.RespVars) {
				return true
			}
		}
	case *ast.CallExpr:
		// minio-go's isS3CodeRetryable(errResponse.Code), the code of
		// the error parsed from the body.
		return typesx.UsesAny(info, x, f.RespVars)
	}
	return false
}

// ResponseVars returns sendVars and the locals declared in body that are
// assigned from them, directly or through one another.
func ResponseVars(info *types.Info, body *ast.BlockStmt, sendVars map[*types.Var]bool) map[*types.Var]bool {
	vars := maps.Clone(sendVars)
	local := func(id ast.Expr) *types.Var {
		x, ok := ast.Unparen(id).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := info.ObjectOf(x).(*types.Var)
		if !ok || v.Pos() < body.Pos() || v.Pos() >= body.End() || vars[v] {
			return nil
		}
		return v
	}
	for grew := true; grew; {
		grew = false
		add := func(lhs []ast.Expr, rhs []ast.Expr) {
			for i, l := range lhs {
				r := rhs[0]
				if len(rhs) == len(lhs) {
					r = rhs[i]
				}
				if v := local(l); v != nil && typesx.UsesAny(info, r, vars) {
					vars[v], grew = true, true
				}
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				add(n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					lhs := make([]ast.Expr, len(n.Names))
					for i, name := range n.Names {
						lhs[i] = name
					}
					add(lhs, n.Values)
				}
			}
			return true
		})
	}
	return vars
}

// decided reports whether a status condition decided that the codes of fr
// take the path being followed: the innermost condition around it tests
// a status, or, outside any condition, an earlier one did.
func (f *Flow) decided(fr Frag) bool {
	if n := len(f.guards); n > 0 {
		return fr.At != nil && f.guards[n-1]
	}
	return fr.At != nil
}

// restrict narrows every fragment to the codes in s, noting at as the
// narrowing condition, and drops the fragments left empty.
func restrict(live []Frag, s codeset.Set, at ast.Node) []Frag {
	return restrictAt(live, s, at, false)
}

// restrictAt is restrict; with force, at becomes the fragments' condition
// even where it lets every code through (an error that carries the status).
func restrictAt(live []Frag, s codeset.Set, at ast.Node, force bool) []Frag {
	var out []Frag
	for _, fr := range live {
		n := fr.Set.And(s)
		if n.Empty() {
			continue
		}
		if n != fr.Set || force {
			fr.At = at
		}
		fr.Set = n
		out = appendFrag(out, fr)
	}
	return out
}

// appendFrag adds fr, merging it with a fragment from the same condition.
func appendFrag(list []Frag, fr Frag) []Frag {
	for i := range list {
		if list[i].At == fr.At && list[i].varied == fr.varied && list[i].Decided == fr.Decided && list[i].known == fr.known && list[i].value == fr.value {
			list[i].Set = list[i].Set.Or(fr.Set)
			return list
		}
	}
	return append(list, fr)
}

func unionFrags(a, b []Frag) []Frag {
	for _, fr := range b {
		a = appendFrag(a, fr)
	}
	return a
}

// Mode says what makes a request go out again.
type Mode uint8

const (
	// ModeLoop: reaching the end of a loop body or a continue.
	ModeLoop Mode = iota
	// ModePredicate: returning true (the first result) from a retry
	// decision.
	ModePredicate
	// ModeOperation: returning an error a retry library retries.
	ModeOperation
	// ModeErrors: nothing re-sends; the flow collects the statuses for
	// which the function returns a non-nil error (ErrCodes).
	ModeErrors
)

// Flow follows status codes through statements, from the response to the
// points where the request is sent again.
type Flow struct {
	Ev   *Evaluator
	Mode Mode
	// Result is, in ModePredicate, the index of the result that decides.
	Result int
	// Self is the function being checked for self-recursive retries; a
	// call of it that re-sends the same request is a retry.
	Self     *types.Func
	SameArgs func(*ast.CallExpr) bool
	// Retried reports whether an operation's returned error is retried.
	Retried func(ast.Expr) bool
	// Label is the retry loop's label, if it has one: "continue label"
	// from a nested loop re-sends.
	Label string
	// loops are the loops nested in the retry loop around the statement
	// being followed, innermost last.
	loops []*innerLoop
	// guards says, for each condition around the statement being followed,
	// innermost last, whether it tests a status.
	guards []bool
	// Edges are where the statuses reach a re-send (or, in
	// ModeErrors, a return of an error), each with its condition.
	Edges []Frag
	// ErrCodes are, in ModeErrors, the statuses for which the function
	// returns a non-nil error; ErrTypes, those for which it returns an
	// error of a concrete type it makes, by type.
	ErrCodes codeset.Set
	ErrTypes map[string]codeset.Set
	// ResultErr is the named error result a bare return returns.
	ResultErr *types.Var
	// Changes, if not nil, reports whether a statement changes what the
	// loop's send depends on: such a change varies the request on that
	// path.
	Changes func(ast.Stmt) bool
	// SendStmt is the loop body's statement that holds the send, and
	// Local the variables the loop body declares. Where the send is
	// nested (azcore's if timeout == 0 { clone = req.Clone(ctx); resp,
	// err = clone.Next() } else { ... }), the statements before it in its
	// block build this round's request: setting a local there is no change
	// made after the send (requestVaries has judged what it is built
	// from).
	SendStmt ast.Stmt
	Local    func(*types.Var) bool
	// Flags are the retry loop's flags, each with its bit (flags.go).
	Flags map[*types.Var]uint
	// SendVars are the variables the loop's send assigns: its response
	// and its error. RespVars adds the locals made from them (an error
	// parsed from the body, its code): what the response says.
	SendVars map[*types.Var]bool
	RespVars map[*types.Var]bool
}

// innerLoop is a loop nested in the code being followed, or a labeled
// switch or select (not a loop): what its continues and breaks carry.
type innerLoop struct {
	label       string
	notLoop     bool
	conts, brks []Frag
}

// nestedLoop follows live through a loop nested in the retry loop (or in
// a predicate or operation). The loop does not change the status, so what
// leaves it is what may skip it (it may run no round), what falls out of
// its body or continues, and what breaks out; a continue or break that
// names an outer loop is the outer loop's.
func (f *Flow) nestedLoop(label string, body *ast.BlockStmt, live []Frag) []Frag {
	l := &innerLoop{label: label}
	f.loops = append(f.loops, l)
	end := f.Stmts(body.List, live, &l.brks)
	f.loops = f.loops[:len(f.loops)-1]
	return unionFrags(unionFrags(unionFrags(live, end), l.conts), l.brks)
}

// branch follows a break or continue: to the loop it names or the
// innermost one, to the retry loop's next round, or out of the code
// being followed.
func (f *Flow) branch(s *ast.BranchStmt, live []Frag, breaks *[]Frag) {
	label := ""
	if s.Label != nil {
		label = s.Label.Name
	}
	switch s.Tok {
	case token.CONTINUE:
		for i := len(f.loops) - 1; i >= 0; i-- {
			if !f.loops[i].notLoop && (label == "" || f.loops[i].label == label) {
				f.loops[i].conts = unionFrags(f.loops[i].conts, live)
				return
			}
		}
		if f.Mode == ModeLoop && (label == "" || label == f.Label) {
			f.Retry(live, s)
		}
	case token.BREAK:
		if label == "" {
			if breaks != nil {
				*breaks = unionFrags(*breaks, live)
			}
			return // with no enclosing switch, select or loop: out of the retry loop
		}
		for _, l := range f.loops {
			if l.label == label {
				l.brks = unionFrags(l.brks, live)
				return
			}
		}
	}
	// goto, and breaks out of the retry loop, leave the code followed: a
	// goto's path is not followed here, which can miss a retry and never
	// makes one up; the SSA flow (Resends) follows it.
}

// Retry records that the codes in live reach a re-send at at. Codes no
// status condition decided on (fr.at == nil) are kept too: a loop that
// repeats whatever the status is repeats, it does not retry, and the
// report skips them.
func (f *Flow) Retry(live []Frag, at ast.Node) {
	for _, fr := range live {
		if !fr.varied {
			fr.Decided = f.decided(fr)
			f.Edges = appendFrag(f.Edges, fr)
		}
	}
}

// Stmts follows live through list and returns what falls out of its end;
// breaks collects what an unlabeled break carries out of an enclosing
// switch or select.
func (f *Flow) Stmts(list []ast.Stmt, live []Frag, breaks *[]Frag) []Frag {
	pre := f.preSend(list)
	for i, s := range list {
		if len(live) == 0 {
			return nil
		}
		if i < pre {
			live = f.stmtBefore(s, live, breaks)
			continue
		}
		live = f.stmt(s, live, breaks)
	}
	return live
}

// preSend returns how many statements of list come before a send in it,
// where list is a block inside the statement that holds the loop's send;
// 0 elsewhere.
func (f *Flow) preSend(list []ast.Stmt) int {
	if f.SendStmt == nil || len(list) == 0 || list[0] == f.SendStmt ||
		list[0].Pos() < f.SendStmt.Pos() || list[len(list)-1].End() > f.SendStmt.End() {
		return 0
	}
	i, _, _ := f.Ev.O.FindSend(list)
	return max(i, 0)
}

// stmtBefore follows a statement that builds the request the send after
// it in its block sends: setting a variable the loop body declares is no
// change; anything else is judged as after the send.
func (f *Flow) stmtBefore(s ast.Stmt, live []Frag, breaks *[]Frag) []Frag {
	if f.setsLocalsOnly(s) {
		changes := f.Changes
		f.Changes = nil
		defer func() { f.Changes = changes }()
	}
	return f.stmt(s, live, breaks)
}

// setsLocalsOnly reports whether s is an assignment to variables the loop
// body declares, and to nothing else.
func (f *Flow) setsLocalsOnly(s ast.Stmt) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || f.Local == nil {
		return false
	}
	for _, lhs := range as.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return false
		}
		if v, _ := f.Ev.Pass.TypesInfo.ObjectOf(id).(*types.Var); v == nil || !f.Local(v) {
			return false
		}
	}
	return true
}

func (f *Flow) stmt(s ast.Stmt, live []Frag, breaks *[]Frag) []Frag {
	if f.Changes != nil && f.Changes(s) {
		var out []Frag
		for _, fr := range live {
			fr.varied = true
			out = appendFrag(out, fr)
		}
		live = out
	}
	live = f.SetFlags(s, live)
	switch s := s.(type) {
	case *ast.BlockStmt:
		return f.Stmts(s.List, live, breaks)
	case *ast.LabeledStmt:
		switch loop := s.Stmt.(type) {
		case *ast.ForStmt:
			return f.forStmt(s.Label.Name, loop, live)
		case *ast.RangeStmt:
			return f.nestedLoop(s.Label.Name, loop.Body, live)
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			// "break label" leaves the switch or select, as a plain
			// break does.
			l := &innerLoop{label: s.Label.Name, notLoop: true}
			f.loops = append(f.loops, l)
			out := f.stmt(s.Stmt, live, breaks)
			f.loops = f.loops[:len(f.loops)-1]
			return unionFrags(out, l.brks)
		}
		return f.stmt(s.Stmt, live, breaks)
	case *ast.ForStmt:
		return f.forStmt("", s, live)
	case *ast.RangeStmt:
		return f.nestedLoop("", s.Body, live)
	case *ast.IfStmt:
		if s.Init != nil {
			live = f.stmt(s.Init, live, breaks)
		}
		in, onStatus := f.narrowOn(live, s.Cond, false)
		els := f.narrow(live, s.Cond, true)
		if !onStatus && f.opaque(s.Cond) && f.onlyGoesOn(s) {
			// What the check cannot read picks between branches that
			// both go on (a backoff taken from a rate-limit error): it
			// decides nothing.
			in, els = live, live
		}
		f.guards = append(f.guards, onStatus)
		defer func() { f.guards = f.guards[:len(f.guards)-1] }()
		then := f.Stmts(s.Body.List, in, breaks)
		if s.Else != nil {
			els = f.stmt(s.Else, els, breaks)
		}
		return unionFrags(then, els)
	case *ast.SwitchStmt:
		if s.Init != nil {
			live = f.stmt(s.Init, live, breaks)
		}
		return f.switchStmt(s, live)
	case *ast.TypeSwitchStmt:
		f.guards = append(f.guards, false)
		defer func() { f.guards = f.guards[:len(f.guards)-1] }()
		var out, brk []Frag
		hasDefault := false
		for _, cc := range s.Body.List {
			cc := cc.(*ast.CaseClause)
			hasDefault = hasDefault || cc.List == nil
			out = unionFrags(out, f.Stmts(cc.Body, live, &brk))
		}
		if !hasDefault {
			out = unionFrags(out, live) // no case matched
		}
		return unionFrags(out, brk)
	case *ast.SelectStmt:
		f.guards = append(f.guards, false)
		defer func() { f.guards = f.guards[:len(f.guards)-1] }()
		var out, brk []Frag
		for _, cc := range s.Body.List {
			out = unionFrags(out, f.Stmts(cc.(*ast.CommClause).Body, live, &brk))
		}
		return unionFrags(out, brk)
	case *ast.BranchStmt:
		f.branch(s, live, breaks)
		return nil // the path goes where the branch goes; fallthrough is the switch's
	case *ast.ReturnStmt:
		f.returnStmt(s, live)
		return nil
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if f.selfCall(call) {
				f.Retry(live, call)
			}
			if isNoReturn(f.Ev.Pass.TypesInfo, call) {
				return nil
			}
		}
	case *ast.AssignStmt:
		for _, r := range s.Rhs {
			if call, ok := r.(*ast.CallExpr); ok && f.selfCall(call) {
				f.Retry(live, call)
			}
		}
		f.assignErr(s, live)
		f.typeTest(s)
	}
	return live
}

// forStmt follows a nested for loop; its init runs once, before it.
func (f *Flow) forStmt(label string, s *ast.ForStmt, live []Frag) []Frag {
	if s.Init != nil {
		live = f.stmt(s.Init, live, nil)
	}
	return f.nestedLoop(label, s.Body, live)
}

func (f *Flow) selfCall(call *ast.CallExpr) bool {
	if f.Self == nil {
		return false
	}
	fn := typesx.Callee(f.Ev.Pass.TypesInfo, call)
	return fn == f.Self && f.SameArgs(call)
}

func (f *Flow) returnStmt(s *ast.ReturnStmt, live []Frag) {
	for _, r := range s.Results {
		if call, ok := r.(*ast.CallExpr); ok && f.selfCall(call) {
			f.Retry(live, call)
			return
		}
	}
	switch f.Mode {
	case ModePredicate:
		if len(s.Results) <= f.Result {
			return
		}
		f.Retry(f.narrow(live, s.Results[f.Result], false), s)
	case ModeErrors:
		if len(s.Results) == 0 && f.ResultErr != nil {
			if codes, ok := f.Ev.Errs[f.ResultErr]; ok {
				var returned codeset.Set
				for _, fr := range live {
					returned = returned.Or(fr.Set.And(codes))
				}
				f.ErrCodes = f.ErrCodes.Or(returned)
				if f.ErrTypes != nil {
					// A bare return hands on the types the named result
					// holds (dropbox's err = auth.ParseError(err); return).
					for _, te := range f.Ev.ErrTypes[f.ResultErr] {
						f.ErrTypes[te.Type] = f.ErrTypes[te.Type].Or(te.Codes.And(returned))
					}
				}
			}
		}
		if len(s.Results) > 0 {
			err := s.Results[len(s.Results)-1]
			codes := f.errorCodes(err, live)
			f.ErrCodes = f.ErrCodes.Or(codes)
			if f.ErrTypes != nil {
				for _, te := range f.returnedTypes(err) {
					f.ErrTypes[te.Type] = f.ErrTypes[te.Type].Or(te.Codes.And(codes))
				}
			}
		}
	case ModeOperation:
		if len(s.Results) == 0 {
			return
		}
		err := s.Results[len(s.Results)-1]
		if !f.Retried(err) {
			return
		}
		if id, ok := ast.Unparen(err).(*ast.Ident); ok {
			v, _ := f.Ev.Pass.TypesInfo.Uses[id].(*types.Var)
			if codes, ok := f.Ev.Errs[v]; ok {
				// Returning the send's error retries the statuses it
				// carries; where there is a response, a transport error
				// is nil.
				live = restrictAt(live, codes, s, !codes.Empty())
			}
		}
		f.Retry(live, s)
	}
}

// switchStmt follows live into each case of a switch: on a status, the
// cases' codes; without a tag, the cases' conditions in order. The default
// takes the codes no case took, wherever it stands; a fallthrough carries
// what ends a clause into the next one in the source, the default's too.
func (f *Flow) switchStmt(s *ast.SwitchStmt, live []Frag) []Frag {
	type clause struct {
		cc    *ast.CaseClause
		in    []Frag
		guard bool
	}
	// First the codes each clause takes, in the order Go tests them.
	clauses := make([]clause, len(s.Body.List))
	rest := live
	deflt := -1
	for i, stmt := range s.Body.List {
		cc := stmt.(*ast.CaseClause)
		clauses[i].cc = cc
		if cc.List == nil {
			deflt = i
			continue
		}
		var set codeset.Set
		for _, e := range cc.List {
			switch {
			case s.Tag == nil:
				set = set.Or(f.Ev.Admits(e, false))
			case f.Ev.isStatus(s.Tag):
				if k, ok := f.Ev.IntConst(e); ok {
					set = set.Or(codeset.Single(k))
				} else {
					set = codeset.All
				}
			default:
				set = codeset.All
			}
		}
		at := ast.Node(cc)
		if len(cc.List) == 1 {
			at = cc.List[0]
		}
		clauses[i].in, clauses[i].guard = restrict(rest, set, at), set != codeset.All
		if set != codeset.All {
			rest = restrict(rest, set.Not(), at)
		}
	}
	var out, brk, carry []Frag
	if deflt >= 0 {
		// The default decides by the status if the cases took codes away.
		clauses[deflt].in, clauses[deflt].guard = rest, rest != nil && CodesOf(rest) != CodesOf(live)
	} else {
		out = rest
	}
	// Then the bodies, in source order, for fallthrough.
	for _, cl := range clauses {
		body, falls := fallsThrough(cl.cc.Body)
		f.guards = append(f.guards, cl.guard)
		end := f.Stmts(body, unionFrags(cl.in, carry), &brk)
		f.guards = f.guards[:len(f.guards)-1]
		carry = nil
		if falls {
			carry = end // into the next clause's body, whatever its cases
		} else {
			out = unionFrags(out, end)
		}
	}
	return unionFrags(out, brk)
}

// fallsThrough returns a case body without its final fallthrough, and
// whether it had one.
func fallsThrough(body []ast.Stmt) ([]ast.Stmt, bool) {
	if n := len(body); n > 0 {
		if b, ok := body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
			return body[:n-1], true
		}
	}
	return body, false
}

// CodesOf returns every code the fragments carry.
func CodesOf(frags []Frag) codeset.Set {
	var s codeset.Set
	for _, fr := range frags {
		s = s.Or(fr.Set)
	}
	return s
}

// isNoReturn reports whether call never returns: panic, os.Exit, log.Fatal
// and friends, t.Fatal.
func isNoReturn(info *types.Info, call *ast.CallExpr) bool {
	if typesx.IsBuiltin(info, call, "panic") {
		return true
	}
	key, via, _, ok := typesx.Resolve(info, call)
	return ok && (knowledge.NoReturn[key] || knowledge.NoReturn[via])
}
