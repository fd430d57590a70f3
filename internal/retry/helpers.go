package retry

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Retry helpers: a function that calls a function it is given again while
// the error that function returns carries a status it retries (gcs's
// run(ctx, call, retry, idempotent), which loops call(ctx) while
// ShouldRetry(err)). The helper's loop is evaluated once, for an error of
// any status, into a facts.Repeat; each call of the helper with an attempt
// that sends is a retry loop around that attempt's send.

// repeats returns what fn repeats, if it is a retry helper: from its body
// in this package, from its fact in another.
func (c *retryChecker) repeats(fn *types.Func) (facts.Repeat, bool) {
	if fn.Pkg() == nil {
		return facts.Repeat{}, false
	}
	if fn.Pkg() != c.Pass.Pkg {
		if r, ok := knowledge.Repeats[typesx.FuncKey(fn)]; ok {
			// A retry library's: its operation's returns decide.
			return facts.Repeat{Param: r.Param, Set: codeset.All, Op: true, Stop: r.Stop, Only: r.Only, Waits: c.libraryWaits(fn.Pkg().Path())}, true
		}
		var f facts.Repeat
		ok := status.ImportFact(c.Pass, c.Index, fn, &f)
		return f, ok
	}
	if f, ok := c.repeatSums[fn]; ok {
		return f, !f.Set.Empty()
	}
	// Empty while it is evaluated: a helper that calls itself, or one that
	// calls it, repeats nothing through that call.
	c.repeatSums[fn] = facts.Repeat{}
	var f facts.Repeat
	if decl := c.Decls[fn]; decl != nil && decl.Body != nil {
		if f = c.evalRepeats(fn, decl); f.Set.Empty() {
			if f = c.evalWrappedRepeats(fn, decl); f.Set.Empty() {
				f = c.evalSendRepeats(fn, decl)
			}
		}
	}
	c.repeatSums[fn] = f
	return f, !f.Set.Empty()
}

// evalRepeats evaluates the loops of fn that call one of its parameters
// that returns an error, for the statuses of that error that go round.
func (c *retryChecker) evalRepeats(fn *types.Func, decl *ast.FuncDecl) facts.Repeat {
	params := fn.Signature().Params()
	attempt := map[*types.Var]int{}
	for i := range params.Len() {
		if sig, ok := params.At(i).Type().Underlying().(*types.Signature); ok && returnsError(sig) {
			attempt[params.At(i)] = i
		}
	}
	if len(attempt) == 0 {
		return facts.Repeat{}
	}
	var out facts.Repeat
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		default:
			return true
		}
		if !out.Set.Empty() {
			return false
		}
		if i, call, p := c.findAttempt(body.List, attempt); call != nil {
			out = c.loopRepeats(fn, body, i, call, p)
		}
		return false
	})
	return out
}

