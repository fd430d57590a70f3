package retry

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// decisionFuncs returns the SSA form of the package's decisions: its
// functions with a result that decides (decisionResult) and a status, a
// response or an error among their parameters, and the questions its
// error types answer (isErrMethod). Built once, for those alone.
func (c *retryChecker) decisionFuncs() map[*types.Func]*ssa.Function {
	if c.decisions != nil {
		return c.decisions
	}
	c.decisions = map[*types.Func]*ssa.Function{}
	keep := c.decisionDecls()
	if len(keep) == 0 {
		return c.decisions
	}
	sp := values.BuildBodies(c.Pass, func(d *ast.FuncDecl) bool { return keep[d] })
	for _, f := range values.Funcs(sp, c.Pass.Files, c.Pass.TypesInfo) {
		if obj, ok := f.Object().(*types.Func); ok && keep[c.Decls[obj]] {
			c.decisions[obj] = f
		}
	}
	return c.decisions
}

// decisionDecls returns the declarations of the package's decisions
// (decisionFuncs), found once.
func (c *retryChecker) decisionDecls() map[*ast.FuncDecl]bool {
	if c.decisionDecl != nil {
		return c.decisionDecl
	}
	c.decisionDecl = map[*ast.FuncDecl]bool{}
	for fn, decl := range c.Decls {
		if _, ok := sigDecision(fn.Signature()); ok && decl.Body != nil && (decisionParams(fn.Signature()) || isErrMethod(fn)) {
			c.decisionDecl[decl] = true
		}
	}
	return c.decisionDecl
}

// framed returns a decision's ways to true as the reports take them,
// each at the test in body that decided it (the cases of one clause
// together), and the statuses they wait for Retry-After for. ok is false
// where a way cannot be placed in the source.
func framed(body *ast.BlockStmt, edges []engine.Edge) (frags []frag, waited codeset.Set, ok bool) {
	for _, e := range edges {
		at := testAt(body, e.At)
		if at == nil {
			return nil, codeset.Set{}, false
		}
		waited = waited.Or(e.Waited)
		if k := slices.IndexFunc(frags, func(f frag) bool { return f.At == at }); k >= 0 {
			frags[k].Set = frags[k].Set.Or(e.Set)
			continue
		}
		frags = append(frags, frag{Set: e.Set, At: at})
	}
	return frags, waited, true
}

// errorLike reports whether t is error, or an interface of the package's
// that is one (bce's BceError): a decision's error parameter.
func errorLike(t types.Type) bool {
	return typesx.IsError(t) || types.IsInterface(t) && types.Implements(t, errorType)
}

// decisionParams reports whether sig has a parameter a decision decides
// on: a status, a response, an error.
func decisionParams(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if typesx.IsInteger(p.Type()) || status.IsResponseType(p.Type()) || errorLike(p.Type()) {
			return true
		}
	}
	return false
}

// ssaDecision evaluates fn, a decision of the package, on its SSA form
// (decisionOn), its error parameter the error of the given kind.
func (c *retryChecker) ssaDecision(fn *types.Func, kind knowledge.ErrKind) (predEval, bool) {
	f := c.decisionFuncs()[fn]
	if f == nil {
		return predEval{}, false
	}
	errs, known := errCodes(kind)
	return c.decisionOn(f, c.Decls[fn].Body, errs, known)
}

// litDecision evaluates lit, a decision written where it is given (a
// retry library's hook), on its SSA form (decisionOn); its error
// parameter is not nil for errs, if known.
func (c *retryChecker) litDecision(lit *ast.FuncLit, errs codeset.Set, known bool) (predEval, bool) {
	f := c.litFunc(lit)
	if f == nil {
		return predEval{}, false
	}
	return c.decisionOn(f, lit.Body, errs, known)
}

// enclosingDecl returns the function declaration n is in, or n itself
// where it is one; nil for a package-level variable's initializer.
func (c *retryChecker) enclosingDecl(n ast.Node) *ast.FuncDecl {
	for _, fc := range c.AllFiles {
		if cur, ok := fc.FindByPos(n.Pos(), n.End()); ok {
			if d, ok := cur.Node().(*ast.FuncDecl); ok {
				return d
			}
			return typesx.EnclosingFunc(cur)
		}
	}
	return nil
}

// litFunc returns the SSA form of lit, a function literal of the
// package, built with the other literals of its declaration.
func (c *retryChecker) litFunc(lit *ast.FuncLit) *ssa.Function {
	f, ok := c.litFuncs[lit]
	if ok {
		return f
	}
	decl := c.enclosingDecl(lit)
	// Every function literal of the declaration at once (a test gives
	// its client many), with the package's decisions they may call.
	keep := c.decisionDecls()
	build := values.BuildBodies
	if decl == nil {
		build = values.BuildBodiesInits // a package-level variable's
	}
	sp := build(c.Pass, func(d *ast.FuncDecl) bool { return d == decl || keep[d] })
	for _, g := range values.Funcs(sp, c.Pass.Files, c.Pass.TypesInfo) {
		if l, ok := g.Syntax().(*ast.FuncLit); ok {
			c.litFuncs[l] = g
		}
	}
	f = c.litFuncs[lit]
	c.litFuncs[lit] = f
	return f
}

