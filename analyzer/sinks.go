package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statuslint/statuslint/analyzer/knowledge"
)

// A site says where a status value was found, for the diagnostic.
type site struct {
	// what names the sink: "WriteHeader", "http.Error", or for fields the
	// status expression it is compared with, assigned to or set in.
	what string
	// writes is true where the value is produced (a call, an assignment, a
	// literal, a return) rather than compared.
	writes bool
	// sentinels is true where values below 100 mean "no status": gin's
	// Render(-1, r), a framework's own ResponseWriter. Only net/http's
	// sinks panic on them.
	sentinels bool
	// via is set for a constant that travels to the sink through a local
	// variable or a struct field: the expression at the sink, whose site
	// is sink.
	via  ast.Expr
	sink string
}

// through returns the site of a constant stored in name, which reaches
// the sink of s at e. Values below 100 stored there are taken for "no
// status": the variable may be overwritten before the sink.
func (s site) through(name string, e ast.Expr) site {
	sink, via := s.what, e
	if s.via != nil {
		sink, via = s.sink, s.via // a hop further from the sink
	}
	return site{what: sink + " (through " + name + ")", writes: s.writes, sentinels: true, via: via, sink: sink}
}

// callSinks calls fn for each status argument of call.
func (c *sinkFinder) callSinks(call *ast.CallExpr, fn func(arg ast.Expr, s site)) {
	key, _, callee, ok := knowledge.Resolve(c.pass.TypesInfo, call)
	if !ok {
		return
	}
	if callee != nil && callee.Signature().Recv() != nil && key.Name == "WriteHeader" && len(call.Args) == 1 && isResponseWriter(callee.Signature().Recv().Type()) {
		fn(call.Args[0], site{what: "WriteHeader", writes: true, sentinels: !c.netHTTPWriter(call)})
		return
	}
	for _, s := range c.sinks[key.Name] {
		if s.Key == key {
			if s.Arg < len(call.Args) {
				fn(call.Args[s.Arg], site{what: s.Label(), writes: true, sentinels: s.Path != "net/http"})
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
	if key == (knowledge.Key{Path: "slices", Name: "Contains"}) && len(call.Args) == 2 && c.isStatusExpr(call.Args[1]) {
		// slices.Contains(codes, resp.StatusCode): the codes are statuses,
		// a literal's elements or a variadic parameter's arguments.
		s := site{what: "comparison with " + c.render(call.Args[1])}
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
	if params := c.wrapperParams(callee); params != nil {
		sig := callee.Signature()
		for _, w := range params {
			s := site{what: callee.Name(), writes: true, sentinels: w.partial}
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
		return
	}
	c.assertion(call, key, fn)
}

// assertion calls fn for the constants an assertion compares with a
// status: the argument beside a status in a call of a helper named for
// equality (AssertEqual(t, 200, resp.StatusCode), gotest.tools'
// assert.Equal, is.Equal, qt.Equals(got, want)), the value on the other
// side of quicktest's qt.Equals checker, and the argument of gomega's
// Equal matcher applied to a status: Expect(resp.StatusCode).To(Equal(200)).
func (c *sinkFinder) assertion(call *ast.CallExpr, key knowledge.Key, fn func(ast.Expr, site)) {
	info := c.pass.TypesInfo
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
	equalNamed := strings.Contains(strings.ToLower(key.Name), "equal")
	for i := 0; i+1 < len(call.Args); i++ {
		x, y := call.Args[i], call.Args[i+1]
		if isChecker(y) && i+2 < len(call.Args) {
			x, y = call.Args[i], call.Args[i+2] // got, qt.Equals, want
		} else if !equalNamed {
			continue
		}
		if c.isIntConst(x) || c.isIntConst(y) {
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
	mkey, _, _, ok := knowledge.Resolve(info, matcher)
	if !ok || !knowledge.GomegaEqualities[mkey] {
		return
	}
	ekey, evia, _, ok := knowledge.Resolve(info, expect)
	at, known := knowledge.GomegaActuals[ekey]
	if !known {
		at, known = knowledge.GomegaActuals[evia]
	}
	if ok && known && at < len(expect.Args) {
		c.comparison(expect.Args[at], matcher.Args[0], fn)
	}
}

// isIntConst reports whether e is an integer constant.
func (c *base) isIntConst(e ast.Expr) bool {
	tv := c.pass.TypesInfo.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int
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
	t := c.pass.TypesInfo.TypeOf(sel.X)
	if t == nil {
		return true
	}
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return true
	}
	// A named type of another package, an interface included (gin's
	// ResponseWriter, whose writer ignores codes below 1), is its own.
	return n.Obj().Pkg().Path() == "net/http"
}

// namedOf returns the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// isResponseWriter reports whether t has http.ResponseWriter's methods. It
// matches by method shape so that wrappers and interfaces that embed
// ResponseWriter count, without needing net/http's type object.
func isResponseWriter(t types.Type) bool {
	header, _, _ := types.LookupFieldOrMethod(t, true, nil, "Header")
	fn, ok := header.(*types.Func)
	if !ok || fn.Signature().Results().Len() != 1 {
		return false
	}
	named, ok := types.Unalias(fn.Signature().Results().At(0).Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "net/http" || named.Obj().Name() != "Header" {
		return false
	}
	write, _, _ := types.LookupFieldOrMethod(t, true, nil, "Write")
	_, ok = write.(*types.Func)
	return ok
}

// isStatusField reports whether obj, a field of the struct type recv (nil
// if unknown), holds an HTTP status: by identity for the fields the
// knowledge package lists, and by name for integer fields named
// StatusCode, HTTPStatus or HttpStatusCode (the cloud SDK's responses
// carry HttpStatusCode, its errors StatusCode) in a package that speaks
// HTTP.
func isStatusField(obj types.Object, recv types.Type) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || !isInteger(v.Type()) {
		return false
	}
	if knowledge.StatusFieldNames[v.Name()] {
		// By name only where the type speaks HTTP: Docker's
		// container.WaitResponse.StatusCode is an exit code.
		return speaksHTTP(v.Pkg()) || recv != nil && hasHTTPField(recv)
	}
	if recv != nil {
		key, _ := knowledge.FieldKey(v, recv)
		return knowledge.StatusFields[key]
	}
	return false
}

// speaksHTTP reports whether pkg is a package statuslint knows, or
// imports one (for a package from export data, one its API mentions): an
// SDK's response and error types sit beside its client.
func speaksHTTP(pkg *types.Package) bool {
	if knowledge.IsKnownPackage(pkg.Path()) || slices.ContainsFunc(knowledge.StatusFieldModules, func(m string) bool {
		return pkg.Path() == m || strings.HasPrefix(pkg.Path(), m+"/")
	}) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if knowledge.IsKnownPackage(imp.Path()) {
			return true
		}
	}
	return false
}

// hasHTTPField reports whether the struct t (or *t) has a field of a type
// from a package statuslint knows: azcore's ResponseError has its
// RawResponse *http.Response. (Its package, seen through another's export
// data, may show no imports at all.)
func hasHTTPField(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		ft := f.Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		if n, ok := types.Unalias(ft).(*types.Named); ok && n.Obj().Pkg() != nil && knowledge.IsKnownPackage(n.Obj().Pkg().Path()) {
			return true
		}
	}
	return false
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// comparison calls fn for the side of x == y that is compared with a status.
func (c *sinkFinder) comparison(x, y ast.Expr, fn func(ast.Expr, site)) {
	if c.isStatusExpr(x) {
		fn(y, site{what: "comparison with " + c.render(x)})
	} else if c.isStatusExpr(y) {
		fn(x, site{what: "comparison with " + c.render(y)})
	}
}

// statuses calls fn for each status value that n passes to a sink.
func (c *sinkFinder) statuses(n ast.Node, fn func(ast.Expr, site)) {
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
			if c.isStatusExpr(lhs) {
				fn(n.Rhs[i], site{what: "assignment to " + c.render(lhs), writes: true})
			}
		}
	case *ast.CompositeLit:
		c.compositeLit(n, fn)
	case *ast.SwitchStmt:
		if n.Tag == nil || !c.isStatusExpr(n.Tag) {
			return
		}
		s := site{what: "case of switch on " + c.render(n.Tag)}
		for _, stmt := range n.Body.List {
			for _, e := range stmt.(*ast.CaseClause).List {
				fn(e, s)
			}
		}
	}
}

func (c *sinkFinder) compositeLit(lit *ast.CompositeLit, fn func(ast.Expr, site)) {
	litFields(c.pass.TypesInfo, lit, func(field types.Object, value ast.Expr, typ types.Type) {
		if c.isStatusFieldOf(field, typ) {
			fn(value, site{what: types.TypeString(typ, pkgName) + " literal", writes: true})
		}
	})
}

// litFields calls fn for each field a struct literal sets, keyed or not,
// with the value and the struct type (&T elided in a []*T literal
// included).
func litFields(info *types.Info, lit *ast.CompositeLit, fn func(field types.Object, value ast.Expr, typ types.Type)) {
	typ := info.TypeOf(lit)
	if ptr, ok := types.Unalias(typ).(*types.Pointer); ok {
		typ = ptr.Elem()
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var field types.Object
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				field = info.Uses[key]
			}
			value = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil {
			fn(field, value, typ)
		}
	}
}

// pkgName qualifies type names by package name, as code spells them.
func pkgName(p *types.Package) string { return p.Name() }
