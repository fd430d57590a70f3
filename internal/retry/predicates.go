package retry

import (
	"go/ast"
	"go/constant"
	"go/types"
	"maps"
	"slices"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/retry/syntax"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// policyCodes is the set of codes a library's policy retries.
func policyCodes(p knowledge.Policy) codeset.Set {
	var s codeset.Set
	for _, r := range p.Codes {
		s = s.Or(codeset.Range(int64(r[0]), int64(r[1])))
	}
	return s
}

type predResult struct {
	fact  facts.Pred
	ok    bool
	edges []syntax.Frag // where its body returns true, for reports
}

// Predicate returns what fn retries, if it is a retry decision over a
// status or a response: from its body in this package, from its fact in
// another.
func (c *retryChecker) Predicate(fn *types.Func) (facts.Pred, bool) {
	if fn.Pkg() == nil {
		return facts.Pred{}, false
	}
	if p, ok := knowledge.Policies[typesx.FuncKey(fn)]; ok {
		f := facts.Pred{Arg: p.Arg, Set: policyCodes(p), List: p.List}
		if p.WaitsRetryAfter {
			f.Waited = f.Set
		}
		return f, true
	}
	if fn.Pkg() != c.Pass.Pkg {
		var f facts.Pred
		ok := status.ImportFact(c.Pass, c.Index, fn, &f)
		return f, ok
	}
	r := c.summaryOf(fn).pred
	return r.fact, r.ok
}

// predEval is a predicate's evaluation: the codes it retries, by
// condition, and which argument carries the status.
type predEval struct {
	arg, result int
	edges       []syntax.Frag
	waited      codeset.Set
}

func (p predEval) fact() facts.Pred {
	s := syntax.CodesOf(p.edges)
	return facts.Pred{Arg: p.arg, Set: s, Waited: s.And(p.waited), Result: p.result}
}

// decisionResult returns the index of the result that decides, if a
// function with results of these types is a decision: its first result,
// if a bool, or else its only bool result.
func decisionResult(results []types.Type) (int, bool) {
	if len(results) == 0 {
		return 0, false
	}
	at := -1
	for i, t := range results {
		if typesx.IsBool(t) {
			if i == 0 {
				return 0, true
			}
			if at >= 0 {
				return 0, false // two flags: which decides is not known
			}
			at = i
		}
	}
	return at, at >= 0
}

// sigDecision is decisionResult for a signature.
func sigDecision(sig *types.Signature) (int, bool) {
	var ts []types.Type
	for v := range sig.Results().Variables() {
		ts = append(ts, v.Type())
	}
	return decisionResult(ts)
}

// funcTypeDecision is decisionResult for a function's syntax (go/types
// records no type for a declaration's *ast.FuncType).
func (c *retryChecker) funcTypeDecision(ft *ast.FuncType) (int, bool) {
	if ft.Results == nil {
		return 0, false
	}
	var ts []types.Type
	for _, field := range ft.Results.List {
		t := c.Pass.TypesInfo.TypeOf(field.Type)
		for range max(len(field.Names), 1) {
			ts = append(ts, t)
		}
	}
	return decisionResult(ts)
}

// CodeSetVar returns the codes a package-level map or slice literal of
// this package lists (map keys whose value is not false, slice elements),
// or that a set constructor is given.
func (c *retryChecker) CodeSetVar(v *types.Var) (codeset.Set, bool) {
	if v.Pkg() != nil && v.Pkg() != c.Pass.Pkg && v.Parent() == v.Pkg().Scope() {
		var f facts.Codes // another package's list, by its fact
		if status.ImportFact(c.Pass, c.Index, v, &f) {
			return f.Set, !f.Set.Empty()
		}
		return codeset.Set{}, false
	}
	if v.Pkg() != c.Pass.Pkg || v.Parent() != c.Pass.Pkg.Scope() {
		return codeset.Set{}, false
	}
	if s, ok := c.sets[v]; ok {
		return s, !s.Empty()
	}
	var s codeset.Set
	for _, f := range c.Pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range vs.Names {
					if c.Pass.TypesInfo.Defs[name] == v && i < len(vs.Values) {
						s = c.literalCodes(vs.Values[i])
					}
				}
			}
		}
	}
	c.sets[v] = s
	return s, !s.Empty()
}

