package retry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

type retryHook = knowledge.Hook

// retryHook checks the calls of retry libraries: the conditions and
// operations they are given, and the policies they retry by default.
func (c *retryChecker) retryHook(cur inspector.Cursor, call *ast.CallExpr) {
	key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	if !ok {
		return
	}
	if why, ok := knowledge.RetryAllErrors[key]; ok {
		c.reportRetries([]frag{{Set: errorStatuses, At: calledName(call)}}, nil, codeset.All, " ("+why+")")
		return
	}
	for _, d := range knowledge.PredicateDefaults {
		if strings.HasPrefix(key.Path, d.Prefix) && strings.HasSuffix(key.Recv, d.RecvSuffix) && key.Name == d.Name &&
			d.Arg < len(call.Args) && c.mayBeNil(cur, call.Args[d.Arg]) {
			c.reportRetries([]frag{{Set: policyCodes(knowledge.Policy{Codes: d.Codes}), At: calledName(call)}}, nil, codeset.Set{}, " ("+d.Why+")")
			return
		}
	}
	if d, ok := knowledge.Defaults[key]; ok {
		if fd := typesx.EnclosingFunc(cur); (fd == nil || !c.setsField(fd.Body, d.Override)) && !c.setThroughField(cur, d.Override) {
			// Its default backoff honours Retry-After, so only the never
			// codes are at fault.
			p := knowledge.Policies[d.Policy]
			c.reportRetries([]frag{{Set: policyCodes(p), At: calledName(call)}}, nil, waitedIf(p.WaitsRetryAfter), " ("+d.Why+")")
		}
		return
	}
	hook, ok := knowledge.Lookup(knowledge.Hooks, key, via)
	if !ok {
		return
	}
	var args []ast.Expr
	for _, i := range hook.Args {
		switch {
		case i < 0:
			args = call.Args
		case i < len(call.Args):
			args = append(args, call.Args[i])
		}
	}
	for _, a := range args {
		c.checkHookFunc(a, hook, call, waitedIf(c.libraryWaits(key.Path)))
	}
}

// libraryWaits reports whether the package configures the retry library
// at path to wait as Retry-After says: it gives one of the library's
// RetryAfterOptions a function that reads the header (of the package, by
// its body; of another, by its fact; a literal). Its tests' clients do not
// count.
func (c *retryChecker) libraryWaits(path string) bool {
	if w, ok := c.libWaits[path]; ok {
		return w
	}
	w := false
	info := c.Pass.TypesInfo
	for _, fc := range c.Checked {
		if typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue
		}
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			key, _, _, ok := typesx.Resolve(info, call)
			i, isOption := knowledge.RetryAfterOptions[key]
			if !ok || !isOption || key.Path != path || i >= len(call.Args) {
				continue
			}
			if c.readsRetryAfterFunc(call.Args[i]) {
				w = true
				break
			}
		}
	}
	c.libWaits[path] = w
	return w
}

// readsRetryAfterFunc reports whether the function e stands for reads
// Retry-After: a literal, a function (through a conversion to the
// library's function type) of this package or, by its fact, another's.
func (c *retryChecker) readsRetryAfterFunc(e ast.Expr) bool {
	info := c.Pass.TypesInfo
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !info.Types[call.Fun].IsType() {
			break
		}
		e = call.Args[0]
	}
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return c.readsRetryAfter(lit.Body)
	}
	fn, ok := info.Uses[typesx.NameIdent(e)].(*types.Func)
	if !ok {
		return false
	}
	if decl := c.Decls[fn]; decl != nil && decl.Body != nil {
		return c.readsRetryAfter(decl.Body)
	}
	return fn.Pkg() != c.Pass.Pkg && status.ImportFact(c.Pass, c.Index, fn, new(facts.Wait))
}

// takesLibraryResponse returns the path of the retry library whose
// response fn takes (resty's *resty.Response: fn is one of its retry
// conditions), or "".
func takesLibraryResponse(fn *types.Func) string {
	params := fn.Signature().Params()
	for i := range params.Len() {
		path, _, named := typesx.TypeName(params.At(i).Type())
		for k := range knowledge.RetryAfterOptions {
			if named && k.Path == path {
				return path
			}
		}
	}
	return ""
}

