package retry

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

type errResult struct {
	fact facts.Err
	ok   bool
}

// sender reports whether fn sends a request, with the statuses for which
// its error is non-nil.
func (c *retryChecker) sender(fn *types.Func) (codeset.Set, bool) {
	f, ok := c.errSummary(fn)
	return f.Errs, ok && f.Sends
}

// errSummary returns what fn's error result tells about the status, if
// fn sends a request or checks a response and returns an error last: from
// its body in this package, from its fact in another.
func (c *retryChecker) errSummary(fn *types.Func) (facts.Err, bool) {
	if fn.Pkg() == nil {
		return facts.Err{}, false
	}
	if isInterfaceMethod(fn) {
		// Another package's interface says by its fact; this package's,
		// by the implementations it sees.
		if fn.Pkg() != c.Pass.Pkg {
			var f facts.Err
			ok := status.ImportFact(c.Pass, c.Index, fn, &f)
			return f, ok
		}
		return c.implErrFact(fn)
	}
	if fn.Pkg() != c.Pass.Pkg {
		var f facts.Err
		ok := status.ImportFact(c.Pass, c.Index, fn, &f)
		return f, ok
	}
	r := c.summaryOf(fn).err
	return r.fact, r.ok
}

// evalErrSummary evaluates what the error result of fn, declared by decl,
// tells about the status.
func (c *retryChecker) evalErrSummary(fn *types.Func, decl *ast.FuncDecl) errResult {
	if !returnsError(fn.Signature()) {
		return errResult{}
	}
	res := fn.Signature().Results()
	var r errResult
	var sent facts.Err
	sends := false
	if !returnsRequest(res) {
		sent, sends = c.sentErrorFact(decl.Body.List)
	}
	if sends {
		r = errResult{sent, true}
	} else if checkGiven(fn.Signature()) {
		r = c.evalCheck(fn)
	} else {
		r = c.evalTranslator(fn)
	}
	return r
}

// errBuild builds, once, the SSA form of the package's senders (the
// functions that return an error last and may send: maySend), checks and
// translators together, and keeps their calls by position and the
// functions by object.
func (c *retryChecker) errBuild() {
	if c.senderCalls != nil {
		return
	}
	var roots []*ast.FuncDecl
	may := c.maySend()
	for _, fn := range typesx.SortedDecls(c.Decls) {
		res := fn.Signature().Results()
		if c.Decls[fn].Body == nil || !returnsError(fn.Signature()) || returnsRequest(res) {
			continue
		}
		if may[fn] || checkParams(fn.Signature()) {
			roots = append(roots, c.Decls[fn])
		}
	}
	c.senderCalls, c.errFuncs = c.buildFuncs(roots)
}

// senderCall returns send on the SSA form errBuild builds, or nil.
func (c *retryChecker) senderCall(send *ast.CallExpr) *ssa.Call {
	c.errBuild()
	return c.senderCalls[send.Lparen]
}

// errFunc returns fn, a function of the package that sends, checks a
// response or translates an error, on the SSA form errBuild builds.
func (c *retryChecker) errFunc(fn *types.Func) *ssa.Function {
	c.errBuild()
	return c.errFuncs[fn]
}

// checkParams reports whether sig takes what a check or a translator is
// given: a response, an integer (a status), or an error.
func checkParams(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		t := p.Type()
		if status.IsResponseType(t) || typesx.IsInteger(t) || typesx.IsError(t) {
			return true
		}
	}
	return false
}

// evalCheck evaluates fn, a function that checks a response or a status
// it is given, for the statuses its error is non-nil for. A check given
// the statuses it accepts (go-containerregistry's CheckError(resp,
// codes...), an error unless the status is one of codes) is evaluated
// twice, accepting every status and none: what only the second returns an
// error for is what a caller's list decides (Unless).
func (c *retryChecker) evalCheck(fn *types.Func) errResult {
	f := c.errFunc(fn)
	if f == nil {
		return errResult{}
	}
	var g engine.Given
	var list *types.Var
	params := declaredParams(f)
	for _, p := range params {
		v, _ := p.Object().(*types.Var)
		t := p.Type()
		switch {
		case status.IsResponseType(t) && g.Resp == nil && g.Status == nil:
			g.Resp = p
		case typesx.IsInteger(t) && g.Resp == nil && g.Status == nil && v != nil && knowledge.StatusParamNames.Match(v.Name()):
			g.Status = p
		case list == nil && v != nil && isIntList(t):
			list = v
		}
	}
	if g.Resp == nil && g.Status == nil {
		return errResult{}
	}
	if list == nil {
		f, touched, _ := engine.Checked(f, g, codeset.Set{}, c)
		return errResult{f, touched && !f.Errs.Empty()}
	}
	none, touched, ok := engine.Checked(f, g, codeset.Set{}, boundLists{c, map[*types.Var]codeset.Set{list: {}}})
	if !ok {
		return errResult{}
	}
	all, _, ok := engine.Checked(f, g, codeset.Set{}, boundLists{c, map[*types.Var]codeset.Set{list: codeset.All}})
	if !ok {
		return errResult{}
	}
	out := facts.Err{Errs: all.Errs, Types: none.Types}
	if unless := none.Errs.And(all.Errs.Not()); !unless.Empty() {
		for i := range fn.Signature().Params().Len() {
			if fn.Signature().Params().At(i) == list {
				out.List = i + 1
			}
		}
		out.Unless = unless
	}
	return errResult{out, touched && !none.Errs.Empty()}
}