func (c *retryChecker) literalCodes(e ast.Expr) codeset.Set {
	var s codeset.Set
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		// A set type's constructor given the codes: set.CreateIntSet(408,
		// 429, ...). Every argument must be a constant code.
		for _, a := range call.Args {
			tv := c.Pass.TypesInfo.Types[a]
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				return codeset.Set{}
			}
			k, _ := constant.Int64Val(tv.Value)
			s = s.Or(codeset.Single(k))
		}
		return s
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return s
	}
	for _, elt := range lit.Elts {
		key := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key = kv.Key
			if tv := c.Pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
				continue
			}
			if _, isMap := c.Pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map); !isMap {
				key = kv.Value // an indexed slice element
			}
		}
		if tv := c.Pass.TypesInfo.Types[key]; tv.Value != nil && tv.Value.Kind() == constant.Int {
			k, _ := constant.Int64Val(tv.Value)
			s = s.Or(codeset.Single(k))
		}
	}
	return s
}

// boundAll reports whether every parameter of names is bound in consts.
func boundAll(info *types.Info, names []*ast.Ident, consts map[*types.Var]int64) bool {
	for _, name := range names {
		v, ok := info.Defs[name].(*types.Var)
		if !ok {
			return false
		}
		if _, ok := consts[v]; !ok {
			return false
		}
	}
	return len(names) > 0
}

// EvalErrPredicateOf evaluates a decision (decisionResult) whose only way
// to a status is an error parameter, for the syntax flow's evaluator
// (syntax.Oracle): the codes for which a status test in its body returns
// true, for an error argument that carries the statuses errs, of the
// types typed for some: a decision by the error's type (dropbox's
// errors.As(err, &auth.ServerError{})) then decides those statuses.
// consts binds integer parameters to the constants a call gives them
// (gcrane's hasStatusCode(err, 429)). What it returns true for without
// testing a status (a nil error, io.ErrUnexpectedEOF, a network error) is
// not counted: for the statuses a caller's error carries, that error is
// neither nil nor one of those. The check's own facts read decisions on
// their SSA form (ssaErrDecision).
func (c *retryChecker) EvalErrPredicateOf(ft *ast.FuncType, body *ast.BlockStmt, errs codeset.Set, typed []facts.TypedErr, consts map[*types.Var]int64) (facts.Pred, bool) {
	r, ok := c.runErrPredicate(ft, body, errs, typed, consts, nil)
	if !ok {
		return facts.Pred{}, false
	}
	if len(typed) == 0 && consts == nil {
		// Evaluated for any error: a decision by a question the error
		// answers (IsTemporary asks Temporary()) says which one.
		if f, ok := c.errPredicateByMethod(ft, body, r); ok {
			return f, true
		}
	}
	if !r.touched || r.set.Empty() {
		return facts.Pred{}, false
	}
	return facts.Pred{Arg: r.arg, Set: r.set, OfErr: true, Result: r.result}, true
}

// errPredRun is one evaluation of a decision over an error: the
// statuses it returns true for by a status test, and whether a test
// touched the status; arg is the error parameter, result the bool that
// decides, errVar the parameter.
type errPredRun struct {
	set         codeset.Set
	touched     bool
	arg, result int
	errVar      *types.Var
}

