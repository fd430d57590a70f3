package retry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

type retryHook = knowledge.Hook

const (
	hookPredicate = knowledge.HookPredicate
	hookOperation = knowledge.HookOperation
)

// retryHook checks the calls of retry libraries: the conditions and
// operations they are given, and the policies they retry by default.
func (c *retryChecker) retryHook(cur inspector.Cursor, call *ast.CallExpr) {
	key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	if !ok {
		return
	}
	if why, ok := knowledge.RetryAllErrors[key]; ok {
		c.reportRetries([]frag{{set: errorStatuses, at: calledName(call)}}, nil, allCodes, " ("+why+")")
		return
	}
	if d, ok := knowledge.Defaults[key]; ok {
		if fd := typesx.EnclosingFunc(cur); fd == nil || !c.setsField(fd.Body, d.Override) {
			// Its default backoff honours Retry-After, so only the never
			// codes are at fault.
			p := knowledge.Policies[d.Policy]
			c.reportRetries([]frag{{set: policyCodes(p), at: calledName(call)}}, nil, waitedIf(p.WaitsRetryAfter), " ("+d.Why+")")
		}
		return
	}
	hook, ok := knowledge.Lookup(knowledge.Hooks, key, via)
	if !ok {
		return
	}
	if hook.Option != (knowledge.Key{}) {
		if opt := c.findOption(call, hook.Option); opt != nil {
			c.checkRetryIf(call, hook, opt)
			return
		}
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
		c.checkHookFunc(a, hook, call, codeSet{})
	}
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

// checkHookFunc checks one function given to a retry library; waited are
// the codes the client already waits for Retry-After on (its backoff).
func (c *retryChecker) checkHookFunc(arg ast.Expr, hook retryHook, call *ast.CallExpr, waited codeSet) {
	info := c.Pass.TypesInfo
	switch f := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		if hook.Kind == hookPredicate {
			ev, _ := c.evalPredicate(f.Type, f.Body, hook.Errs)
			c.reportRetries(ev.edges, nil, waited.or(ev.waited).or(waitedIf(c.readsRetryAfter(f.Body))), "")
			return
		}
		c.checkOperation(f, hook, call)
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		id := typesx.NameIdent(f) // nil for an instantiation, which is left alone
		if v, ok := info.Uses[id].(*types.Var); ok && hook.Kind == hookPredicate {
			// A policy kept in a variable: each function it is given
			// (once: variables may be given each other).
			if !c.funcSeen[v] {
				c.funcSeen[v] = true
				for _, val := range c.funcValues(v) {
					c.checkHookFunc(val, hook, call, waited)
				}
			}
			return
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || hook.Kind != hookPredicate {
			return
		}
		if fn.Pkg() == c.Pass.Pkg && knowledge.RetryDecisionNames.Match(fn.Name()) {
			return // reported where it is declared, on its conditions
		}
		if p, ok := c.predicate(fn); ok {
			// Libraries' own policies may come with a backoff that
			// honours Retry-After.
			c.reportRetries([]frag{{set: p.Set, at: arg}}, nil, waited.or(p.Waited), fmt.Sprintf(" (through %s)", fn.Name()))
		}
	}
}

// checkOperation checks an operation a retry library re-runs while it
// returns a retryable error.
func (c *retryChecker) checkOperation(lit *ast.FuncLit, hook retryHook, call *ast.CallExpr) {
	i, send, errs := c.findSend(lit.Body.List)
	if send == nil {
		return
	}
	ev := &evaluator{c: c, errs: c.sendErrs(lit.Body.List[i], send, errs)}
	info := c.Pass.TypesInfo
	fl := &flow{ev: ev, mode: modeOperation}
	fl.retried = func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if info.Types[e].IsNil() {
			return false
		}
		if call, ok := e.(*ast.CallExpr); ok {
			if key, _, _, ok := typesx.Resolve(info, call); ok {
				if hook.Only != (knowledge.Key{}) {
					return key == hook.Only
				}
				if key == hook.Stop {
					return false
				}
			}
		}
		return hook.Only == (knowledge.Key{})
	}
	fl.stmts(lit.Body.List[i:], []frag{{set: allCodes}}, nil)
	c.reportRetries(fl.edges, call, ev.waited.or(waitedIf(c.readsRetryAfter(lit.Body))), "")
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
func (c *retryChecker) checkRetryIf(call *ast.CallExpr, hook retryHook, opt *ast.CallExpr) {
	if len(opt.Args) != 1 || len(hook.Args) != 1 || hook.Args[0] < 0 || hook.Args[0] >= len(call.Args) {
		return
	}
	op, ok := ast.Unparen(call.Args[hook.Args[0]]).(*ast.FuncLit)
	if !ok {
		return
	}
	opErrs, sends := c.sentErrors(op.Body.List)
	if !sends {
		return
	}
	var ft *ast.FuncType
	var body *ast.BlockStmt
	switch p := ast.Unparen(opt.Args[0]).(type) {
	case *ast.FuncLit:
		ft, body = p.Type, p.Body
	case *ast.Ident:
		if fn, ok := c.Pass.TypesInfo.Uses[p].(*types.Func); ok && c.decls[fn] != nil {
			ft, body = c.decls[fn].Type, c.decls[fn].Body
		}
	}
	if body == nil {
		return
	}
	ev, ok := c.evalPredicateErrs(ft, body, opErrs, true)
	if ok {
		c.reportRetries(ev.edges, call, ev.waited.or(waitedIf(c.readsRetryAfter(op.Body))), "")
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
			var waited codeSet
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
	if !set.empty() {
		c.reportRetries([]frag{{set: set, at: value}}, nil, allCodes, fmt.Sprintf(" (through %s.%s)", field.Recv, field.Name))
	}
}

// setsWaitingBackoff reports whether n gives a client a backoff that
// honours Retry-After (knowledge.RetryAfterWaits), outside the function
// literals in it.
func (c *retryChecker) setsWaitingBackoff(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok && m != n {
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if fn, ok := c.Pass.TypesInfo.Uses[id].(*types.Func); ok && knowledge.RetryAfterWaits[typesx.FuncKey(fn)] {
				found = true
			}
		}
		return !found
	})
	return found
}

// funcValues returns the functions given to v, a local variable of
// function type, where it is declared or assigned.
func (c *retryChecker) funcValues(v *types.Var) []ast.Expr {
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc || typesx.IsPackageLevel(v) {
		return nil
	}
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