// calledName returns where a call names what it calls: the method's name
// in a chain (dc().SetRetryCount(2).AddRetryAfterErrorCondition()), the
// call itself otherwise.
func calledName(call *ast.CallExpr) ast.Node {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isCall := ast.Unparen(sel.X).(*ast.CallExpr); isCall {
			return span{sel.Sel.Pos(), call.End()}
		}
	}
	return call
}

// span is a stretch of source to report at.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }

func (s span) End() token.Pos { return s.end }

// checkHookLit checks lit, a decision written where a retry library's
// hook is given it: what it retries, on its SSA form, reported at its
// tests; waited are the codes the client waits for Retry-After on, and
// why says how the decision reached the hook.
func (c *retryChecker) checkHookLit(lit *ast.FuncLit, hook retryHook, waited codeset.Set, why string) {
	errs, known := errCodes(hook.Errs)
	ev, _ := c.litDecision(lit, errs, known)
	c.reportRetries(ev.edges, nil, waited.Or(ev.waited).Or(waitedIf(c.readsRetryAfter(lit.Body))), why)
}

// checkHookFunc checks one function given to a retry library; waited are
// the codes the client already waits for Retry-After on (its backoff).
func (c *retryChecker) checkHookFunc(arg ast.Expr, hook retryHook, call *ast.CallExpr, waited codeset.Set) {
	info := c.Pass.TypesInfo
	switch f := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		c.checkHookLit(f, hook, waited, "")
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		id := typesx.NameIdent(f) // nil for an instantiation, which is left alone
		if v, ok := info.Uses[id].(*types.Var); ok {
			// A policy or an operation kept in a variable (okta's
			// operation := func() error {...}; backoff.Retry(operation,
			// b)): each function it is given (once: variables may be
			// given each other).
			for _, val := range c.funcValuesOnce(v) {
				c.checkHookFunc(val, hook, call, waited)
			}
			return
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok {
			return
		}
		if fn.Pkg() == c.Pass.Pkg && knowledge.RetryDecisionNames.Match(fn.Name()) {
			return // reported where it is declared, on its conditions
		}
		if p, ok := c.Predicate(fn); ok && !p.OfErr {
			// Libraries' own policies may come with a backoff that
			// honours Retry-After.
			c.reportRetries([]frag{{Set: p.Set, At: arg}}, nil, waited.Or(p.Waited), fmt.Sprintf(" (through %s)", fn.Name()))
		}
	}
}

// runsAgain checks a call of a function that runs an operation again
// while it returns an error (rep.Op: a retry library's, knowledge.Repeats,
// or a helper that hands its own to one): the operation it is given, read
// on the SSA form (operation). A library's option that hands the decision
// to a predicate (retry-go's RetryIf) decides instead.
func (c *retryChecker) runsAgain(call *ast.CallExpr, fn *types.Func, rep facts.Repeat) {
	if r, ok := knowledge.Repeats[typesx.FuncKey(fn)]; ok && r.Option != (knowledge.Key{}) {
		if opt := c.findOption(call, r.Option); opt != nil {
			c.checkRetryIf(call, rep.Param, opt)
			return
		}
	}
	c.checkOperationArg(call.Args[rep.Param], rep, call)
}

// checkOperationArg checks arg, an operation call runs again: a function
// literal, or a local given one or more (okta's operation := func() error
// {...}; backoff.Retry(operation, b)), each once (locals may be given
// each other).
func (c *retryChecker) checkOperationArg(arg ast.Expr, rep facts.Repeat, call *ast.CallExpr) {
	switch f := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		c.checkOperation(f, rep, call)
	case *ast.Ident:
		if v, ok := c.Pass.TypesInfo.Uses[f].(*types.Var); ok {
			for _, val := range c.funcValuesOnce(v) {
				c.checkOperationArg(val, rep, call)
			}
		}
	}
}

// A pendingOperation is an operation run again while it returns an error
// (backoff.Retry(op, b)), kept until the SSA form of the function that
// holds it is built: that function, the operation, what runs it again
// and the call that does, and the operation's send and the statuses its
// error is not nil for.
type pendingOperation struct {
	decl *ast.FuncDecl // the function that holds it
	lit  *ast.FuncLit
	rep  facts.Repeat
	call *ast.CallExpr
	send *ast.CallExpr
	errs codeset.Set
}