// attemptSSA is attemptFunc's function on its SSA form: a literal, a
// declared decision, or the one literal a variable is given.
func (c *retryChecker) attemptSSA(arg ast.Expr) *ssa.Function {
	switch a := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		return c.litFunc(a)
	case *ast.Ident:
		switch attempt := c.Pass.TypesInfo.Uses[a].(type) {
		case *types.Func:
			return c.decisionFuncs()[attempt]
		case *types.Var:
			if d, ok := onlyValue(c.Index, attempt); ok && d.Index == 0 {
				if lit, ok := ast.Unparen(d.Expr).(*ast.FuncLit); ok {
					return c.litFunc(lit)
				}
			}
		}
	}
	return nil
}

// decisionOn evaluates f, a decision whose body is body, on its SSA form
// (engine.Decision): its status is its first integer parameter or the
// status of its first response parameter, and its first error parameter
// is the error of the send, not nil for errs (if known). With no status
// parameter, it decides by that error alone, where errs is not empty. ok
// is false where it decides nothing by a status: it is true for none, or
// for every one.
func (c *retryChecker) decisionOn(f *ssa.Function, body *ast.BlockStmt, errs codeset.Set, known bool) (predEval, bool) {
	result, ok := sigDecision(f.Signature)
	if !ok || len(f.Blocks) == 0 {
		return predEval{}, false
	}
	arg := -1
	var resp, code, err ssa.Value
	for i, p := range f.Params {
		t := p.Type()
		switch {
		case arg < 0 && typesx.IsInteger(t):
			arg, code = i, p
		case arg < 0 && status.IsResponseType(t):
			arg, resp = i, p
		case err == nil && known && errorLike(t):
			err = p
		}
	}
	if arg < 0 && (err == nil || errs.Empty()) {
		return predEval{}, false
	}
	if f.Signature.Recv() != nil {
		arg-- // the receiver is the first of f.Params
	}
	set, _, edges, complete := engine.Decision(f, engine.Given{Resp: resp, Status: code, Err: err}, result, errs, c)
	if !complete || set.Empty() || set == codeset.All {
		return predEval{}, false
	}
	frags, waited, ok := framed(body, edges)
	if !ok {
		return predEval{}, false
	}
	return predEval{arg: max(arg, 0), result: result, edges: frags, waited: waited}, true
}

// ssaErrMethod returns the statuses for which fn, a method of an error
// type of the package (isErrMethod), returns true, on its SSA form: its
// receiver the error, its status the receiver's status field, and true
// where a test of that status leads to a return of true.
func (c *retryChecker) ssaErrMethod(fn *types.Func) codeset.Set {
	f := c.decisionFuncs()[fn]
	if f == nil || len(f.Params) != 1 {
		return codeset.Set{}
	}
	set, _, _, ok := engine.Decision(f, engine.Given{Typed: f.Params[0]}, 0, codeset.Set{}, c)
	if !ok {
		return codeset.Set{}
	}
	return set
}

// ssaErrDecision evaluates fn, a decision over an error alone (no status
// or response among its parameters), on its SSA form: the error is not
// nil for errs, of the types typed for some. It returns the statuses for
// which a test of the status the error carries leads to true.
func (c *retryChecker) ssaErrDecision(fn *types.Func, errs codeset.Set, typed []facts.TypedErr) (predResult, bool) {
	return c.errDecisionOn(c.decisionFuncs()[fn], errs, typed)
}

// errDecisionOn is ssaErrDecision for f, a function's SSA form.
func (c *retryChecker) errDecisionOn(f *ssa.Function, errs codeset.Set, typed []facts.TypedErr) (predResult, bool) {
	if f == nil || len(f.Blocks) == 0 {
		return predResult{}, false
	}
	result, ok := sigDecision(f.Signature)
	if !ok {
		return predResult{}, false
	}
	arg := -1
	for i, p := range f.Params {
		t := p.Type()
		if status.IsResponseType(t) {
			return predResult{}, false // decisionOn's
		}
		if arg < 0 && errorLike(t) {
			arg = i // an integer beside it is another value (attempts)
		}
	}
	if arg < 0 {
		return predResult{}, false
	}
	run := func(errs codeset.Set, typed []facts.TypedErr, methods map[string]codeset.Set) (codeset.Set, bool) {
		set, _, _, complete := engine.Decision(f, engine.Given{Err: f.Params[arg], Types: typed, Methods: methods}, result, errs, c)
		return set, complete
	}
	set, complete := run(errs, typed, nil)
	if !complete {
		return predResult{}, false
	}
	recv := 0
	if f.Signature.Recv() != nil {
		recv = 1
	}
	if len(typed) == 0 && set.Empty() {
		// Evaluated for any error, and no test of its status decides:
		// a decision by a question the error answers (IsTemporary asks
		// Temporary()) says which one, where it is true for every
		// status when the answer is yes, and for fewer when it is no.
		if asked := engine.Asked(f, f.Params[arg], c); len(asked) == 1 {
			name := asked[0]
			yes, ok := run(codeset.All, nil, map[string]codeset.Set{name: codeset.All})
			if ok && yes == codeset.All {
				if no, ok := run(codeset.All, nil, map[string]codeset.Set{name: {}}); ok && no != codeset.All {
					return predResult{fact: facts.Pred{Arg: arg - recv, Set: no, OfErr: true, Result: result, Method: name}, ok: true}, true
				}
			}
		}
	}
	if set.Empty() {
		return predResult{}, false
	}
	// No ways for reports: a decision over an error decides the
	// statuses its callers' errors carry, where they call it.
	return predResult{fact: facts.Pred{Arg: arg - recv, Set: set, OfErr: true, Result: result}, ok: true}, true
}
