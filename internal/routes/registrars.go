package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A registrar is a function of the package that registers one route from
// its parameters: jaeger's addRoute(router, f, path) wraps f in middleware
// and calls router.HandleFunc(path, handler.ServeHTTP). Each of its calls
// is a route, read with the caller's arguments.
type registrar struct {
	// knowledge is the registration's, its argument indexes the
	// registrar's parameters'.
	knowledge knowledge.Route
	// routerArg is the router's parameter; -1 for net/http's default
	// mux (http.HandleFunc).
	routerArg int
	// returns is set when the registrar returns the registration's
	// result, whose chained method (gorilla's .Methods) applies.
	returns bool
}

// registrarOf returns what the function around the registration call at
// cur registers, if the function is a registrar: its only registration,
// with the path (perhaps after a constant prefix: path.Join("/admin", p),
// "/admin"+p), the router (a parameter, or the receiver and its fields:
// a project's router type) and the method (if not fixed) from its
// parameters, and its one handler parameter used in its body. routerArg
// is the registration's own router: -2 its receiver expression, -1
// net/http's default mux, an index its argument.
func (c *routeFinder) registrarOf(cur inspector.Cursor, rt knowledge.Route, routerArg int) (*types.Func, registrar, bool) {
	info := c.Pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	decl := typesx.EnclosingFunc(cur)
	if decl == nil || typesx.EnclosingFuncNode(cur) != decl || rt.MethodList || rt.Chain {
		return nil, registrar{}, false
	}
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil, registrar{}, false
	}
	params := fn.Signature().Params()
	paramOf := func(e ast.Expr) int { return typesx.ParamIndex(info, fn.Signature(), e) }
	reg := registrar{knowledge: rt, routerArg: -1}
	pathArg, prefix, field := c.joinedParam(argAt(call, rt.PathArg), paramOf, fn)
	if pathArg < 0 || field != "" && rt.PrefixField != "" {
		return nil, registrar{}, false
	}
	reg.knowledge.PathArg, reg.knowledge.Prefix = pathArg, joinPath(rt.Prefix, prefix)
	if field != "" {
		reg.knowledge.PrefixField = field
	}
	if rt.MethodArg >= 0 {
		if m, isConst := c.constString(argAt(call, rt.MethodArg)); isConst {
			// r.Handle("GET", path, h): the registrar's method is fixed.
			reg.knowledge.Method, reg.knowledge.MethodArg = strings.ToUpper(m), -1
		} else if reg.knowledge.MethodArg = paramOf(argAt(call, rt.MethodArg)); reg.knowledge.MethodArg < 0 {
			return nil, registrar{}, false
		}
	}
	var router ast.Expr
	switch {
	case routerArg >= 0:
		router = argAt(call, routerArg)
	case routerArg == -2:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
			router = sel.X
		}
	}
	if router != nil {
		if reg.routerArg = paramOf(router); reg.routerArg < 0 {
			// The receiver, or its router field: a router type of its
			// own. A router in a field it does not embed may have a
			// prefix of its own; so may one whose paths go after a
			// prefix field (prometheus/common's route.Router
			// registering r.prefix+path on r.rtr): its routes are under
			// a prefix not known where they are registered either way.
			if !c.ofReceiver(fn, router) && (reg.knowledge.PrefixField == "" || !c.receiverField(fn, router)) {
				return nil, registrar{}, false // a router of its own or a field's
			}
			reg.routerArg = -2
		}
	}
	handlers := 0
	for i := range params.Len() {
		p := params.At(i)
		if i != reg.routerArg && p.Name() != "_" && p.Name() != "" && isHandlerType(p.Type()) && typesx.UsesAny(info, decl.Body, map[*types.Var]bool{p: true}) {
			handlers++
			reg.knowledge.HandlerArg = i
		}
	}
	if handlers != 1 {
		return nil, registrar{}, false
	}
	if h := argAt(call, rt.HandlerArg); h == nil || !typesx.UsesAny(info, h, madeFrom(info, decl.Body, params.At(reg.knowledge.HandlerArg))) {
		// It registers another handler (the redirect ory/x's
		// RouterAdmin puts at the bare path), not the one given.
		return nil, registrar{}, false
	}
	if ret, ok := cur.Parent().Node().(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
		reg.returns = true
	}
	if !reg.returns {
		reg.knowledge.MethodCall = ""
	}
	return fn, reg, true
}

// A registration is a registration call of a function and what it is:
// the router's registration, or a registrar's (routerArg its router).
type registration struct {
	cur       inspector.Cursor
	rt        knowledge.Route
	routerArg int
}

