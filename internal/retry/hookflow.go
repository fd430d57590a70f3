package retry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// A retry library's decision hook (retryablehttp's Client.CheckRetry,
// resty's AddRetryCondition) is often not given where the decision is
// written: the decision is handed
// through the package's functions, closures and context values to where
// a client is made with it (gitlab's WithRequestRetry(f) stores f in the
// request's context; Do reads it back and makes a client with it). Which
// function values reach a hook is a question about values: the values
// package answers it over the package's SSA form, to a fixpoint, with
// another package's functions known by their facts.Hook.

// A hookTarget is a hook a value reaches: a field (retryablehttp's
// Client.CheckRetry) or a library's function it is given to (resty's
// AddRetryCondition, call), and the function of this package that gives it
// (nil for another package's, whose fact says whether it waits).
type hookTarget struct {
	key   knowledge.Key
	call  bool
	in    *ssa.Function
	waits bool
}

// hook returns what knowledge says of the target's hook.
func (t hookTarget) hook() retryHook {
	if t.call {
		return knowledge.Hooks[t.key]
	}
	return knowledge.PredicateFields[t.key]
}

// handedHooks follows function values to the retry libraries' decision
// hooks: it exports the facts.Hook of the package's exported functions,
// and checks each function given to one of the package's (or an
// import's) functions that hands it to a hook, as the hook's decision.
// Two decisions given where the order decides which one the client uses
// (two options in one list) are left alone. The SSA form is built only
// for a package that imports a library with such a hook, or a function
// with the fact.
func (c *retryChecker) handedHooks() {
	if !c.mayHandHooks() {
		return
	}
	pass := c.Pass
	files := c.handingFiles()
	if len(files) == 0 {
		return
	}
	sp := values.Build(pass, func(f *ast.File) bool { return slices.Contains(files, f) })
	funcs := values.Funcs(sp, files, pass.TypesInfo)
	targets := func(instr ssa.Instruction) []values.Use[hookTarget] {
		switch instr := instr.(type) {
		case *ssa.Store:
			if key, ok := hookField(instr.Addr); ok {
				return []values.Use[hookTarget]{{Value: instr.Val, Target: hookTarget{key: key, in: instr.Parent()}}}
			}
		case *ssa.Call:
			key, args := hookCall(&instr.Call)
			var uses []values.Use[hookTarget]
			for _, i := range args {
				uses = append(uses, values.Use[hookTarget]{Value: instr.Call.Args[i], Target: hookTarget{key: key, call: true, in: instr.Parent()}})
			}
			return uses
		}
		return nil
	}
	imported := func(fn *types.Func, i int) []hookTarget {
		var f facts.Hook
		if fn.Pkg() == pass.Pkg || !status.ImportFact(c.Pass, c.Index, fn, &f) {
			return nil
		}
		var out []hookTarget
		for _, p := range f.Params {
			if p.Index == i {
				out = append(out, hookTarget{key: p.Hook, call: p.Call, waits: p.Waits})
			}
		}
		return out
	}
	fl := values.Flow(funcs, targets, imported)
	c.exportHookFacts(fl)
	mixed := values.Mixed(fl.Given)
	for _, g := range fl.Given {
		if g.Call == nil || mixed[g.Func] {
			continue // set where it is written (retryFieldAssign), or one of several
		}
		arg := c.handedExpr(g)
		if arg == nil || typesx.FileOf(c.Checked, arg) == nil {
			continue
		}
		waits := true
		for _, t := range g.Targets {
			waits = waits && c.targetWaits(t)
		}
		t := g.Targets[0]
		callee := g.Call.Common().StaticCallee()
		why := fmt.Sprintf(" (through %s, which gives it to %s.%s)", callee.Name(), t.key.Recv, t.key.Name)
		c.checkHandedHook(arg, t.hook(), waitedIf(waits), why)
	}
}