// evalTranslator evaluates fn as an error translator: a function given
// an error that carries a status, which returns an error of a type of its
// own for some statuses (dropbox's auth.ParseError turns the core's
// SDKInternalError into a ServerError for 500-599, a RateLimitAPIError
// for 429). Its fact has From, the parameter, and Types; a caller's error
// keeps the statuses it had.
func (c *retryChecker) evalTranslator(fn *types.Func) errResult {
	f := c.errFunc(fn)
	if f == nil {
		return errResult{}
	}
	params := declaredParams(f)
	from := slices.IndexFunc(params, func(p *ssa.Parameter) bool { return typesx.IsError(p.Type()) })
	if from < 0 {
		return errResult{}
	}
	out, _, ok := engine.Checked(f, engine.Given{Err: params[from]}, codeset.All, c)
	if !ok {
		return errResult{}
	}
	if len(out.Types) == 0 {
		return errResult{} // no type of its own: no translator
	}
	out.From = from + 1
	return errResult{out, true}
}

// sentErrors follows code from its first send to its returns: the
// statuses for which it returns a non-nil error. ok is false when it sends
// nothing. A send in a loop (the function's own retry loop, anthropic's
// RequestConfig.send) is followed from that loop.
func (c *retryChecker) sentErrors(list []ast.Stmt) (codeset.Set, bool) {
	f, sends := c.sentErrorFact(list)
	return f.Errs, sends
}

// sentErrorFact is sentErrors with the types the error has for some of
// the statuses: those the code makes, or hands on from a call.
func (c *retryChecker) sentErrorFact(list []ast.Stmt) (facts.Err, bool) {
	return c.sentErrorFactWith(list, nil)
}

// sentErrorFactWith is sentErrorFact with the lists of lists bound to
// the statuses they hold, on the SSA form of the function around the send
// (engine.SentErrors).
func (c *retryChecker) sentErrorFactWith(list []ast.Stmt, lists map[*types.Var]codeset.Set) (facts.Err, bool) {
	_, send, errs := c.firstSend(list)
	if send == nil {
		return facts.Err{}, false
	}
	var f facts.Err
	if sc := c.ssaSend(send); sc != nil {
		var known engine.Known = c
		if lists != nil {
			known = boundLists{c, lists}
		}
		// Where the paths grow too many, what they showed so far.
		f, _ = engine.SentErrors(sc, errs, known)
	}
	f.Sends = true
	return f, true
}

// firstSend returns the first send of list, or of the first loop of
// list with a send in it, and its kind; nil if none.
func (c *retryChecker) firstSend(list []ast.Stmt) (int, *ast.CallExpr, codeset.Set) {
	i, send, errs := c.findSend(list)
	if send == nil {
		i, send, errs = c.findLoopSend(list)
	}
	return i, send, errs
}

// ssaSend returns send on an SSA form built already (the loops', the
// package senders') or built for the function around it.
func (c *retryChecker) ssaSend(send *ast.CallExpr) *ssa.Call {
	if sc := c.ssaCalls[send.Lparen]; sc != nil {
		return sc
	}
	if sc := c.senderCall(send); sc != nil {
		return sc
	}
	return c.sendSSA(send)
}

// boundLists is the checker with some lists bound to the statuses they
// hold (a helper's attempt evaluated for a caller that lists them).
type boundLists struct {
	*retryChecker
	lists map[*types.Var]codeset.Set
}

// MadeTypes returns the error types fn makes (madeErrTypes), for the
// attempt's errors where its lists are bound (engine.MadeTypes).
func (b boundLists) MadeTypes(fn *types.Func) []facts.TypedErr { return b.madeErrTypes(fn) }

// ListOf returns what the list v is bound to, else what it may hold.
func (b boundLists) ListOf(v *types.Var) (codeset.Set, bool) {
	if s, ok := b.lists[v]; ok {
		return s, true
	}
	return b.retryChecker.ListOf(v)
}

