package retry

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// A retry loop may go round on the statuses of a list its function is
// given (go-autorest's doRetryForStatusCodesImpl(s, r, ..., codes...),
// re-sending while ResponseHasStatusCode(resp, codes...)): what it
// re-sends is its callers' to say. The loop is followed with the list
// holding every status and none; the statuses that go round only with it
// are re-sent for each caller that lists them. A function that hands its
// own list parameter on to such a loop, through closures and calls
// (DoRetryForStatusCodes(attempts, backoff, codes...) returns a
// decorator whose closure calls the loop's function), is followed on the
// package's SSA form (the values package) and does the same; other
// packages see both by a facts.ListRepeat.

// exportCodesFacts exports the facts.Codes of the package's exported lists
// of constant codes.
func (c *retryChecker) exportCodesFacts() {
	scope := c.Pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !isIntList(v.Type()) {
			continue
		}
		if s, ok := c.codeSetVar(v); ok {
			c.Pass.ExportObjectFact(v, &facts.Codes{Set: s})
		}
	}
}

// A listLoop is a loop that re-sends what a list parameter of its
// function holds.
type listLoop struct {
	fn     *types.Func
	param  int // SSA numbering: a method's receiver is 0
	set    codeset.Set
	waited codeset.Set
	send   ast.Node
}

// listTarget is a listLoop as a target of the values package: the loop's
// function and parameter, and what the loop does, whether known here (a
// listLoop) or by a fact.
type listTarget struct {
	set, waited codeset.Set
	send        string
	local       *types.Func // the loop's function when it is this package's
	param       int
}

// listDecided records the statuses a loop re-sends only when a list
// parameter of its function holds them: the SSA flow followed once with
// the list holding every error status, once with none (listKnown).
func (c *retryChecker) listDecided(cur inspector.Cursor, loop ast.Stmt, body *ast.BlockStmt, send *ast.CallExpr, errs codeset.Set) {
	fd := typesx.EnclosingFunc(cur)
	if fd == nil {
		return
	}
	fn, _ := c.Pass.TypesInfo.Defs[fd.Name].(*types.Func)
	call := c.ssaCalls[send.Lparen]
	if fn == nil || call == nil {
		return
	}
	shift := 0
	if fn.Signature().Recv() != nil {
		shift = 1
	}
	for idx, p := range slices.Collect(fn.Signature().Params().Variables()) {
		if !isIntList(p.Type()) || !mentions(c.Pass.TypesInfo, body, p) {
			continue
		}
		round := func(list codeset.Set) (out codeset.Set) {
			edges, _ := engine.Resends(call, errs, listKnown{c, p, list})
			for _, e := range edges {
				if !e.Unread && !e.Set.Has(200) {
					out = out.Or(e.Set)
				}
			}
			return out
		}
		// The list holding every error status: a list that holds 200
		// too would read as a loop that goes round on success.
		with := round(codeset.Range(400, 599))
		without := round(codeset.Set{})
		decided := with.And(without.Not())
		if decided.Empty() {
			continue
		}
		c.listLoops = append(c.listLoops, listLoop{fn: fn, param: idx + shift, set: decided,
			waited: waitedIf(c.loopWaitsAfter(loop)), send: send})
	}
}

// listKnown is what the check knows, but that the list param holds set.
type listKnown struct {
	engine.Known
	param *types.Var
	set   codeset.Set
}

func (k listKnown) ListOf(v *types.Var) (codeset.Set, bool) {
	if v == k.param {
		return k.set, true
	}
	return k.Known.ListOf(v)
}

// isIntList reports whether t is a list of integers ([]int, a variadic
// ...int).
func isIntList(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && typesx.IsInteger(s.Elem())
}