// oneRegistrar returns the registrar a function with several
// registrations is, and the calls it is made of, when the calls that
// register its handler parameter (registrarOf) are one registration: the
// same but for the prefix one of them puts before the path, a field of
// the receiver that may be "" (ory/x's RouterAdmin.handle registering
// route when r.prefix is "" and path.Join(r.prefix, route) otherwise,
// which is route then too). A call that registers another handler (its
// redirect of the bare path) is not the registrar's.
func (c *routeFinder) oneRegistrar(regs []registration) (*types.Func, registrar, []*ast.CallExpr, bool) {
	var fn *types.Func
	var chosen registrar
	var calls []*ast.CallExpr
	prefixed := 0
	for _, r := range regs {
		f, reg, ok := c.registrarOf(r.cur, r.rt, r.routerArg)
		if !ok {
			continue
		}
		plain := reg
		plain.knowledge.PrefixField = ""
		if fn != nil {
			same := chosen
			same.knowledge.PrefixField = ""
			if f != fn || plain != same {
				return nil, registrar{}, nil, false
			}
		}
		if reg.knowledge.PrefixField != "" {
			prefixed++
		}
		if fn == nil || reg.knowledge.PrefixField != "" {
			chosen = reg
		}
		fn = f
		calls = append(calls, r.cur.Node().(*ast.CallExpr))
	}
	if fn == nil || len(calls) > 1 && prefixed != 1 || len(calls) > 2 {
		return nil, registrar{}, nil, false
	}
	return fn, chosen, calls, true
}

// madeFrom returns v and the variables of body assigned values made of
// it, directly or through one another (handler = logged(route, h)).
func madeFrom(info *types.Info, body *ast.BlockStmt, v *types.Var) map[*types.Var]bool {
	made := map[*types.Var]bool{v: true}
	for grew := true; grew; {
		grew = false
		ast.Inspect(body, func(n ast.Node) bool {
			var lhs, rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			default:
				return true
			}
			if len(lhs) != len(rhs) {
				return true
			}
			for i, l := range lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				if w, ok := info.ObjectOf(id).(*types.Var); ok && !made[w] && typesx.UsesAny(info, rhs[i], made) {
					made[w], grew = true, true
				}
			}
			return true
		})
	}
	return made
}

// joinedParam returns the parameter e is, perhaps after a constant
// prefix (path.Join("/admin", p), "/admin"+p), and that prefix, or after
// a field of fn's receiver (path.Join(r.prefix, p)), and that field's
// name; -1 if it is neither.
func (c *routeFinder) joinedParam(e ast.Expr, paramOf func(ast.Expr) int, fn *types.Func) (int, string, string) {
	if i := paramOf(e); i >= 0 {
		return i, "", ""
	}
	var head, tail ast.Expr
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			head, tail = x.X, x.Y
		}
	case *ast.CallExpr:
		if fn := typesx.Callee(c.Pass.TypesInfo, x); fn != nil && typesx.FuncKey(fn) == knowledge.PathJoin && len(x.Args) == 2 {
			head, tail = x.Args[0], x.Args[1]
		}
	}
	if head == nil {
		return -1, "", ""
	}
	i := paramOf(tail)
	if i < 0 {
		return -1, "", ""
	}
	if prefix, ok := c.constString(head); ok {
		return i, prefix, ""
	}
	if sel, ok := ast.Unparen(head).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		if f, ok := c.Pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var); ok && f.IsField() && c.ofReceiver(fn, sel.X) {
			if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
				return i, "", f.Name()
			}
		}
	}
	return -1, "", ""
}

// ofReceiver reports whether e is fn's receiver or a router it embeds
// (r.Router of a type embedding *httprouter.Router): fn is a method of a
// router type of the project's own. A router in a field it does not
// embed is another value, which may have a prefix of its own.
func (c *routeFinder) ofReceiver(fn *types.Func, e ast.Expr) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.Pass.TypesInfo.Uses[x] == recv
		case *ast.SelectorExpr:
			if v, ok := c.Pass.TypesInfo.ObjectOf(x.Sel).(*types.Var); !ok || !v.Embedded() {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
}

// receiverField reports whether e is a field of fn's receiver (r.rtr).
func (c *routeFinder) receiverField(fn *types.Func, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	f, ok := c.Pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
	return ok && f.IsField() && c.ofReceiver(fn, sel.X)
}