// findLoopSend returns the first statement of list that is a loop with a
// send in it, outside function literals, with the send and its kind.
func (c *retryChecker) findLoopSend(list []ast.Stmt) (int, *ast.CallExpr, codeset.Set) {
	for i, s := range list {
		loop := s
		if l, ok := s.(*ast.LabeledStmt); ok {
			loop = l.Stmt
		}
		switch loop.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
		default:
			continue
		}
		var kind codeset.Set
		send := firstCall(loop, true, func(call *ast.CallExpr) (ok bool) {
			kind, ok = c.sendKind(call)
			return ok
		})
		if send != nil {
			return i, send, kind
		}
	}
	return -1, nil, codeset.Set{}
}

// returnsRequest reports whether a function returns a request: one that
// builds a request may send another on the way (a lookup), but is no
// sender.
func returnsRequest(res *types.Tuple) bool {
	for v := range res.Variables() {
		if typesx.IsRequestPtr(v.Type()) {
			return true
		}
	}
	return false
}

// checkGiven reports whether sig is a check's: it takes a response, or
// an integer named for a status (status, code).
func checkGiven(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		t := p.Type()
		if status.IsResponseType(t) || typesx.IsInteger(t) && knowledge.StatusParamNames.Match(p.Name()) {
			return true
		}
	}
	return false
}

// madeErrTypes returns, for a function of the package that decides
// nothing by a status (its summary says nothing), the concrete error types
// it makes and returns, each for every status: go-containerregistry's
// retryError(resp) returns the *Error that makeError(resp, b) builds,
// whatever the status, so a predicate asking that type's Temporary()
// decides on it.
func (c *retryChecker) madeErrTypes(fn *types.Func) []facts.TypedErr {
	if !returnsError(fn.Signature()) {
		return nil
	}
	f := c.formOf(fn)
	if f == nil {
		return nil
	}
	return engine.MadeErrTypes(f)
}

// errorType is the error interface.
var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// NeverNil reports whether fn's error is not nil on every path: a known
// error constructor, or a function of the package whose returns each make
// one (neverNil) (engine.Known).
func (c *retryChecker) NeverNil(fn *types.Func) bool {
	return knowledge.ErrorConstructors[typesx.FuncKey(fn)] || fn.Pkg() == c.Pass.Pkg && c.neverNil(fn)
}

// neverNil reports whether fn, a function of this package whose only
// result is an error, returns a non-nil error on every path: each return
// makes one (oci's newServiceFailureFromResponse, an error constructor),
// read on its SSA form (engine.NeverNil).
func (c *retryChecker) neverNil(fn *types.Func) bool {
	if v, ok := c.nonNil[fn]; ok {
		return v
	}
	c.nonNil[fn] = false // a recursive constructor is not judged
	res := fn.Signature().Results()
	if res.Len() != 1 || !typesx.IsError(res.At(0).Type()) {
		return false
	}
	f := c.formOf(fn)
	c.nonNil[fn] = f != nil && engine.NeverNil(f, c.NeverNil)
	return c.nonNil[fn]
}

