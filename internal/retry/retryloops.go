package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// sendKind reports whether call sends an HTTP request, with the statuses
// for which its error result is non-nil (none for net/http: an error
// there means no response).
func (c *retryChecker) sendKind(call *ast.CallExpr) (codeset.Set, bool) {
	key, via, fn, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	if !ok {
		// A function value, a field or a method value of send type: a
		// client's do func, a middleware chain built over hc.Do.
		return c.sendTyped(call)
	}
	if kind, ok := knowledge.Lookup(knowledge.Sends, key, via); ok {
		return engine.ErrCodes(kind)
	}
	switch {
	case key.Name == "RoundTrip" && len(call.Args) == 1 && typesx.IsRequestPtr(c.Pass.TypesInfo.TypeOf(call.Args[0])):
		return engine.ErrCodes(engine.ErrTransport)
	case fn != nil && isInterfaceMethod(fn) && isDoSignature(fn.Signature()):
		// An SDK's replaceable client: type httpClient interface {
		// Do(*http.Request) (*http.Response, error) }.
		return engine.ErrCodes(engine.ErrTransport)
	}
	for _, r := range knowledge.SDKSends {
		if strings.HasPrefix(key.Path, r.Prefix) && key.Recv != "" && strings.HasSuffix(key.Recv, r.RecvSuffix) &&
			(r.Name == "" || key.Name == r.Name) && (r.Except == "" || !strings.HasSuffix(key.Name, r.Except)) &&
			(fn == nil || returnsError(fn.Signature())) {
			return engine.ErrCodes(r.Kind)
		}
	}
	if fn != nil {
		return c.sender(fn)
	}
	return c.sendTyped(call)
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
		return engine.ErrCodes(engine.ErrTransport)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.sendParams != nil {
		// A parameter that sends, while its function is evaluated as a
		// helper that repeats it.
		if v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if _, ok := c.sendParams[v]; ok {
				return engine.ErrCodes(engine.ErrTransport)
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

// FindSend returns the first statement of list that sends a request,
// outside function literals, with the send and its kind.
func (c *retryChecker) FindSend(list []ast.Stmt) (int, *ast.CallExpr, codeset.Set) {
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
// false where it cannot retry: it sends nothing itself, it polls, or it
// sends another request each round.
func (c *retryChecker) loopToCheck(cur inspector.Cursor, loop ast.Stmt, body *ast.BlockStmt) (pendingLoop, bool) {
	i, send, errs := c.FindSend(body.List)
	if send == nil || c.isPolling(cur, send, body.List[i]) {
		return pendingLoop{}, false
	}
	if c.requestVaries(loop, body, i, send) {
		return pendingLoop{}, false
	}
	return pendingLoop{cur: cur, loop: loop, body: body, send: send, errs: errs}, true
}

// retryLoop checks a loop that sends a request and goes round again under
// a status the table forbids retrying: the ways round the SSA flow finds
// (engine.Resends).
func (c *retryChecker) retryLoop(l pendingLoop) {
	c.listDecided(l.cur, l.loop, l.body, l.send, l.errs)
	edges, waited := c.resends(l.body, l.send, l.errs)
	if len(edges) == 0 {
		return
	}
	c.reportRetriesFor(c.sendOp(l.send), c.notDeclared(edges), l.send, waited.Or(waitedIf(c.readsRetryAfter(l.loop))), "")
}

// sendEvaluator returns an evaluator of a round that starts with send in
// stmt: its error variable holds the statuses in codes, and the types its
// error has for some of them (an SDK's *Error, from the send's summary or
// fact).
func (c *retryChecker) sendEvaluator(stmt ast.Stmt, send *ast.CallExpr, codes codeset.Set) *engine.Evaluator {
	ev := &engine.Evaluator{Pass: c.Pass, Index: c.Index, O: c, Errs: c.sendErrs(stmt, send, codes)}
	if fact, ok := c.CallErrFact(send); ok && len(fact.Types) > 0 {
		for v := range ev.Errs {
			ev.SetErr(v, facts.Err{Errs: ev.Errs[v], Types: fact.Types})
		}
	}
	return ev
}

// sendErrs maps the error variable the send's statement assigns to the
// statuses for which the send's error is non-nil.
func (c *retryChecker) sendErrs(stmt ast.Stmt, send *ast.CallExpr, codes codeset.Set) map[*types.Var]codeset.Set {
	errs := map[*types.Var]codeset.Set{}
	ast.Inspect(stmt, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != send {
			return true
		}
		if id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident); ok {
			if v, ok := c.Pass.TypesInfo.ObjectOf(id).(*types.Var); ok && typesx.IsError(v.Type()) {
				errs[v] = codes
			}
		}
		return false
	})
	return errs
}

// requestVaries reports whether the loop sends a different request each
// round: the send depends on a range variable, or on a variable the loop
// changes before the send (a page, an offset, a rebuilt URL, a header set
// from a changing value) or in its post statement. Rewinding a request
// body is no change.
func (c *retryChecker) requestVaries(loop ast.Stmt, body *ast.BlockStmt, i int, send *ast.CallExpr) bool {
	info := c.Pass.TypesInfo
	changed := map[*types.Var]bool{}
	var rangeVars []ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		rangeVars = []ast.Expr{l.Key, l.Value}
		if _, isInt := info.TypeOf(l.X).Underlying().(*types.Basic); isInt {
			rangeVars = nil // for attempt := range n counts attempts
		}
	case *ast.ForStmt:
		if l.Post != nil {
			ast.Inspect(l.Post, func(n ast.Node) bool { markAssigned(info, n, changed); return true })
		}
	}
	for _, e := range rangeVars {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				changed[v] = true
			}
		}
	}
	// fieldsChanged are the fields the loop sets of structs it does not
	// change whole.
	fieldsChanged := map[*types.Var]fieldSet{}
	inBody := func(v *types.Var) bool { return v.Pos() >= body.Pos() && v.Pos() < body.End() }
	// defs maps a variable declared in the body, or rebuilt whole in it
	// before the send, to the expressions it is built from: its
	// definitions and what is set on it.
	defs := map[*types.Var][]ast.Expr{}
	for j, stmt := range body.List {
		before := j < i
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for k, lhs := range n.Lhs {
					root := rootVar(info, lhs)
					if root == nil {
						continue
					}
					rhs := n.Rhs[min(k, len(n.Rhs)-1)]
					switch {
					case inBody(root):
						defs[root] = append(defs[root], rhs)
					case !before || c.isBodyRewind(lhs) || c.copiesItself(root, rhs):
					case n.Tok == token.ASSIGN && isIdent(lhs) && !typesx.UsesAny(info, rhs, map[*types.Var]bool{root: true}):
						// Rebuilt whole each round before the send, from
						// what it was built from: it varies only if that
						// does (oci's httpRequest, err =
						// MakeDefaultHTTPRequestWithTaggedStruct(...)).
						defs[root] = append(defs[root], rhs)
					default:
						if _, field := topField(info, lhs); field >= 0 {
							// One field of a struct set (p.backoff doubled
							// each round): what reads other fields of it
							// (p.opts) does not vary.
							fieldsChanged[root] = fieldsChanged[root].with(field)
						} else {
							changed[root] = true
						}
					}
				}
			case *ast.IncDecStmt:
				if root := rootVar(info, n.X); root != nil && before {
					changed[root] = true
				}
			case *ast.CallExpr:
				// req.Header.Set(...), req.SetBasicAuth(...), req.AddCookie(...)
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || !c.mutatesRequest(n) {
					return true
				}
				if root := rootVar(info, sel.X); root != nil {
					if inBody(root) {
						defs[root] = append(defs[root], n.Args...)
					} else if before {
						changed[root] = true
					}
				}
			}
			return true
		})
	}
	// A variable varies if the loop changes it or it is built from one
	// that varies: the least fixed point, whatever the order of the defs.
	// A context is not what the API sees: a per-attempt timeout, a
	// deadline, does not vary the request (anthropic's resultPoster
	// doubles its timeout each round).
	for v := range changed {
		if isContext(v.Type()) {
			delete(changed, v)
		}
	}
	varies := func(e ast.Expr) bool { return usesChanged(info, e, changed, fieldsChanged) }
	for grew := true; grew; {
		grew = false
		for v, exprs := range defs {
			if changed[v] || isContext(v.Type()) {
				continue
			}
			if slices.ContainsFunc(exprs, varies) {
				changed[v], grew = true, true
			}
		}
	}
	// A context is not what the API sees, nor is an argument that a
	// function of the package sending the request it is also given never
	// writes into that request (opensearch's roundTripAttempt(req, ...,
	// conn) reads conn only to pick and drain the connection).
	var args []ast.Expr
	for j, a := range send.Args {
		if !isContext(info.TypeOf(a)) && c.argReachesRequest(send, j) {
			args = append(args, a)
		}
	}
	if slices.ContainsFunc(args, varies) {
		return true
	}
	// The request built in the send's own expression: svc.Objects.Get(b,
	// name).Do(), name ranging over the objects.
	if sel, ok := ast.Unparen(send.Fun).(*ast.SelectorExpr); ok {
		// On a client the loop sets some fields of (p.backoff), a
		// method of the package (p.post()) varies with the fields it
		// reads.
		id, isIdent := stripStar(sel.X).(*ast.Ident)
		root, fs := c.clientFields(send, sel.X)
		fc, some := fieldsChanged[root]
		if isIdent && root != nil && info.Uses[id] == root && some && !changed[root] && !fs.all {
			if fc.meets(fs) {
				return true
			}
		} else if varies(sel.X) {
			return true
		}
	}
	return false
}