// hookField returns the hook field a store into addr sets.
func hookField(addr ssa.Value) (knowledge.Key, bool) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return knowledge.Key{}, false
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return knowledge.Key{}, false
	}
	s, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return knowledge.Key{}, false
	}
	key, ok := typesx.FieldKey(s.Field(fa.Field), ptr.Elem())
	_, isHook := knowledge.PredicateFields[key]
	return key, ok && isHook
}

// hookCall returns the hook a call gives decisions to (resty's
// AddRetryCondition(f)), and the indexes of its SSA arguments that are
// decisions; none for a list of them, as values are not followed through
// lists.
func hookCall(call *ssa.CallCommon) (knowledge.Key, []int) {
	fn := call.StaticCallee()
	if fn == nil {
		return knowledge.Key{}, nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return knowledge.Key{}, nil
	}
	key := typesx.FuncKey(obj)
	hook, ok := knowledge.Hooks[key]
	if !ok {
		return knowledge.Key{}, nil
	}
	shift := 0
	if obj.Signature().Recv() != nil {
		shift = 1 // the receiver is SSA's first argument
	}
	var args []int
	for _, i := range hook.Args {
		if i >= 0 && i+shift < len(call.Args) {
			args = append(args, i+shift)
		}
	}
	return key, args
}

// hookPaths are the packages of the retry libraries with a decision
// hook (a field, or a function given decisions).
var hookPaths = func() map[string]bool {
	m := map[string]bool{}
	for key := range knowledge.PredicateFields {
		m[key.Path] = true
	}
	for key := range knowledge.Hooks {
		m[key.Path] = true
	}
	return m
}()

// mayHandHooks reports whether the package imports a library with a
// decision hook, or a function that hands one on.
func (c *retryChecker) mayHandHooks() bool {
	for _, imp := range c.Pass.Pkg.Imports() {
		if hookPaths[imp.Path()] {
			return true
		}
	}
	return c.importedFacts().hooks
}

// factKinds says which of the flows' facts a package imported.
type factKinds struct{ hooks, lists bool }

// importedFacts returns which of the flows' facts the pass imported,
// looked for once.
func (c *retryChecker) importedFacts() factKinds {
	if c.kinds == nil {
		c.kinds = &factKinds{}
		for _, f := range c.Pass.AllObjectFacts() {
			switch f.Fact.(type) {
			case *facts.Hook:
				c.kinds.hooks = true
			case *facts.ListRepeat:
				c.kinds.lists = true
			}
		}
	}
	return *c.kinds
}

// handingFiles returns the files a function value can be handed on in,
// towards a hook: where a hook field is set, a context value stored or
// read, or a function given to a function of the package or of another
// that hands it on (its facts.Hook). Only these
// are built in SSA form: values reach a hook through nothing else, and
// an SDK's other files (hundreds of service methods) cost nothing.
func (c *retryChecker) handingFiles() []*ast.File {
	info := c.Pass.TypesInfo
	var files []*ast.File
	for _, fc := range c.AllFiles {
		hands := false
		for cur := range fc.Preorder((*ast.SelectorExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.SelectorExpr:
				hands = isHookField(info, n.Sel)
			case *ast.KeyValueExpr:
				id, ok := n.Key.(*ast.Ident)
				hands = ok && isHookField(info, id)
			case *ast.CallExpr:
				hands = c.handsOn(n)
			}
			if hands {
				break
			}
		}
		if hands {
			files = append(files, fc.Node().(*ast.File))
		}
	}
	return files
}

