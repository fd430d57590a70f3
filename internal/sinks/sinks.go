package sinks

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// nodeTypes are the nodes where a status can reach a sink.
var nodeTypes = []ast.Node{
	(*ast.CallExpr)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.SwitchStmt)(nil),
}

// callSinks calls fn for each status argument of call.
func (c *sinkFinder) callSinks(call *ast.CallExpr, fn func(arg ast.Expr, s status.Site)) {
	if local := c.localCallee(call); local != nil {
		c.wrapperArgs(call, local, fn)
		return
	}
	key, _, callee, ok := typesx.Resolve(c.Pass.TypesInfo, call)
	if !ok {
		return
	}
	if callee != nil && callee.Signature().Recv() != nil && key.Name == "WriteHeader" && len(call.Args) == 1 && typesx.IsResponseWriter(callee.Signature().Recv().Type()) {
		fn(call.Args[0], status.Site{What: "WriteHeader", Writes: true, Sentinels: !c.netHTTPWriter(call)})
		return
	}
	for _, s := range c.sinks[key.Name] {
		if s.Key == key {
			site := status.Site{What: s.Label(), Writes: true, Sentinels: !knowledge.PanicsOnInvalid(s.Path)}
			if s.Arg < len(call.Args) {
				fn(call.Args[s.Arg], site)
			}
			if callee != nil && callee.Signature().Variadic() && s.Arg == callee.Signature().Params().Len()-1 && !call.Ellipsis.IsValid() {
				// A list of statuses (httpexpect's StatusList(200, 404)):
				// each is one.
				for _, a := range call.Args[min(s.Arg+1, len(call.Args)):] {
					fn(a, site)
				}
			}
			return // a known sink, whatever its body passes on
		}
	}
	if knowledge.EqualAsserts[key] {
		i := 1 // (t, expected, actual)
		if key.Recv != "" {
			i = 0 // (*Assertions).Equal(expected, actual)
		}
		if i+1 < len(call.Args) {
			c.comparison(call.Args[i], call.Args[i+1], fn)
		}
		return
	}
	if key == knowledge.SliceContains && len(call.Args) == 2 && status.IsStatusExpr(c.Pass, c.Index, call.Args[1]) {
		// slices.Contains(codes, resp.StatusCode): the codes are statuses,
		// a literal's elements or a variadic parameter's arguments.
		s := status.Site{What: "comparison with " + typesx.Render(c.Pass.Fset, call.Args[1])}
		if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				fn(e, s)
			}
		} else {
			fn(call.Args[0], s)
		}
		return
	}
	if callee == nil {
		return // a function variable, known only by its key
	}
	if c.wrapperArgs(call, callee, fn) {
		return
	}
	c.assertion(call, key, fn)
}

// wrapperArgs calls fn for the status arguments of call, a call of
// callee, if callee is a wrapper of a sink.
func (c *sinkFinder) wrapperArgs(call *ast.CallExpr, callee *types.Func, fn func(arg ast.Expr, s status.Site)) bool {
	params := c.wrapperParams(callee)
	if params == nil {
		return false
	}
	sig := callee.Signature()
	for _, w := range params {
		s := status.Site{What: callee.Name(), Writes: true, Sentinels: w.partial}
		args := call.Args[min(w.index, len(call.Args)):]
		if !sig.Variadic() || w.index != sig.Params().Len()-1 {
			args = args[:min(1, len(args))]
		} else if call.Ellipsis.IsValid() {
			args = nil // codes...: a slice, not constants
		}
		for _, a := range args {
			fn(a, s)
		}
	}
	return true
}

// importsQuicktest reports whether the package imports quicktest, whose
// checkers only a package that imports it can name.
func (c *sinkFinder) importsQuicktest() bool {
	if c.quicktest == 0 {
		c.quicktest = -1
		for _, p := range c.Pass.Pkg.Imports() {
			for k := range knowledge.QuicktestCheckers {
				if k.Path == p.Path() {
					c.quicktest = 1
				}
			}
		}
	}
	return c.quicktest > 0
}