// mutatesRequest reports whether call changes a request, its header or
// its query (knowledge.RequestMutators).
func (c *retryChecker) mutatesRequest(call *ast.CallExpr) bool {
	key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	return ok && (knowledge.RequestMutators[key] || knowledge.RequestMutators[via])
}

// copiesItself reports whether rhs is a copy of the request v, which
// the loop assigns back to v (req = req.Clone(ctx)): the same request.
func (c *retryChecker) copiesItself(v *types.Var, rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || rootVar(c.Pass.TypesInfo, sel.X) != v {
		return false
	}
	key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	return ok && (knowledge.RequestCopies[key] || knowledge.RequestCopies[via])
}

// isBodyRewind reports whether lhs resets a request's body for a re-send
// (knowledge.BodyRewinds).
func (c *retryChecker) isBodyRewind(lhs ast.Expr) bool {
	sel, ok := lhs.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := c.Pass.TypesInfo.Selections[sel]
	if !ok {
		return false
	}
	key, _ := typesx.FieldKey(s.Obj(), s.Recv())
	return knowledge.BodyRewinds[key]
}

// usesChanged reports whether e uses a variable of changed, or a field of
// fieldsChanged through its struct (p.timeout when the loop sets it), or
// such a struct whole.
func usesChanged(info *types.Info, e ast.Expr, changed map[*types.Var]bool, fieldsChanged map[*types.Var]fieldSet) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			id, isIdent := stripStar(n.X).(*ast.Ident)
			root, field := topField(info, n)
			if isIdent && root != nil && field >= 0 && info.Uses[id] == root && !changed[root] {
				if fs, ok := fieldsChanged[root]; ok {
					found = fs.Has(field)
					return false
				}
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && (changed[v] || !fieldsChanged[v].Empty()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// rootVar returns the variable at the root of x, x.f, x[i], *x, and
// x.Raw() for a read of a request that returns what it wraps.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	v, _ := rootSel(info, e)
	return v
}

// rootSel is rootVar, with the selector of e that selects from the root
// variable itself (c.metrics in c.metrics.n[k]), if there is one.
func rootSel(info *types.Info, e ast.Expr) (*types.Var, *ast.SelectorExpr) {
	var last *ast.SelectorExpr
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			if last != nil && stripStar(last.X) != x {
				last = nil
			}
			return v, last
		case *ast.SelectorExpr:
			last, e = x, x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			// A read of the request that returns what it wraps: azcore's
			// req.Raw().Header is req's.
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			fn := typesx.Callee(info, x)
			if !ok || fn == nil || !knowledge.RequestUnwraps[typesx.FuncKey(fn)] {
				return nil, nil
			}
			e = sel.X
		default:
			return nil, nil
		}
	}
}

func markAssigned(info *types.Info, n ast.Node, changed map[*types.Var]bool) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if v := rootVar(info, lhs); v != nil {
				changed[v] = true
			}
		}
	case *ast.IncDecStmt:
		if v := rootVar(info, n.X); v != nil {
			changed[v] = true
		}
	}
}

// recursiveRetry checks a function that sends a request and calls itself
// with the same request under a status the table forbids retrying: the
// ways round the SSA flow finds (engine.Recurses).
func (c *retryChecker) recursiveRetry(fd *ast.FuncDecl, fn *types.Func) {
	if fd.Body == nil || fn == nil {
		return
	}
	_, send, errs := c.FindSend(fd.Body.List)
	if send == nil {
		return
	}
	edges, waited := c.recurses(fd.Body, send, errs)
	if len(edges) == 0 {
		return
	}
	c.reportRetries(c.notDeclared(edges), send, waited.Or(waitedIf(c.readsRetryAfter(fd.Body))), "")
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
func (c *retryChecker) notDeclared(edges []engine.Frag) []engine.Frag {
	var out []engine.Frag
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

func isIdent(e ast.Expr) bool {
	_, ok := e.(*ast.Ident)
	return ok
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	return typesx.Is(t, knowledge.Context)
}
