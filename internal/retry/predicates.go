package retry

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
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
	edges []frag // where its body returns true, for reports
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
	edges       []frag
	waited      codeset.Set
}

func (p predEval) fact() facts.Pred {
	s := codesOf(p.edges)
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

// codeSetVar returns the codes a package-level map or slice literal of
// this package lists (map keys whose value is not false, slice elements),
// or that a set constructor is given.
func (c *retryChecker) codeSetVar(v *types.Var) (codeset.Set, bool) {
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