// checkOperation keeps an operation run again while it returns an error,
// to be read on the SSA form (operation).
func (c *retryChecker) checkOperation(lit *ast.FuncLit, rep facts.Repeat, call *ast.CallExpr) {
	_, send, errs := c.findSend(lit.Body.List)
	if send == nil {
		return
	}
	for _, fc := range c.AllFiles {
		if cur, ok := fc.FindByPos(lit.Pos(), lit.End()); ok {
			if fd := typesx.EnclosingFunc(cur); fd != nil {
				c.operations = append(c.operations, pendingOperation{fd, lit, rep, call, send, errs})
			}
			return
		}
	}
}

// operation reports the statuses an operation run again re-sends: the
// ways from its send to a return of an error that goes round, on the SSA
// form (engine.Operation): not nil, not wrapped in the library's marker
// that stops it, or wrapped in the one that retries where the library
// has one.
func (c *retryChecker) operation(o pendingOperation) {
	sc := c.ssaCalls[o.send.Lparen]
	if sc == nil || c.polls(o.decl, o.send, sc) {
		return // not built, or a wait for readiness
	}
	retried := func(v ssa.Value) bool {
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			return false
		}
		marker := knowledge.Key{}
		if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		}
		if call, ok := v.(*ssa.Call); ok {
			if callee := call.Call.StaticCallee(); callee != nil {
				if fn, ok := callee.Object().(*types.Func); ok {
					marker = typesx.FuncKey(fn)
				}
			}
		}
		if o.rep.Only != (knowledge.Key{}) {
			return marker == o.rep.Only
		}
		return marker == (knowledge.Key{}) || marker != o.rep.Stop
	}
	edges, _ := engine.Operation(sc, o.errs, c, retried)
	frags, waited := c.edgeFrags(o.lit.Body, edges)
	c.reportRetries(frags, o.call, waited.Or(waitedIf(o.rep.Waits || c.readsRetryAfter(o.lit.Body))), "")
}

// returnAt returns the return statement of root at pos, or nil.
func returnAt(root ast.Node, pos token.Pos) ast.Node {
	var found ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok && r.Return == pos {
			found = r
		}
		return found == nil
	})
	return found
}

// findOption returns the option opt given to a retry call (retry-go's
// RetryIf), or nil.
func (c *retryChecker) findOption(call *ast.CallExpr, opt knowledge.Key) *ast.CallExpr {
	for _, a := range call.Args {
		if o, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if key, _, _, ok := typesx.Resolve(c.Pass.TypesInfo, o); ok && key == opt {
				return o
			}
		}
	}
	return nil
}

// checkRetryIf checks a retry call whose option decides from the
// operation's error (retry-go's RetryIf): the statuses retried are those
// for which the operation returns an error and the option's predicate,
// given that error, returns true. A predicate that does not test the error
// against nil (only its type or text) is not judged.
func (c *retryChecker) checkRetryIf(call *ast.CallExpr, param int, opt *ast.CallExpr) {
	if len(opt.Args) != 1 || param >= len(call.Args) {
		return
	}
	op, ok := ast.Unparen(call.Args[param]).(*ast.FuncLit)
	if !ok {
		return
	}
	opErrs, sends := c.sentErrors(op.Body.List)
	if !sends {
		return
	}
	var ev predEval
	ok = false
	switch p := ast.Unparen(opt.Args[0]).(type) {
	case *ast.FuncLit:
		ev, ok = c.litDecision(p, opErrs, true)
	case *ast.Ident:
		if fn, isFunc := c.Pass.TypesInfo.Uses[p].(*types.Func); isFunc && c.decisionFuncs()[fn] != nil {
			ev, ok = c.decisionOn(c.decisionFuncs()[fn], c.Decls[fn].Body, opErrs, true)
		}
	}
	if ok {
		c.reportRetries(ev.edges, call, ev.waited.Or(waitedIf(c.readsRetryAfter(op.Body))), "")
	}
}

