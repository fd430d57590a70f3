package retry

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// summary is what the retry pass knows of a function of this package: the
// codes it retries as a retry decision, and the statuses its error result
// tells about.
type summary struct {
	pred predResult
	err  errResult
}

// same reports whether two summaries say the same; the edges of a
// predicate follow from what it says.
func (s summary) same(t summary) bool {
	return s.pred.ok == t.pred.ok && s.pred.fact == t.pred.fact && s.err.ok == t.err.ok && s.err.fact.Equal(t.err.fact)
}

// maxRounds bounds the rounds of a component's fixed point. A component
// whose summaries still change then (a negated recursive call can make
// them oscillate) is left unknown, which reports nothing.
const maxRounds = 8

// summaryOf returns fn's summary, computing it on first use.
//
// Functions that call each other make their summaries depend on each
// other. To get the same answer whatever order they are asked in, the
// package's call graph is cut into strongly connected components, and a
// component's summaries are computed together to a fixed point, from
// nothing retried and no error, in declaration order: the least fixed
// point, which is what the code does, since a path that only recurses
// never returns.
func (c *retryChecker) summaryOf(fn *types.Func) summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	if s, ok := c.solving[fn]; ok {
		return *s // a member of the component being solved: this round's value
	}
	if c.Decls[fn] == nil {
		return summary{}
	}
	if c.comps == nil {
		c.comps, c.cyclic = sccs(c.Decls, c.refsFrom)
	}
	comp := c.comps[fn]
	if !c.cyclic[fn] {
		s := c.evalSummary(fn)
		c.sums[fn] = s
		return s
	}
	for _, m := range comp {
		c.solving[m] = &summary{pred: c.bottomPred(m)}
	}
	converged := false
	for round := 0; round < maxRounds && !converged; round++ {
		converged = true
		for _, m := range comp {
			s := c.evalSummary(m)
			if !s.same(*c.solving[m]) {
				converged = false
			}
			*c.solving[m] = s
		}
	}
	for _, m := range comp {
		if converged {
			c.sums[m] = *c.solving[m]
		} else {
			c.sums[m] = summary{}
		}
		delete(c.solving, m)
	}
	return c.sums[fn]
}

// bottomPred is where a recursive retry decision starts: a decision that
// retries nothing yet.
func (c *retryChecker) bottomPred(fn *types.Func) predResult {
	sig := fn.Signature()
	result, ok := sigDecision(sig)
	if !ok {
		return predResult{}
	}
	for i, p := range slices.Collect(sig.Params().Variables()) {
		if typesx.IsInteger(p.Type()) || status.IsResponseType(p.Type()) {
			return predResult{fact: facts.Pred{Arg: i, Result: result}, ok: true}
		}
	}
	return predResult{fact: facts.Pred{Result: result}, ok: true}
}

// evalSummary evaluates fn's body once, with the summaries known so far.
func (c *retryChecker) evalSummary(fn *types.Func) summary {
	decl := c.Decls[fn]
	var s summary
	if f, ok := c.memberPred(fn); ok {
		s.pred = predResult{fact: f, ok: true}
	} else if _, decides := sigDecision(fn.Signature()); decides {
		// Both evaluations ask this first, from the syntax.
		f, ok := c.ssaDecision(fn, knowledge.ErrTransport)
		if ok {
			s.pred = predResult{f.fact(), true, f.edges}
		} else if r, ok := c.ssaErrDecision(fn, codeset.All, nil); ok {
			s.pred = r
		}
	}
	s.err = c.evalErrSummary(fn, decl)
	return s
}

// sccs returns, for each declared function, the strongly connected
// component of the package's call graph it belongs to (Tarjan's
// algorithm), its members in declaration order. A function refers to
// another when its body names it: a call, a method value, a function
// value passed on. cyclic holds the functions whose summaries depend on
// themselves: in a component of several, or referring to themselves.
func sccs(decls map[*types.Func]*ast.FuncDecl, edges func(*types.Func) []*types.Func) (comp map[*types.Func][]*types.Func, cyclic map[*types.Func]bool) {
	fns := typesx.SortedDecls(decls)
	comp = make(map[*types.Func][]*types.Func, len(fns))
	cyclic = map[*types.Func]bool{}
	index := map[*types.Func]int{}
	low := map[*types.Func]int{}
	onStack := map[*types.Func]bool{}
	var stack []*types.Func
	var visit func(fn *types.Func)
	visit = func(fn *types.Func) {
		index[fn] = len(index)
		low[fn] = index[fn]
		stack = append(stack, fn)
		onStack[fn] = true
		for _, g := range edges(fn) {
			if g == fn {
				cyclic[fn] = true
			}
			if _, seen := index[g]; !seen {
				visit(g)
				low[fn] = min(low[fn], low[g])
			} else if onStack[g] {
				low[fn] = min(low[fn], index[g])
			}
		}
		if low[fn] != index[fn] {
			return
		}
		var members []*types.Func
		for {
			m := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[m] = false
			members = append(members, m)
			if m == fn {
				break
			}
		}
		slices.SortFunc(members, func(a, b *types.Func) int { return int(decls[a].Pos() - decls[b].Pos()) })
		for _, m := range members {
			comp[m] = members
			if len(members) > 1 {
				cyclic[m] = true
			}
		}
	}
	for _, fn := range fns {
		if _, seen := index[fn]; !seen {
			visit(fn)
		}
	}
	return comp, cyclic
}