// assertion calls fn for the constants an assertion compares with a
// status: the argument beside a status in a call of a helper named for
// equality (AssertEqual(t, 200, resp.StatusCode), gotest.tools'
// assert.Equal, is.Equal, qt.Equals(got, want)), the value on the other
// side of quicktest's qt.Equals checker, and the argument of gomega's
// Equal matcher applied to a status: Expect(resp.StatusCode).To(Equal(200)).
func (c *sinkFinder) assertion(call *ast.CallExpr, key knowledge.Key, fn func(ast.Expr, status.Site)) {
	info := c.Pass.TypesInfo
	isChecker := func(e ast.Expr) bool {
		var id *ast.Ident
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			id = e
		case *ast.SelectorExpr:
			id = e.Sel
		}
		obj := info.Uses[id]
		return id != nil && obj != nil && obj.Pkg() != nil && knowledge.QuicktestCheckers[knowledge.Key{Path: obj.Pkg().Path(), Name: obj.Name()}]
	}
	equalNamed := knowledge.EqualityHelperNames.Match(key.Name)
	quicktest := c.importsQuicktest()
	for i := 0; i+1 < len(call.Args); i++ {
		x, y := call.Args[i], call.Args[i+1]
		if quicktest && i+2 < len(call.Args) && isChecker(y) {
			x, y = call.Args[i], call.Args[i+2] // got, qt.Equals, want
		} else if !equalNamed {
			continue
		}
		if status.IsIntConst(c.Pass, x) || status.IsIntConst(c.Pass, y) {
			c.comparison(x, y, fn)
		}
	}
	if !knowledge.GomegaAssertions[key] || len(call.Args) == 0 {
		return
	}
	matcher, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	sel, ok2 := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !ok2 || len(matcher.Args) != 1 {
		return
	}
	expect, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return
	}
	mkey, _, _, ok := typesx.Resolve(info, matcher)
	if !ok || !knowledge.GomegaEqualities[mkey] {
		return
	}
	ekey, evia, _, ok := typesx.Resolve(info, expect)
	at, known := knowledge.GomegaActuals[ekey]
	if !known {
		at, known = knowledge.GomegaActuals[evia]
	}
	if ok && known && at < len(expect.Args) {
		c.comparison(expect.Args[at], matcher.Args[0], fn)
	}
}

// netHTTPWriter reports whether a WriteHeader call goes to net/http's
// ResponseWriter (or a writer that does not say which: an unnamed
// interface): one that panics on codes outside 100-999. A named writer
// type of another package is its own.
func (c *sinkFinder) netHTTPWriter(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return true
	}
	t := c.Pass.TypesInfo.TypeOf(sel.X)
	if t == nil {
		return true
	}
	n := typesx.NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return true
	}
	// A named type of another package, an interface included (gin's
	// ResponseWriter, whose writer ignores codes below 1), is its own.
	return knowledge.PanicsOnInvalid(n.Obj().Pkg().Path())
}

// comparison calls fn for the side of x == y that is compared with a status.
func (c *sinkFinder) comparison(x, y ast.Expr, fn func(ast.Expr, status.Site)) {
	if status.IsStatusExpr(c.Pass, c.Index, x) {
		fn(y, status.Site{What: "comparison with " + typesx.Render(c.Pass.Fset, x)})
	} else if status.IsStatusExpr(c.Pass, c.Index, y) {
		fn(x, status.Site{What: "comparison with " + typesx.Render(c.Pass.Fset, y)})
	}
}

// statuses calls fn for each status value that n passes to a sink.
func (c *sinkFinder) statuses(n ast.Node, fn func(ast.Expr, status.Site)) {
	switch n := n.(type) {
	case *ast.CallExpr:
		c.callSinks(n, fn)
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ { // relational comparisons test a class, not a code
			c.comparison(n.X, n.Y, fn)
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
			return
		}
		for i, lhs := range n.Lhs {
			if status.IsStatusExpr(c.Pass, c.Index, lhs) {
				fn(n.Rhs[i], status.Site{What: "assignment to " + typesx.Render(c.Pass.Fset, lhs), Writes: true, Stored: true})
			}
		}
	case *ast.CompositeLit:
		c.compositeLit(n, fn)
	case *ast.SwitchStmt:
		if n.Tag == nil || !status.IsStatusExpr(c.Pass, c.Index, n.Tag) {
			return
		}
		s := status.Site{What: "case of switch on " + typesx.Render(c.Pass.Fset, n.Tag)}
		for _, stmt := range n.Body.List {
			for _, e := range stmt.(*ast.CaseClause).List {
				fn(e, s)
			}
		}
	}
}

func (c *sinkFinder) compositeLit(lit *ast.CompositeLit, fn func(ast.Expr, status.Site)) {
	typesx.LitFields(c.Pass.TypesInfo, lit, func(field types.Object, value ast.Expr, typ types.Type) {
		if status.IsStatusFieldOf(c.Index, field, typ) {
			fn(value, status.Site{What: types.TypeString(typ, typesx.PkgName) + " literal", Writes: true, Stored: true})
		}
	})
}