// runErrPredicate evaluates a decision over its error parameter, which
// carries the statuses errs, of the types typed for some, with methods
// bound as given.
func (c *retryChecker) runErrPredicate(ft *ast.FuncType, body *ast.BlockStmt, errs codeset.Set, typed []facts.TypedErr, consts map[*types.Var]int64, methods map[string]codeset.Set) (errPredRun, bool) {
	info := c.Pass.TypesInfo
	result, ok := c.funcTypeDecision(ft)
	if body == nil || !ok {
		return errPredRun{}, false
	}
	ev := &syntax.Evaluator{Pass: c.Pass, Index: c.Index, O: c, Errs: map[*types.Var]codeset.Set{}, Params: map[*types.Var]bool{}, Symbolic: map[*types.Var]bool{}, ErrTypes: map[*types.Var][]facts.TypedErr{}, Consts: consts, Methods: methods}
	arg, i := -1, 0
	var errVar *types.Var
	for _, field := range ft.Params.List {
		t := info.TypeOf(field.Type)
		if status.IsResponseType(t) || typesx.IsInteger(t) && !boundAll(info, field.Names, consts) {
			return errPredRun{}, false // decisionOn's
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && arg < 0 && typesx.IsError(t) {
				arg = i
				errVar = v
				ev.Errs[v] = errs
				ev.ErrTypes[v] = typed
				ev.Symbolic[v] = true
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	if arg < 0 {
		return errPredRun{}, false
	}
	fl := &syntax.Flow{Ev: ev, Mode: syntax.ModePredicate, Result: result}
	fl.Stmts(body.List, []syntax.Frag{{Set: codeset.All}}, nil)
	var set codeset.Set
	for _, fr := range fl.Edges {
		if fr.At != nil {
			set = set.Or(fr.Set)
		}
	}
	return errPredRun{set: set, touched: ev.Touched, arg: arg, result: result, errVar: errVar}, true
}

// errPredicateByMethod returns the fact of a decision over an error that
// is true wherever one question the error answers is (IsTemporary:
// err.(temporary).Temporary(), or a call of another such decision): it
// is evaluated twice, the question assumed true for every status, then
// for none. It decides by the question when the first makes it true for
// every status and the second for fewer; the second's statuses are what
// it decides besides.
func (c *retryChecker) errPredicateByMethod(ft *ast.FuncType, body *ast.BlockStmt, r errPredRun) (facts.Pred, bool) {
	asked := c.methodsAsked(body, r.errVar)
	if len(asked) != 1 {
		return facts.Pred{}, false
	}
	name := asked[0]
	yes, ok := c.runErrPredicate(ft, body, codeset.All, nil, nil, map[string]codeset.Set{name: codeset.All})
	if !ok || yes.set != codeset.All {
		return facts.Pred{}, false
	}
	no, ok := c.runErrPredicate(ft, body, codeset.All, nil, nil, map[string]codeset.Set{name: {}})
	if !ok || no.set == codeset.All {
		return facts.Pred{}, false
	}
	return facts.Pred{Arg: r.arg, Set: no.set, OfErr: true, Result: r.result, Method: name}, true
}

// methodsAsked returns the names of the questions body asks of the
// error variable v (a method with no parameters and a bool result,
// called on v or on its assertion to another type) or has a decision by
// one ask of it, sorted.
func (c *retryChecker) methodsAsked(body *ast.BlockStmt, v *types.Var) []string {
	info := c.Pass.TypesInfo
	ev := &syntax.Evaluator{Pass: c.Pass, Index: c.Index, O: c, Errs: map[*types.Var]codeset.Set{v: codeset.All}, Symbolic: map[*types.Var]bool{v: true}}
	names := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := typesx.Callee(info, call)
		if fn == nil {
			return true
		}
		if engine.IsQuestion(fn) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && ev.ErrOfRecv(sel.X) == v {
				names[fn.Name()] = true
			}
			return true
		}
		if p, ok := c.Predicate(fn); ok && p.OfErr && p.Method != "" && p.Arg < len(call.Args) {
			if w, _, ok := ev.ErrVar(call.Args[p.Arg]); ok && w == v {
				names[p.Method] = true
			}
		}
		return true
	})
	return slices.Sorted(maps.Keys(names))
}