// mentions reports whether n uses v.
func mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// listLoopCalls reports the calls that give a list loop, or a function
// that hands its list on to one, a list of statuses it re-sends, and
// exports the facts.ListRepeat of the package's exported functions.
func (c *retryChecker) listLoopCalls() {
	if len(c.listLoops) == 0 && !c.importedFacts().lists {
		return
	}
	pass := c.Pass
	targets := func(instr ssa.Instruction) []values.Use[listTarget] {
		call, ok := instr.(*ssa.Call)
		if !ok {
			return nil
		}
		callee := call.Call.StaticCallee()
		if callee == nil {
			return nil
		}
		obj, _ := callee.Object().(*types.Func)
		var uses []values.Use[listTarget]
		for _, l := range c.listLoops {
			if l.fn == obj && l.param < len(call.Call.Args) {
				uses = append(uses, values.Use[listTarget]{Value: call.Call.Args[l.param], Target: c.targetOf(l)})
			}
		}
		return uses
	}
	imported := func(fn *types.Func, i int) []listTarget {
		var f facts.ListRepeat
		if fn.Pkg() == pass.Pkg || !status.ImportFact(c.Pass, c.Index, fn, &f) || f.Param != i {
			return nil
		}
		return []listTarget{{set: f.Set, waited: f.Waited, send: f.Send, param: i}}
	}
	files := c.listFiles()
	var fl *values.Flows[listTarget]
	if len(files) > 0 {
		sp := values.Build(pass, func(f *ast.File) bool { return slices.Contains(files, f) })
		fl = values.Flow(values.Funcs(sp, files, pass.TypesInfo), targets, imported)
	}
	// What each function's parameters hand on: the loops' own, and
	// those the flow found.
	handed := map[*types.Func]map[int][]listTarget{}
	add := func(fn *types.Func, i int, t listTarget) {
		if handed[fn] == nil {
			handed[fn] = map[int][]listTarget{}
		}
		if !slices.Contains(handed[fn][i], t) {
			handed[fn][i] = append(handed[fn][i], t)
		}
	}
	for _, l := range c.listLoops {
		add(l.fn, l.param, c.targetOf(l))
	}
	if fl != nil {
		for sfn, ps := range fl.Params {
			if obj, ok := sfn.Object().(*types.Func); ok && sfn.Parent() == nil {
				for i, ts := range ps {
					for _, t := range ts {
						add(obj, i, t)
					}
				}
			}
		}
	}
	c.exportListFacts(handed)
	for _, fc := range c.Checked {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := typesx.Callee(pass.TypesInfo, call)
			if fn == nil {
				continue
			}
			ps := handed[fn]
			if ps == nil && fn.Pkg() != pass.Pkg {
				var f facts.ListRepeat
				if status.ImportFact(c.Pass, c.Index, fn, &f) {
					ps = map[int][]listTarget{f.Param: {{set: f.Set, waited: f.Waited, send: f.Send, param: f.Param}}}
				}
			}
			for i, ts := range ps {
				c.checkListCall(call, fn, i, ts)
			}
		}
	}
}

// checkListCall reports a call that gives parameter i (SSA numbering) of
// fn a list of statuses its loops re-send.
func (c *retryChecker) checkListCall(call *ast.CallExpr, fn *types.Func, i int, ts []listTarget) {
	if fn.Signature().Recv() != nil {
		i--
	}
	if i < 0 {
		return
	}
	list, known := c.listGiven(call, fn, i, c.intConst)
	if !known || list.Empty() {
		return // a list of the caller's caller, or none
	}
	for _, t := range ts {
		set := t.set.And(list)
		if set.Empty() {
			continue
		}
		var send ast.Node
		if t.local != nil {
			for _, l := range c.listLoops {
				if l.fn == t.local && c.targetOf(l) == t {
					send = l.send
				}
			}
		}
		why := fmt.Sprintf(" (through %s, whose loop re-sends at %s the statuses it is given)", fn.Name(), t.send)
		c.reportRetries([]frag{{Set: set, At: call}}, send, t.waited, why)
	}
}

// targetOf returns the listTarget of a loop of the package.
func (c *retryChecker) targetOf(l listLoop) listTarget {
	return listTarget{set: l.set, waited: l.waited, send: c.shortPos(l.send), local: l.fn, param: l.param}
}

// shortPos returns "file:line" of n, the file's base name.
func (c *retryChecker) shortPos(n ast.Node) string {
	p := c.Pass.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", baseName(p.Filename), p.Line)
}

// baseName is path.Base for file names of either slash.
func baseName(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			return name[i+1:]
		}
	}
	return name
}

// exportListFacts exports the facts.ListRepeat of the package's exported
// functions that re-send, or hand on to a loop that re-sends, what a
// list parameter holds (one per function: the first list).
func (c *retryChecker) exportListFacts(handed map[*types.Func]map[int][]listTarget) {
	fns := make([]*types.Func, 0, len(handed))
	for fn := range handed {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		if !fn.Exported() || fn.Pkg() != c.Pass.Pkg {
			continue
		}
		idx := slices.Sorted(func(yield func(int) bool) {
			for i := range handed[fn] {
				if !yield(i) {
					return
				}
			}
		})
		t := handed[fn][idx[0]][0]
		c.Pass.ExportObjectFact(fn, &facts.ListRepeat{Param: idx[0], Set: t.set, Waited: t.waited, Send: t.send})
	}
}

// listFiles returns the files where a list can be handed on to a list
// loop: those that call a function of the package with a list
// parameter, or another package's with the fact.
func (c *retryChecker) listFiles() []*ast.File {
	info := c.Pass.TypesInfo
	var files []*ast.File
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if !call.Ellipsis.IsValid() && !slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return isIntList(typeOr(info, a)) }) {
				continue
			}
			fn := typesx.Callee(info, call)
			if fn != nil && (fn.Pkg() == c.Pass.Pkg || status.ImportFact(c.Pass, c.Index, fn, new(facts.ListRepeat))) {
				files = append(files, fc.Node().(*ast.File))
				break
			}
		}
	}
	return files
}

// typeOr returns the type of e, or an invalid type.
func typeOr(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}