// formOf returns fn, a function declared in the package, on its SSA form:
// the one errBuild builds, or its declaration's alone (declBuild); nil
// for one with no body.
func (c *retryChecker) formOf(fn *types.Func) *ssa.Function {
	if f := c.errFunc(fn); f != nil {
		return f
	}
	decl := c.Decls[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	return c.declBuild(decl).funcs[fn]
}

// ErrOf is errSummary for the SSA flow (engine.Known): for which statuses
// fn's error is not nil.
func (c *retryChecker) ErrOf(fn *types.Func) (facts.Err, bool) { return c.errSummary(fn) }

// StatusField reports whether field, of recv's type, holds a status
// (engine.Known).
func (c *retryChecker) StatusField(field *types.Var, recv types.Type) bool {
	return status.IsStatusFieldOf(c.Index, field, recv)
}

// StatusResult returns the index of fn's result that is the status it
// got: a library's (knowledge.StatusResults, fasthttp.Get's first), or
// a sender of the package's that returns it among others; -1 if none
// (engine.Known).
func (c *retryChecker) StatusResult(fn *types.Func) int {
	if i, ok := knowledge.StatusResults[typesx.FuncKey(fn)]; ok {
		return i
	}
	return c.Index.FuncStatusResult(c.Pass, fn)
}

// ListOf returns the statuses the list v, a variable or a field, may
// hold: what the package gives it (engine.Known).
func (c *retryChecker) ListOf(v *types.Var) (codeset.Set, bool) {
	if v.IsField() {
		var s codeset.Set
		for _, given := range c.fieldValues(v) {
			s = s.Or(c.listCodes(given, 1))
		}
		return s, !s.Empty()
	}
	return c.codeSetVar(v)
}

// MayReturn reports whether fn, a function of the package, may return
// the error g holds: its body names g, or it calls a function of the
// package that returns an error and may, or calls through an interface
// or a function value something that returns an error (what that is is
// not known). A function of another package cannot name g, which its
// package does not import: it is asked nothing (engine.Known). The
// answer is the package's, found once for g: the functions that name g
// or call what is not known, and those that call one of them.
func (c *retryChecker) MayReturn(fn *types.Func, g *types.Var) bool {
	may, ok := c.mayReturn[g]
	if !ok {
		may = c.mayReturnAll(g)
		c.mayReturn[g] = may
	}
	decl := c.Decls[fn.Origin()]
	return decl == nil || decl.Body == nil || may[fn.Origin()]
}

// mayReturnAll returns the functions of the package that may return g
// (MayReturn).
func (c *retryChecker) mayReturnAll(g *types.Var) map[*types.Func]bool {
	info := c.Pass.TypesInfo
	may := map[*types.Func]bool{}
	callers := map[*types.Func][]*types.Func{}
	var work []*types.Func
	fns := slices.Collect(maps.Keys(c.Decls))
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		decl := c.Decls[fn]
		if decl.Body == nil {
			continue
		}
		direct := false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				direct = direct || info.Uses[x] == types.Object(g)
			case *ast.CallExpr:
				if !returnsAnError(info.TypeOf(x)) {
					break
				}
				callee := typesx.Callee(info, x)
				switch {
				case callee == nil:
					if info.Types[x.Fun].IsType() {
						break // a conversion
					}
					held, ok := c.heldFunc(x.Fun)
					switch {
					case !ok:
						direct = true
					case held.Pkg() == c.Pass.Pkg:
						callers[held.Origin()] = append(callers[held.Origin()], fn)
					}
				case callee.Pkg() != c.Pass.Pkg:
				case recvOf(callee) != nil && types.IsInterface(recvOf(callee)):
					direct = true
				default:
					callers[callee.Origin()] = append(callers[callee.Origin()], fn)
				}
			}
			return true
		})
		if direct {
			may[fn] = true
			work = append(work, fn)
		}
	}
	toCallers(may, work, callers)
	return may
}

// toCallers marks in may, from the functions work holds (marked
// already), every function that calls one of them, however far up the
// calls go (callers, by callee).
func toCallers(may map[*types.Func]bool, work []*types.Func, callers map[*types.Func][]*types.Func) {
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range callers[fn] {
			if !may[caller] {
				may[caller] = true
				work = append(work, caller)
			}
		}
	}
}

// heldFunc returns the function a package-level variable of the
// package that e names is given, where it is given one and only that
// (discordgo's Unmarshal = json.Unmarshal): a call of the variable is
// taken to call it, as a replacement keeps to what it replaces.
func (c *retryChecker) heldFunc(e ast.Expr) (*types.Func, bool) {
	id := typesx.NameIdent(e)
	if id == nil {
		return nil, false
	}
	v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.Pass.Pkg || v.Parent() != c.Pass.Pkg.Scope() {
		return nil, false
	}
	vals := c.Index.ValuesOf(v)
	if len(vals) != 1 || vals[0].Expr == nil {
		return nil, false
	}
	fid := typesx.NameIdent(vals[0].Expr)
	if fid == nil {
		return nil, false
	}
	fn, ok := c.Pass.TypesInfo.Uses[fid].(*types.Func)
	return fn, ok
}

// returnsAnError reports whether a call's type, a result or a tuple of
// them, holds an error.
func returnsAnError(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if typesx.IsError(v.Type()) {
				return true
			}
		}
		return false
	}
	return t != nil && typesx.IsError(t)
}

// recvOf returns fn's receiver type, nil for a function.
func recvOf(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// Waits reports whether fn waits as the response's Retry-After says:
// a function of the package that takes a response and reads the header
// (or hands the wait to what does), one of another package with the
// facts.Wait, or a library's known wait (engine.Known).
func (c *retryChecker) Waits(fn *types.Func) bool {
	if knowledge.RetryAfterWaits[typesx.FuncKey(fn)] {
		return true
	}
	if fn.Pkg() != c.Pass.Pkg {
		return status.ImportFact(c.Pass, c.Index, fn, new(facts.Wait))
	}
	d := c.Decls[fn]
	return d != nil && c.takesResponse(fn) && c.readsRetryAfter(d.Body)
}
