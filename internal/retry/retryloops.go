package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// sendKind reports whether call sends an HTTP request, with the statuses
// for which its error result is non-nil (none for net/http: an error
// there means no response).
func (c *retryChecker) sendKind(call *ast.CallExpr) (codeset.Set, bool) {
	return c.sendKindBy(call, c.sender)
}

// sendKindBy is sendKind with the functions the call may name, neither
// a library's nor a transport, judged by sender.
func (c *retryChecker) sendKindBy(call *ast.CallExpr, sender func(*types.Func) (codeset.Set, bool)) (codeset.Set, bool) {
	key, via, fn, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	if !ok {
		// A function value, a field or a method value of send type: a
		// client's do func, a middleware chain built over hc.Do.
		return c.sendTyped(call)
	}
	if kind, ok := knowledge.Lookup(knowledge.Sends, key, via); ok {
		return errCodes(kind)
	}
	switch {
	case key.Name == "RoundTrip" && len(call.Args) == 1 && typesx.IsRequestPtr(c.Pass.TypesInfo.TypeOf(call.Args[0])):
		return errCodes(knowledge.ErrTransport)
	case fn != nil && isInterfaceMethod(fn) && isDoSignature(fn.Signature()):
		// An SDK's replaceable client: type httpClient interface {
		// Do(*http.Request) (*http.Response, error) }.
		return errCodes(knowledge.ErrTransport)
	}
	for _, r := range knowledge.SDKSends {
		if strings.HasPrefix(key.Path, r.Prefix) && key.Recv != "" && strings.HasSuffix(key.Recv, r.RecvSuffix) &&
			(r.Name == "" || key.Name == r.Name) && (r.Except == "" || !strings.HasSuffix(key.Name, r.Except)) &&
			(fn == nil || returnsError(fn.Signature())) {
			return errCodes(r.Kind)
		}
	}
	if fn != nil {
		return sender(fn)
	}
	return c.sendTyped(call)
}

// maySend returns the package's functions that may send: those whose
// body calls a send sendKind knows without the package's summaries (a
// library's, a transport, another package's sender by its fact, a
// function value of send type, a method of the package's interfaces),
// and those that call one of them. It is what the package's senders are
// among, found before their summaries, which are computed on the SSA form
// of them all (senderCall).
func (c *retryChecker) maySend() map[*types.Func]bool {
	if c.mayBeSenders != nil {
		return c.mayBeSenders
	}
	direct := func(fn *types.Func) (codeset.Set, bool) {
		if fn.Pkg() != c.Pass.Pkg {
			return c.sender(fn) // its fact
		}
		return codeset.Set{}, isInterfaceMethod(fn)
	}
	may := map[*types.Func]bool{}
	callers := map[*types.Func][]*types.Func{}
	var work []*types.Func
	for _, fn := range typesx.SortedDecls(c.Decls) {
		body := c.Decls[fn].Body
		if body == nil {
			continue
		}
		for _, g := range c.refsFrom(fn) {
			callers[g] = append(callers[g], fn)
		}
		sends := false
		ast.Inspect(body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !sends {
				_, sends = c.sendKindBy(call, direct)
			}
			return !sends
		})
		if sends {
			may[fn] = true
			work = append(work, fn)
		}
	}
	toCallers(may, work, callers)
	c.mayBeSenders = may
	return may
}

// sendTyped reports whether call calls a value of http.Client.Do's type,
// func(*http.Request) (*http.Response, error): a function value, a field,
// a parameter. What it calls is not known here, but its type says it
// sends the request, and its error tells no status. (A function or method
// named in the call is judged by its body instead, and a conversion calls
// nothing.)
func (c *retryChecker) sendTyped(call *ast.CallExpr) (codeset.Set, bool) {
	if tv, ok := c.Pass.TypesInfo.Types[call.Fun]; !ok || tv.IsType() {
		return codeset.Set{}, false
	}
	sig, ok := types.Unalias(c.Pass.TypesInfo.TypeOf(call.Fun)).Underlying().(*types.Signature)
	if ok && isDoSignature(sig) {
		return errCodes(knowledge.ErrTransport)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.sendParams != nil {
		// A parameter that sends, while its function is evaluated as a
		// helper that repeats it.
		if v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if _, ok := c.sendParams[v]; ok {
				return errCodes(knowledge.ErrTransport)
			}
		}
	}
	return codeset.Set{}, false
}

// returnsError reports whether sig's last result is an error: an SDK
// call that sends reports its failure so (CoreV1().Pods(ns) only builds).
func returnsError(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() > 0 && typesx.IsError(res.At(res.Len()-1).Type())
}