// learnRegistrars finds the registrars built on registrars (a router
// type's GET that calls its own Handle, which calls the library's), of
// this package or of another (RegistrarFact), until there are no more:
// a function whose one registration is such a call, with its router,
// path and handler from its parameters.
func (c *routeFinder) learnRegistrars(perDecl map[*ast.FuncDecl]int) {
	info := c.Pass.TypesInfo
	for range 4 {
		type call struct {
			cur inspector.Cursor
			reg registrar
		}
		var calls []call
		count := map[*ast.FuncDecl]int{}
		for _, fc := range c.AllFiles {
			for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
				if reg, ok := c.registrarFor(typesx.StaticCallee(info, cur.Node().(*ast.CallExpr))); ok {
					calls = append(calls, call{cur, reg})
					count[typesx.EnclosingFunc(cur)]++
				}
			}
		}
		learnt := false
		byDecl := map[*ast.FuncDecl][]registration{}
		var decls []*ast.FuncDecl
		for _, cl := range calls {
			decl := typesx.EnclosingFunc(cl.cur)
			if decl == nil || perDecl[decl] != 0 {
				continue
			}
			if byDecl[decl] == nil {
				decls = append(decls, decl)
			}
			byDecl[decl] = append(byDecl[decl], registration{cl.cur, cl.reg.knowledge, cl.reg.routerArg})
		}
		for _, decl := range decls {
			fn, reg, _, ok := c.oneRegistrar(byDecl[decl])
			if !ok {
				continue
			}
			if _, known := c.registrars[fn]; known {
				continue
			}
			c.registrars[fn] = reg
			c.wraps[decl] = true
			learnt = true
		}
		if !learnt {
			return
		}
	}
}

// registrarFor returns the registrar fn is: one of this package, or one
// of another by its RegistrarFact.
func (c *routeFinder) registrarFor(fn *types.Func) (registrar, bool) {
	if fn == nil {
		return registrar{}, false
	}
	if reg, ok := c.registrars[fn]; ok {
		return reg, true
	}
	if fn.Pkg() == c.Pass.Pkg {
		return registrar{}, false
	}
	if reg, ok := c.imported[fn]; ok {
		if reg == nil {
			return registrar{}, false
		}
		return *reg, true
	}
	var fact RegistrarFact
	if !status.ImportFact(c.Pass, c.Index, fn, &fact) {
		c.imported[fn] = nil
		return registrar{}, false
	}
	reg := &registrar{knowledge: fact.Route, routerArg: fact.RouterArg, returns: fact.Route.MethodCall != ""}
	c.imported[fn] = reg
	return *reg, true
}

// importsRegistrars reports whether the package calls a registrar of
// another package.
func (c *routeFinder) importsRegistrars() bool {
	for _, fc := range c.Checked {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			if fn := typesx.StaticCallee(c.Pass.TypesInfo, cur.Node().(*ast.CallExpr)); fn != nil && fn.Pkg() != c.Pass.Pkg {
				if _, ok := c.registrarFor(fn); ok {
					return true
				}
			}
		}
	}
	return false
}

// learntRouter reports whether t, or what it points to, is a router
// type learnt from its methods: one of them is a registrar on its
// receiver (a project's RouterAdmin whose GET registers on the
// httprouter it embeds).
func (c *routeFinder) learntRouter(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return false
	}
	if is, ok := c.learnt[named]; ok {
		return is
	}
	is := false
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok {
			if reg, ok := c.registrarFor(fn); ok && reg.routerArg == -2 {
				is = true
				break
			}
		}
	}
	c.learnt[named] = is
	return is
}

// RegistrarFact records that a function or method registers one route
// from its parameters (a registrar): a project's router type's GET, a
// helper given its router and path. Its calls in other packages are
// routes.
type RegistrarFact struct {
	Route     knowledge.Route
	RouterArg int
}

// AFact marks RegistrarFact as a fact.
func (*RegistrarFact) AFact() {}

func (f *RegistrarFact) String() string {
	m := f.Route.Method
	if m == "" {
		m = fmt.Sprintf("arg%d", f.Route.MethodArg)
	}
	prefix := f.Route.Prefix
	if f.Route.PrefixField != "" {
		prefix = "{" + f.Route.PrefixField + "}" + prefix
	}
	return fmt.Sprintf("registrar %s %s+arg%d on %d", m, prefix, f.Route.PathArg, f.RouterArg)
}

// exportRegistrars exports a RegistrarFact for each exported registrar
// of the package.
func exportRegistrars(c *routeFinder) {
	for _, fn := range typesx.SortedDecls(c.Decls) {
		if reg, ok := c.registrars[fn]; ok && fn.Exported() && !typesx.InTestFile(c.Pass.Fset, fn.Pos()) {
			c.Pass.ExportObjectFact(fn, &RegistrarFact{Route: reg.knowledge, RouterArg: reg.routerArg})
		}
	}
}

// isHandlerType reports whether t can hold a handler: a function, or a
// type with a ServeHTTP method.
func isHandlerType(t types.Type) bool {
	if t == nil {
		return false // not type-checked
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// registersOn reports whether the router at cur is the router argument of
// a registrar's call: handing a router to it registers a route on it.
func (c *routeFinder) registersOn(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	reg, ok := c.registrars[typesx.StaticCallee(c.Pass.TypesInfo, call)]
	return ok && reg.routerArg >= 0 && reg.routerArg < len(call.Args) && call.Args[reg.routerArg] == cur.Node()
}
