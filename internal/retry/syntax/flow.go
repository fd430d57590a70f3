package syntax

import (
	"go/ast"
	"go/token"
	"go/types"

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
	// Decided is set on a re-send that a status condition decided, with
	// no other condition in between (see Flow.decided).
	Decided bool
	// Opaque is set once something the check cannot read decided on the
	// response (a user's callback): what goes round there says nothing
	// of whether the loop repeats every status.
	Opaque bool
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
		if list[i].At == fr.At && list[i].Decided == fr.Decided {
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
	// ModePredicate: returning true (the first result) from a retry
	// decision.
	ModePredicate Mode = iota
	// ModeErrors: nothing re-sends; the flow collects the statuses for
	// which the function returns a non-nil error (ErrCodes).
	ModeErrors
)

// Flow follows status codes through a function's statements to where a
// decision says to go again, or the function returns an error (Mode).
type Flow struct {
	Ev   *Evaluator
	Mode Mode
	// Result is, in ModePredicate, the index of the result that decides.
	Result int
	// loops are the loops nested in the code followed around the
	// statement being followed, innermost last.
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
}

// innerLoop is a loop nested in the code being followed, or a labeled
// switch or select (not a loop): what its continues and breaks carry.
type innerLoop struct {
	label       string
	notLoop     bool
	conts, brks []Frag
}

// nestedLoop follows live through a loop in the decision or function
// followed. The loop does not change the status, so what
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
// innermost one, or out of the code being followed.
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
	case token.BREAK:
		if label == "" {
			if breaks != nil {
				*breaks = unionFrags(*breaks, live)
			}
			return // with no enclosing switch, select or loop: out of the code followed
		}
		for _, l := range f.loops {
			if l.label == label {
				l.brks = unionFrags(l.brks, live)
				return
			}
		}
	}
	// goto, and breaks out of the code followed, leave it: a
	// goto's path is not followed here, which can miss a retry and never
	// makes one up; the SSA flow (Resends) follows it.
}

// Retry records that the codes in live reach a re-send at at. Codes no
// status condition decided on (fr.at == nil) are kept too: a decision
// that retries whatever the status is repeats, it does not retry, and the
// report skips them.
func (f *Flow) Retry(live []Frag, at ast.Node) {
	for _, fr := range live {
		fr.Decided = f.decided(fr)
		f.Edges = appendFrag(f.Edges, fr)
	}
}

// Stmts follows live through list and returns what falls out of its end;
// breaks collects what an unlabeled break carries out of an enclosing
// switch or select.
func (f *Flow) Stmts(list []ast.Stmt, live []Frag, breaks *[]Frag) []Frag {
	for _, s := range list {
		if len(live) == 0 {
			return nil
		}
		live = f.stmt(s, live, breaks)
	}
	return live
}

func (f *Flow) stmt(s ast.Stmt, live []Frag, breaks *[]Frag) []Frag {
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
		if call, ok := s.X.(*ast.CallExpr); ok && isNoReturn(f.Ev.Pass.TypesInfo, call) {
			return nil
		}
	case *ast.AssignStmt:
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

func (f *Flow) returnStmt(s *ast.ReturnStmt, live []Frag) {
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