// retryFieldAssign checks client.CheckRetry = policy, for the predicate
// fields knowledge lists. A backoff that honours Retry-After set in the
// same function makes the client wait for it.
func (c *retryChecker) retryFieldAssign(cur inspector.Cursor, as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || i >= len(as.Rhs) {
			continue
		}
		if hook, ok := c.predicateField(sel); ok {
			var waited codeset.Set
			if fn := typesx.EnclosingFuncNode(cur); fn != nil {
				waited = waitedIf(c.setsWaitingBackoff(fn))
			}
			c.checkHookFunc(as.Rhs[i], hook, nil, waited)
		}
	}
}

// retryClientLit checks retryablehttp.Client{CheckRetry: policy}, with
// the literal's backoff.
func (c *retryChecker) retryClientLit(lit *ast.CompositeLit) {
	typesx.LitFields(c.Pass.TypesInfo, lit, func(field types.Object, value ast.Expr, t types.Type) {
		fk, ok := typesx.FieldKey(field, t)
		if !ok {
			return
		}
		if hook, ok := knowledge.PredicateFields[fk]; ok {
			c.checkHookFunc(value, hook, nil, waitedIf(c.setsWaitingBackoff(lit)))
		}
		if knowledge.RetrySetFields[fk] {
			c.checkRetrySet(value, fk)
		}
	})
}

// checkRetrySet checks a set of retried statuses given to a retry
// library: a literal, or a package-level set of this package. Whether the
// library waits for Retry-After is not known, so only SL2001 is reported.
func (c *retryChecker) checkRetrySet(value ast.Expr, field knowledge.Key) {
	set := c.literalCodes(value)
	if id, ok := ast.Unparen(value).(*ast.Ident); ok {
		if v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			set, _ = c.codeSetVar(v)
		}
	}
	if !set.Empty() {
		c.reportRetries([]frag{{Set: set, At: value}}, nil, codeset.All, fmt.Sprintf(" (through %s.%s)", field.Recv, field.Name))
	}
}

// setsWaitingBackoff reports whether n gives a client a backoff that
// honours Retry-After (knowledge.RetryAfterWaits), outside the function
// literals in it.
func (c *retryChecker) setsWaitingBackoff(n ast.Node) bool {
	found := false
	var made []knowledge.Key // the backoff fields of waiting clients made here
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok && m != n {
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if fn, ok := c.Pass.TypesInfo.Uses[id].(*types.Func); ok {
				found = found || knowledge.RetryAfterWaits[typesx.FuncKey(fn)]
				if field, ok := knowledge.WaitingClients[typesx.FuncKey(fn)]; ok {
					made = append(made, field)
				}
			}
		}
		return !found
	})
	if found {
		return true
	}
	// A client made waiting (retryablehttp.NewClient()) waits while n
	// leaves its backoff alone.
	body, _ := n.(*ast.BlockStmt)
	switch n := n.(type) {
	case *ast.FuncDecl:
		body = n.Body
	case *ast.FuncLit:
		body = n.Body
	}
	for _, field := range made {
		if body != nil && !c.setsField(body, field) {
			return true
		}
	}
	return false
}

// hookedWaiting reports whether the package gives fn to a retry library
// as its decision (retryablehttp's CheckRetry = fn; resty's
// AddRetryCondition(fn)) only where the client waits as Retry-After says.
// False when it gives it nowhere.
func (c *retryChecker) hookedWaiting(fn *types.Func) bool {
	info := c.Pass.TypesInfo
	given, waits := false, true
	for _, cur := range c.refsTo(fn) {
		if typesx.InTestFile(c.Pass.Fset, cur.Node().Pos()) {
			continue // a test's client is the test's
		}
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if _, ok := c.predicateField(sel); ok {
						given = true
						fd := typesx.EnclosingFuncNode(cur)
						waits = waits && fd != nil && c.setsWaitingBackoff(fd)
					}
				}
			}
		case *ast.CallExpr:
			key, via, _, ok := typesx.Resolve(info, p)
			if _, isHook := knowledge.Lookup(knowledge.Hooks, key, via); ok && isHook {
				given = true
				waits = waits && c.libraryWaits(key.Path)
			}
		}
	}
	return given && waits
}

// funcValues returns the functions given to v, a local variable of
// function type, where it is declared or assigned.
func (c *retryChecker) funcValues(v *types.Var) []ast.Expr {
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc || typesx.IsPackageLevel(v) {
		return nil
	}
	return c.givenExprs(v)
}

