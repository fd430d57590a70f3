package retry

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Helpers that are handed their decision. A helper may repeat its attempt
// while a predicate it is given holds for the attempt's error
// (go-containerregistry's retry.Retry(f, p, backoff)), or call a
// condition until it says it is done (wait.ExponentialBackoff), and a
// helper may build on another (Retry hands ExponentialBackoff a closure
// over f and p; gcrane's backoffErrors hands Retry its own predicate).
// Each is evaluated with the predicate or the condition's verdict bound
// to every status and to none: what goes round in the first and not in
// the second is what the caller's predicate or condition decides.

// loopRepeats returns what fn's loop body repeats: the attempt call, in
// statement i, of parameter p.
func (c *retryChecker) loopRepeats(fn *types.Func, body *ast.BlockStmt, i int, call *ast.CallExpr, p int) facts.Repeat {
	waits := c.readsRetryAfter(body)
	if set := c.helperLoop(call, nil, nil); !set.Empty() {
		return facts.Repeat{Param: p, Set: set, Waits: waits}
	}
	params := fn.Signature().Params()
	for j := range params.Len() {
		q := params.At(j)
		if !isErrPredicate(q.Type()) {
			continue
		}
		all := c.helperLoop(call, map[*types.Var]codeset.Set{q: failures}, nil)
		none := c.helperLoop(call, map[*types.Var]codeset.Set{q: {}}, nil)
		if !all.Empty() && none.Empty() {
			return facts.Repeat{Param: p, Pred: j + 1, Set: all, Waits: waits}
		}
	}
	if done := c.doneVar(body.List[i], call); done != nil {
		notDone := c.helperLoop(call, nil, &successes)
		isDone := c.helperLoop(call, nil, &codeset.All)
		if !notDone.Empty() && isDone.Empty() {
			return facts.Repeat{Param: p, Cond: true, Set: codeset.All, Waits: waits}
		}
	}
	if sc := c.helperCall(call); sc != nil {
		// Whenever the attempt fails, and nothing else of the helper's
		// decides (elastic's RetryNotify(op, b, notify), as
		// backoff.Retry): what its callers' attempts return decides,
		// as a retry library's operation's returns do.
		edges, answered := engine.RepeatsOnFailure(sc, failures, helperKnown{Known: c})
		if answered && engine.ReadSet(edges) == failures {
			return facts.Repeat{Param: p, Set: codeset.All, Op: true, Waits: waits}
		}
	}
	return facts.Repeat{}
}

// isErrPredicate reports whether t is a predicate over an error:
// func(error) bool.
func isErrPredicate(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && typesx.IsError(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && typesx.IsBool(sig.Results().At(0).Type())
}

// doneVar returns the boolean variable stmt assigns the first result of
// call, a condition's: ok in ok, err := condition().
func (c *retryChecker) doneVar(stmt ast.Stmt, call *ast.CallExpr) *types.Var {
	var done *types.Var
	ast.Inspect(stmt, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) != 2 {
			return done == nil
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			if v, ok := c.Pass.TypesInfo.ObjectOf(id).(*types.Var); ok && typesx.IsBool(v.Type()) {
				done = v
			}
		}
		return false
	})
	return done
}

// evalWrappedRepeats evaluates fn as a helper built on another: it hands
// a helper that repeats one of its own attempt parameters, or a closure
// that calls one, and the predicate or condition that decides.
func (c *retryChecker) evalWrappedRepeats(fn *types.Func, decl *ast.FuncDecl) facts.Repeat {
	params := fn.Signature().Params()
	attempt := map[*types.Var]int{}
	preds := map[*types.Var]int{}
	for i := range params.Len() {
		q := params.At(i)
		if sig, ok := q.Type().Underlying().(*types.Signature); ok && returnsError(sig) && !returnsResponse(sig) {
			attempt[q] = i // one that returns a response is evalSendRepeats'
		}
		if isErrPredicate(q.Type()) {
			preds[q] = i
		}
	}
	if len(attempt) == 0 {
		return facts.Repeat{}
	}
	info := c.Pass.TypesInfo
	paramOf := func(e ast.Expr, of map[*types.Var]int) (int, bool) { return paramIn(info, e, of) }
	var out facts.Repeat
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || !out.Set.Empty() {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		helper := typesx.StaticCallee(info, call)
		if helper == nil || helper.Origin() == fn {
			return true
		}
		f, ok := c.repeats(helper.Origin())
		if !ok || f.Sends || f.Param >= len(call.Args) {
			return true
		}
		arg := call.Args[f.Param]
		if f.Cond {
			out = c.wrappedCondition(arg, attempt, preds)
			out.Waits = out.Waits || f.Waits
			return true
		}
		a, ok := paramOf(arg, attempt)
		if f.Op {
			// An operation run again: the helper's own attempt, handed
			// on as it is, is run again as the caller's operation
			// returns (a closure around it may change what it
			// returns, and an option that hands the decision to a
			// predicate decides instead).
			if r, lib := knowledge.Repeats[typesx.FuncKey(helper.Origin())]; ok && (!lib || r.Option == (knowledge.Key{}) || c.findOption(call, r.Option) == nil) {
				out = f
				out.Param = a
			}
			return true
		}
		if !ok {
			// A closure that calls the attempt.
			body := c.attemptBody(arg)
			if body == nil {
				return true
			}
			_, inner, p := c.findAttempt(body.List, attempt)
			if inner == nil {
				return true
			}
			a = p
		}
		switch {
		case f.Pred == 0:
			out = facts.Repeat{Param: a, Set: f.Set, Waits: f.Waits}
		case f.Pred-1 < len(call.Args):
			if q, ok := paramOf(call.Args[f.Pred-1], preds); ok {
				out = facts.Repeat{Param: a, Pred: q + 1, Set: f.Set, Waits: f.Waits}
			} else if set, ok := c.handedPredicate(call.Args[f.Pred-1], codeset.All, nil); ok {
				out = facts.Repeat{Param: a, Set: f.Set.And(set), Waits: f.Waits}
			}
		}
		return true
	})
	return out
}