// evalSendRepeats evaluates the calls of retry helpers in fn, closures
// included, whose attempt sends with one of fn's parameters, a function
// that returns a response: fn then sends with that parameter again for
// the statuses the attempt turns into errors and the helper repeats on.
// gcs's readerReopen(..., doDownload, ...) returns a closure that runs
// run(ctx, func(ctx) error { res, err = doDownload(ctx); ...; return
// &googleapi.Error{Code: res.StatusCode} }, ...).
func (c *retryChecker) evalSendRepeats(fn *types.Func, decl *ast.FuncDecl) facts.Repeat {
	info := c.Pass.TypesInfo
	params := fn.Signature().Params()
	sendParams := map[*types.Var]int{}
	for i := range params.Len() {
		if sig, ok := params.At(i).Type().Underlying().(*types.Signature); ok && returnsResponse(sig) {
			sendParams[params.At(i)] = i
		}
	}
	if len(sendParams) == 0 {
		return facts.Repeat{}
	}
	paramOf := func(e ast.Expr) (int, bool) { return paramIn(info, e, sendParams) }
	var out facts.Repeat
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !out.Set.Empty() {
			return out.Set.Empty()
		}
		helper := typesx.StaticCallee(info, call)
		if helper == nil || helper.Origin() == fn {
			return true
		}
		f, ok := c.repeats(helper.Origin())
		if !ok || f.Param >= len(call.Args) {
			return true
		}
		if f.Sends {
			// Handed on to a helper that sends with it.
			if i, ok := paramOf(call.Args[f.Param]); ok {
				out = facts.Repeat{Param: i, Set: f.Set, Waits: f.Waits, Sends: true}
			}
			return true
		}
		body := c.attemptBody(call.Args[f.Param])
		if body == nil {
			return true
		}
		c.sendParams = sendParams
		if _, send, _ := c.findSend(body.List); send != nil {
			if i, ok := paramOf(send.Fun); ok {
				if errs, sends := c.sentErrors(body.List); sends && !f.Set.And(errs).Empty() {
					out = facts.Repeat{Param: i, Set: f.Set.And(errs), Waits: f.Waits || c.readsRetryAfter(body), Sends: true}
				}
			}
		}
		c.sendParams = nil
		return true
	})
	return out
}

// returnsResponse reports whether sig returns a response and, last, an
// error: func(ctx) (*http.Response, error) sends a request it was made
// with.
func returnsResponse(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() == 2 && typesx.Is(res.At(0).Type(), knowledge.HTTPResponse) && typesx.IsError(res.At(1).Type())
}

// attemptBody returns the body of the attempt handed to a retry helper:
// a function literal, a function of this package, or a local given one
// function literal (gcs's retryCall := func(ctx) error {...}; run(ctx,
// retryCall, ...)).
func (c *retryChecker) attemptBody(arg ast.Expr) *ast.BlockStmt {
	_, body := c.attemptFunc(arg)
	return body
}

// attemptFunc is attemptBody with the function's type.
func (c *retryChecker) attemptFunc(arg ast.Expr) (*ast.FuncType, *ast.BlockStmt) {
	switch a := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		return a.Type, a.Body
	case *ast.Ident:
		switch attempt := c.Pass.TypesInfo.Uses[a].(type) {
		case *types.Func:
			if d := c.Decls[attempt]; d != nil {
				return d.Type, d.Body
			}
		case *types.Var:
			if d, ok := onlyValue(c.Index, attempt); ok && d.Index == 0 {
				if lit, ok := ast.Unparen(d.Expr).(*ast.FuncLit); ok {
					return lit.Type, lit.Body
				}
			}
		}
	}
	return nil, nil
}

// findAttempt returns the first statement of list that calls one of the
// attempt parameters, outside function literals and nested loops, with the
// call and the parameter's index.
func (c *retryChecker) findAttempt(list []ast.Stmt, attempt map[*types.Var]int) (int, *ast.CallExpr, int) {
	for i, s := range list {
		param := -1
		found := firstCall(s, false, func(call *ast.CallExpr) bool {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
					if p, ok := attempt[v]; ok {
						param = p
						return true
					}
				}
			}
			return false
		})
		if found != nil {
			return i, found, param
		}
	}
	return -1, nil, -1
}

// helperLoop follows a helper's loop from its call of the attempt, whose
// error stands for one that carries any failing status (engine.Repeats,
// on the SSA form): the statuses for which a test of them lets it go
// round. preds bind the helper's predicate parameters, done (if not
// nil) the attempt's first result, a condition's verdict.
func (c *retryChecker) helperLoop(call *ast.CallExpr, preds map[*types.Var]codeset.Set, done *codeset.Set) codeset.Set {
	sc := c.helperCall(call)
	if sc == nil {
		return codeset.Set{}
	}
	edges, _ := engine.Repeats(sc, failures, helperKnown{c, preds, done})
	return engine.ReadSet(edges)
}