// isInterfaceMethod reports whether fn is a method of an interface.
func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// isDoSignature reports whether sig is http.Client.Do's:
// func(*http.Request) (*http.Response, error).
func isDoSignature(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 || !typesx.IsRequestPtr(sig.Params().At(0).Type()) {
		return false
	}
	_, isPtr := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	return isPtr && typesx.Is(sig.Results().At(0).Type(), knowledge.HTTPResponse) && typesx.IsError(sig.Results().At(1).Type())
}

// findSend returns the first statement of list that sends a request,
// outside function literals, with the send and its kind.
func (c *retryChecker) findSend(list []ast.Stmt) (int, *ast.CallExpr, codeset.Set) {
	for i, s := range list {
		var kind codeset.Set
		send := firstCall(s, false, func(call *ast.CallExpr) (ok bool) {
			kind, ok = c.sendKind(call)
			return ok
		})
		if send != nil {
			return i, send, kind
		}
	}
	return -1, nil, codeset.Set{}
}

// firstCall returns the first call under n, in source order, that match
// accepts, outside function literals and, unless intoLoops, outside
// loops.
func firstCall(n ast.Node, intoLoops bool, match func(*ast.CallExpr) bool) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(n, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return intoLoops
		case *ast.CallExpr:
			if match(n) {
				found = n
				return false
			}
		}
		return true
	})
	return found
}

// loopToCheck returns a loop that sends as one to check for retries, or
// false where it sends nothing itself; whether it polls is read on its
// SSA form (retryLoop).
// Whether a round sends the same request again is the SSA flow's to
// say, on each path (engine.Resends).
func (c *retryChecker) loopToCheck(cur inspector.Cursor, loop ast.Stmt, body *ast.BlockStmt) (pendingLoop, bool) {
	_, send, errs := c.findSend(body.List)
	if send == nil {
		return pendingLoop{}, false
	}
	return pendingLoop{cur: cur, loop: loop, body: body, send: send, errs: errs}, true
}

// retryLoop checks a loop that sends a request and goes round again under
// a status the table forbids retrying: the ways round the SSA flow finds
// (engine.Resends).
func (c *retryChecker) retryLoop(l pendingLoop) {
	if c.polls(typesx.EnclosingFunc(l.cur), l.send, c.ssaCalls[l.send.Lparen]) {
		return // a wait for readiness, not a retry
	}
	c.listDecided(l.cur, l.loop, l.body, l.send, l.errs)
	edges, waited := c.resends(l.body, l.send, l.errs)
	if len(edges) == 0 {
		return
	}
	c.reportRetriesFor(c.sendOp(l.send), c.notDeclared(edges), l.send, waited.Or(waitedIf(c.loopWaitsAfter(l.loop))), "")
}

// recursiveRetry checks a function that sends a request and calls itself
// with the same request under a status the table forbids retrying: the
// ways round the SSA flow finds (engine.Recurses).
func (c *retryChecker) recursiveRetry(fd *ast.FuncDecl, fn *types.Func) {
	if fd.Body == nil || fn == nil {
		return
	}
	_, send, errs := c.findSend(fd.Body.List)
	if send == nil {
		return
	}
	edges, waited := c.recurses(fd.Body, send, errs)
	if len(edges) == 0 {
		return
	}
	c.reportRetries(c.notDeclared(edges), send, waited.Or(waitedIf(c.loopWaitsAfter(fd.Body))), "")
}

// sendOp returns the OpenAPI operation a send is tied to, if the table is
// a spec and the send's method and URL resolve.
func (c *retryChecker) sendOp(send *ast.CallExpr) *table.Operation {
	tab := c.tableFor(send)
	if tab.Spec == nil {
		return nil
	}
	op, _ := c.requests.Op(tab.Spec, send)
	return op
}

// notDeclared drops the re-sends decided by a call of a retry decision
// of this package named as one: those are reported where it is declared,
// once, on its own conditions.
func (c *retryChecker) notDeclared(edges []frag) []frag {
	var out []frag
	for _, fr := range edges {
		at := fr.At
		if e, ok := at.(ast.Expr); ok {
			// if !shouldRetry(resp) { return }: the call decides.
			at = ast.Unparen(e)
			if u, ok := at.(*ast.UnaryExpr); ok && u.Op == token.NOT {
				at = ast.Unparen(u.X)
			}
		}
		if call, ok := at.(*ast.CallExpr); ok {
			fn := typesx.Callee(c.Pass.TypesInfo, call)
			if fn != nil && fn.Pkg() == c.Pass.Pkg && knowledge.RetryDecisionNames.Match(fn.Name()) {
				if r := c.summaryOf(fn).pred; r.ok && !r.fact.OfErr && c.Decls[fn] != nil && typesx.FileOf(c.Checked, c.Decls[fn]) != nil {
					continue
				}
			}
		}
		out = append(out, fr)
	}
	return out
}