// wrappedCondition evaluates the condition a helper is handed, a closure
// that calls one of attempt and returns whether it is done: it calls the
// attempt again while it is not done, which a predicate of preds may
// decide. The condition is read on its SSA form (engine.Undone), with the
// predicate bound to hold for every failure and for none: what is not
// done in the first and done in the second is what the caller's
// predicate decides.
func (c *retryChecker) wrappedCondition(arg ast.Expr, attempt, preds map[*types.Var]int) facts.Repeat {
	body := c.attemptBody(arg)
	if body == nil {
		return facts.Repeat{}
	}
	_, call, a := c.findAttempt(body.List, attempt)
	if call == nil {
		return facts.Repeat{}
	}
	sc := c.helperCall(call)
	if sc == nil {
		return facts.Repeat{}
	}
	undone := func(bound map[*types.Var]codeset.Set) codeset.Set {
		edges, _ := engine.Undone(sc, failures, helperKnown{c, bound, nil})
		return engine.ReadSet(edges)
	}
	for _, q := range sortedByIndex(preds) {
		j := preds[q]
		all := undone(map[*types.Var]codeset.Set{q: failures})
		none := undone(map[*types.Var]codeset.Set{q: {}})
		if !all.Empty() && none.Empty() {
			return facts.Repeat{Param: a, Pred: j + 1, Set: all, Waits: c.readsRetryAfter(body)}
		}
	}
	return facts.Repeat{}
}

// handedPredicate returns the statuses a predicate over an error that a
// helper is handed holds for, given an error that carries errs, of the
// types typed for some: a function literal or a local given one, or a
// function whose fact says.
func (c *retryChecker) handedPredicate(arg ast.Expr, errs codeset.Set, typed []facts.TypedErr) (codeset.Set, bool) {
	var set codeset.Set
	found := false
	for _, fn := range c.funcsHeld(arg, map[types.Object]bool{}) {
		if s, ok := c.handedFunc(fn, errs, typed); ok {
			set, found = set.Or(s), true
		}
	}
	return set, found
}

// funcsHeld returns the functions e may hold, as the package gives them:
// e itself when it is a function literal or names a function; else the
// values the package stores in the variable or field e names (a field
// set from an options struct whose default is a package variable,
// go-containerregistry's w.predicate), followed to functions. A value
// the package does not give (a parameter: the user's) adds none.
func (c *retryChecker) funcsHeld(e ast.Expr, seen map[types.Object]bool) []ast.Expr {
	e = ast.Unparen(e)
	if _, ok := e.(*ast.FuncLit); ok {
		return []ast.Expr{e}
	}
	var vals []ast.Expr
	switch obj := c.Pass.TypesInfo.Uses[typesx.NameIdent(e)].(type) {
	case *types.Func:
		return []ast.Expr{e}
	case *types.Var:
		if seen[obj] || obj.Pkg() != c.Pass.Pkg {
			return nil
		}
		seen[obj] = true
		if obj.IsField() {
			vals = c.fieldValues(obj)
		} else {
			vals = c.givenExprs(obj)
		}
	}
	var out []ast.Expr
	for _, v := range vals {
		out = append(out, c.funcsHeld(v, seen)...)
	}
	return out
}

// handedFunc is handedPredicate for one function: a literal, or a
// function named, by its body here or its fact.
func (c *retryChecker) handedFunc(arg ast.Expr, errs codeset.Set, typed []facts.TypedErr) (codeset.Set, bool) {
	if _, body := c.attemptFunc(arg); body != nil {
		r, ok := c.errDecisionOn(c.attemptSSA(arg), errs, typed)
		return r.fact.Set, ok
	}
	fn, ok := c.Pass.TypesInfo.Uses[typesx.NameIdent(arg)].(*types.Func)
	if !ok {
		return codeset.Set{}, false
	}
	p, ok := c.Predicate(fn)
	if !ok || !p.OfErr {
		return codeset.Set{}, false
	}
	set, ok := c.errPredSet(p, typed, nil)
	if !ok {
		return codeset.Set{}, false
	}
	return set.And(errs), true
}

// sortedByIndex returns the variables of m ordered by their index.
func sortedByIndex(m map[*types.Var]int) []*types.Var {
	vs := slices.Collect(maps.Keys(m))
	slices.SortFunc(vs, func(a, b *types.Var) int { return m[a] - m[b] })
	return vs
}

// paramIn returns the index that of gives the variable e names.
func paramIn(info *types.Info, e ast.Expr, of map[*types.Var]int) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	i, ok := of[v]
	return i, ok
}
