package retry

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A membership test decides on a list its caller gives: azcore's
// HasStatusCode(resp, options.StatusCodes...) is true exactly for the
// statuses of the list. Its fact says which parameters are the status and
// the list; each call is evaluated on the list it is given there.

// memberPred returns the fact of fn if it is a membership test: a
// decision true exactly for the statuses of a list parameter, of the
// status another parameter is or a response parameter carries, itself
// or by calling another (a wrapper, in the package or through a fact).
// It is read on fn's SSA form (engine.Decision) with the list holding
// none, then 404 alone, then 503 alone: true for what the list holds each
// time, and for nothing else, it is true for the list's.
func (c *retryChecker) memberPred(fn *types.Func) (facts.Pred, bool) {
	if _, ok := sigDecision(fn.Signature()); !ok || !takesList(fn.Signature()) {
		return facts.Pred{}, false // no build for what cannot be one
	}
	f := c.decisionFuncs()[fn]
	if f == nil {
		return facts.Pred{}, false
	}
	result, ok := sigDecision(f.Signature)
	if !ok {
		return facts.Pred{}, false
	}
	params := declaredParams(f)
	arg, l := -1, -1
	var g engine.Given
	for i, p := range params {
		t := p.Type()
		switch {
		case arg < 0 && status.IsResponseType(t):
			arg, g.Resp = i, p
		case arg < 0 && typesx.IsInteger(t):
			arg, g.Status = i, p
		case l < 0 && isIntList(t):
			l = i
		}
	}
	if arg < 0 || l < 0 {
		return facts.Pred{}, false
	}
	list, _ := params[l].Object().(*types.Var)
	run := func(holds codeset.Set) (codeset.Set, bool) {
		set, sure, _, ok := engine.Decision(f, g, result, codeset.Set{}, boundLists{c, map[*types.Var]codeset.Set{list: holds}})
		return set, ok && sure == codeset.All
	}
	for _, holds := range []codeset.Set{{}, codeset.Single(404), codeset.Single(503)} {
		if set, ok := run(holds); !ok || set != holds {
			return facts.Pred{}, false
		}
	}
	return facts.Pred{Arg: arg, List: l + 1, Result: result}, true
}

// takesList reports whether sig takes a list of integers.
func takesList(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if isIntList(p.Type()) {
			return true
		}
	}
	return false
}

// listGiven returns the codes of the list parameter i of fn that call
// gives: one list argument (codes... or a slice), or the variadic
// arguments, each a constant (by intConst); none if it gives none. ok is
// false if they are not known.
func (c *retryChecker) listGiven(call *ast.CallExpr, fn *types.Func, i int, intConst func(ast.Expr) (int64, bool)) (codeset.Set, bool) {
	if i >= len(call.Args) {
		return codeset.Set{}, true
	}
	if !fn.Signature().Variadic() || i != fn.Signature().Params().Len()-1 || call.Ellipsis.IsValid() {
		s := c.listCodes(call.Args[i], 0)
		return s, !s.Empty()
	}
	var s codeset.Set
	for _, a := range call.Args[i:] {
		k, ok := intConst(a)
		if !ok {
			return codeset.Set{}, false
		}
		s = s.Or(codeset.Single(k))
	}
	return s, true
}