// isHookField reports whether id names a hook field (by name first: a
// quick look at every selector of a package).
func isHookField(info *types.Info, id *ast.Ident) bool {
	if !hookFieldName[id.Name] {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.IsField()
}

// hookFieldName holds the names of the hook fields, for a quick look.
var hookFieldName = func() map[string]bool {
	m := map[string]bool{}
	for key := range knowledge.PredicateFields {
		m[key.Name] = true
	}
	return m
}()

// handsOn reports whether call can hand a value towards a hook: it stores
// or reads a context value, or gives a function to a function of the
// package or to one with a facts.Hook.
func (c *retryChecker) handsOn(call *ast.CallExpr) bool {
	info := c.Pass.TypesInfo
	if !slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return isFunc(info.TypeOf(a)) }) && !isContextCall(call) {
		return false // most calls: given no function
	}
	fn := typesx.Callee(info, call)
	if fn == nil {
		return false
	}
	if knowledge.ContextValues[typesx.FuncKey(fn)] {
		return true
	}
	if _, ok := knowledge.Hooks[typesx.FuncKey(fn)]; ok {
		return true
	}
	if fn.Pkg() != c.Pass.Pkg && !status.ImportFact(c.Pass, c.Index, fn, new(facts.Hook)) {
		return false
	}
	// A function given in a variadic list is not followed (values are
	// not followed through lists).
	sig := fn.Signature()
	for i, a := range call.Args {
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		if isFunc(info.TypeOf(a)) {
			return true
		}
	}
	return false
}

// isContextCall reports whether call may store or read a context value:
// a call of WithValue or of a Value method (by name, a quick look).
func isContextCall(call *ast.CallExpr) bool {
	var name string
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = f.Sel.Name
	case *ast.Ident:
		name = f.Name
	}
	return name == "WithValue" || name == "Value"
}

// isFunc reports whether t is a function type.
func isFunc(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// exportHookFacts exports the facts.Hook of each exported function with a
// parameter that reaches a hook.
func (c *retryChecker) exportHookFacts(fl *values.Flows[hookTarget]) {
	var fns []*ssa.Function
	for fn := range fl.Params {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		var f facts.Hook
		for i := range fn.Params {
			for _, t := range fl.Params[fn][i] {
				f.Params = append(f.Params, facts.HookParam{Index: i, Hook: t.key, Call: t.call, Waits: c.targetWaits(t)})
			}
		}
		if len(f.Params) > 0 {
			c.Pass.ExportObjectFact(obj, &f)
		}
	}
}

// targetWaits reports whether the client a hook is set in waits as
// Retry-After says: the function of this package that sets it gives it a
// backoff that does, or the package configures the library to; another
// package's, by its fact.
func (c *retryChecker) targetWaits(t hookTarget) bool {
	if t.in == nil {
		return t.waits
	}
	if t.call {
		return c.libraryWaits(t.key.Path)
	}
	fn := t.in
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	syntax := fn.Syntax()
	if syntax == nil {
		return false
	}
	return c.setsWaitingBackoff(syntax)
}

// handedExpr returns the syntax of the function value g gives: the
// literal, or the argument that names the function.
func (c *retryChecker) handedExpr(g values.Given[hookTarget]) ast.Expr {
	if lit, ok := g.Func.Syntax().(*ast.FuncLit); ok {
		return lit
	}
	call := c.callAt(g.Call.Pos())
	if call == nil {
		return nil
	}
	i := g.Arg
	if g.Call.Common().Signature().Recv() != nil {
		i-- // the receiver is SSA's first argument, not the call's
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// callAt returns the call of the package's files whose parenthesis is at
// pos (where SSA places a call).
func (c *retryChecker) callAt(pos token.Pos) *ast.CallExpr {
	if !pos.IsValid() {
		return nil
	}
	for _, fc := range c.AllFiles {
		f := fc.Node().(*ast.File)
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			if call := cur.Node().(*ast.CallExpr); call.Lparen == pos {
				return call
			}
		}
	}
	return nil
}

// checkHandedHook checks a function handed to a hook as that hook's
// decision.
func (c *retryChecker) checkHandedHook(arg ast.Expr, hook retryHook, waited codeset.Set, why string) {
	if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
		c.checkHookLit(lit, hook, waited, why)
		return
	}
	c.checkHookFunc(arg, hook, nil, waited)
}