// successes and failures are the statuses an attempt succeeds and fails
// for, as a helper's loop is followed: a predicate bound to hold for
// the failures, or a condition's done for the successes, decides where
// it goes round (a binding to every status or none would be a constant,
// which decides nothing).
var (
	successes = codeset.Range(200, 299)
	failures  = codeset.All.And(successes.Not())
)

// helperCall returns the SSA form of call, a retry helper's call of its
// attempt: the package's functions that take an attempt are built
// once, when the first is asked about.
func (c *retryChecker) helperCall(call *ast.CallExpr) *ssa.Call {
	if c.helperCalls == nil {
		var roots []*ast.FuncDecl
		for fn, d := range c.Decls {
			if d.Body != nil && takesAttempt(fn) {
				roots = append(roots, d)
			}
		}
		slices.SortFunc(roots, func(a, b *ast.FuncDecl) int { return int(a.Pos() - b.Pos()) })
		c.helperCalls = c.buildCalls(roots)
	}
	return c.helperCalls[call.Lparen]
}

// helperKnown is what the check knows, with a helper's predicates bound
// to what they hold for (engine.Bindings), and the attempt's first
// result to done.
type helperKnown struct {
	engine.Known
	preds map[*types.Var]codeset.Set
	done  *codeset.Set
}

func (k helperKnown) BoundCall(v *types.Var) (codeset.Set, bool) {
	set, ok := k.preds[v]
	return set, ok
}

func (k helperKnown) BoundResult(i int) (codeset.Set, bool) {
	if i != 0 || k.done == nil {
		return codeset.Set{}, false
	}
	return *k.done, true
}

// helperRetry checks a call of a retry helper with an attempt that sends:
// a function literal, or a function of this package, whose error carries
// the statuses the helper goes round on.
func (c *retryChecker) helperRetry(cur inspector.Cursor, call *ast.CallExpr) {
	fn := typesx.StaticCallee(c.Pass.TypesInfo, call)
	if fn == nil {
		return
	}
	f, ok := c.repeats(fn.Origin())
	if !ok || f.Param >= len(call.Args) {
		return
	}
	if f.Op {
		c.runsAgain(call, fn.Origin(), f)
		return
	}
	body := c.attemptBody(call.Args[f.Param])
	if body == nil {
		return
	}
	_, send, _ := c.findSend(body.List)
	if send == nil || c.polls(typesx.EnclosingFunc(cur), send, c.sendSSA(send)) {
		return
	}
	set := f.Set
	// Each send of the attempt goes out again when the helper calls it
	// again: the attempt returns the response of whichever of its sends
	// ran (gcs's c.hc.Do(req), or the same under a stall timeout's
	// closure), or the error of whichever failed (go-containerregistry's
	// tryUpload: a HEAD, then a POST).
	var more []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if other, ok := n.(*ast.CallExpr); ok && other != send {
			if _, ok := c.sendKind(other); ok {
				more = append(more, other)
				return false
			}
		}
		return true
	})
	if !f.Sends && !f.Cond {
		c.fieldListed(f, call, body, send)
	}
	if !f.Sends {
		// The attempt's error carries the statuses, and the helper
		// repeats on some of them.
		errs, sends := c.sentErrorFact(body.List)
		if !sends || f.Cond {
			return
		}
		set = set.And(errs.Errs)
		if f.Pred > 0 {
			// As the predicate it is handed decides, for the error the
			// attempt returns.
			if f.Pred-1 >= len(call.Args) {
				return
			}
			handed, ok := c.handedPredicate(call.Args[f.Pred-1], errs.Errs, errs.Types)
			if !ok {
				return
			}
			set = set.And(handed)
		}
	}
	if set.Empty() {
		return
	}
	waits := f.Waits || c.readsRetryAfter(body)
	c.reportRetriesFor(c.sendOp(send), []frag{{Set: set, At: call.Fun}}, send, waitedIf(waits), fmt.Sprintf(" (through %s)", fn.Name()), more...)
}