// funcValuesOnce is funcValues the first time v is asked about, and
// nothing after: variables may be given each other.
func (c *retryChecker) funcValuesOnce(v *types.Var) []ast.Expr {
	if c.funcSeen[v] {
		return nil
	}
	c.funcSeen[v] = true
	return c.funcValues(v)
}

// givenExprs returns the expressions v, a variable of this package, is
// given whole: not a result of a call of several, not a value unknown.
func (c *retryChecker) givenExprs(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, d := range c.ValuesOf(v) {
		if d.Expr != nil && d.Index == 0 {
			if _, isTuple := c.Pass.TypesInfo.TypeOf(d.Expr).(*types.Tuple); !isTuple {
				out = append(out, d.Expr)
			}
		}
	}
	return out
}

// predicateField returns the hook of a predicate field selected by sel.
func (c *retryChecker) predicateField(sel *ast.SelectorExpr) (retryHook, bool) {
	s, ok := c.Pass.TypesInfo.Selections[sel]
	if !ok {
		return retryHook{}, false
	}
	key, ok := typesx.FieldKey(s.Obj(), s.Recv())
	hook, ok2 := knowledge.PredicateFields[key]
	return hook, ok && ok2
}

// setsField reports whether body sets the field named by key, by
// assignment or in a composite literal.
func (c *retryChecker) setsField(body *ast.BlockStmt, field knowledge.Key) bool {
	info := c.Pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if s, ok := info.Selections[n]; ok {
				key, _ := typesx.FieldKey(s.Obj(), s.Recv())
				found = found || key == field
			}
		case *ast.CompositeLit:
			typesx.LitFields(info, n, func(f types.Object, _ ast.Expr, t types.Type) {
				key, _ := typesx.FieldKey(f, t)
				found = found || key == field
			})
		}
		return !found
	})
	return found
}

// setThroughField reports whether the client cur's call makes is kept in
// a struct's field (T{F: NewClient()}, x.F = NewClient()) whose client
// the package sets the field override of elsewhere (x.F.CheckRetry = ...,
// in a function its constructor calls: opsgenie's setRetryPolicy). Code
// in test files counts only for a client made in one.
func (c *retryChecker) setThroughField(cur inspector.Cursor, override knowledge.Key) bool {
	info := c.Pass.TypesInfo
	var kept *types.Var
	switch p := cur.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && p.Value == cur.Node() {
			kept, _ = info.Uses[id].(*types.Var)
		}
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r != cur.Node() || i >= len(p.Lhs) || len(p.Lhs) != len(p.Rhs) {
				continue
			}
			if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					kept, _ = s.Obj().(*types.Var)
				}
			}
		}
	}
	if kept == nil || !kept.IsField() {
		return false
	}
	inTest := typesx.InTestFile(c.Pass.Fset, cur.Node().Pos())
	for _, fc := range c.Checked {
		if !inTest && typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue
		}
		for a := range fc.Preorder((*ast.AssignStmt)(nil)) {
			for _, lhs := range a.Node().(*ast.AssignStmt).Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				s, ok := info.Selections[sel]
				if !ok {
					continue
				}
				if key, _ := typesx.FieldKey(s.Obj(), s.Recv()); key != override {
					continue
				}
				if x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
					if xs, ok := info.Selections[x]; ok && xs.Obj() == kept {
						return true
					}
				}
			}
		}
	}
	return false
}

// mayBeNil reports whether e, a function argument, may be nil: the nil
// literal, or a local of the function around cur declared without a value
// (gcs's var retryFunc func(error) bool, set only when the user gave a
// predicate) whose address is not taken.
func (c *retryChecker) mayBeNil(cur inspector.Cursor, e ast.Expr) bool {
	info := c.Pass.TypesInfo
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	if _, isNil := info.Uses[id].(*types.Nil); isNil {
		return true
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || typesx.IsPackageLevel(v) {
		return false
	}
	fd := typesx.EnclosingFunc(cur)
	if fd == nil || fd.Body == nil {
		return false
	}
	declaredZero, addressed := false, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for _, name := range n.Names {
				if info.Defs[name] == v && len(n.Values) == 0 {
					declaredZero = true
				}
			}
		case *ast.UnaryExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[x] == v {
				addressed = true
			}
		}
		return true
	})
	return declaredZero && !addressed
}
