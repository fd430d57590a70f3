package routes

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// RoutesFact records the routes a function registers on a router one of
// its parameters brings (func (r *APIRoutes) Setup(g *gin.RouterGroup)),
// with their paths after that router's prefix: a caller in another
// package, which knows the router it hands in, ties them.
type RoutesFact struct {
	Routes []Registered
}

// Registered is one route of a RoutesFact.
type Registered struct {
	// Param is the parameter that brings the router.
	Param int
	// Method is the route's method, "" for every method or several
	// (Methods).
	Method  string
	Methods []string
	// Path is the route's path after the router's prefix.
	Path string
	// At is the registration, "import/path/of/package/file.go:12".
	At string
	// Writes and Upgrades are what the route's handler writes, and
	// whether it takes the connection over.
	Writes   []Written
	Upgrades bool
	// Debug says that the handler serves the Go runtime's state
	// (debugHandler); Page, that it renders an HTML page (rendersHTML).
	Debug, Page bool
	// Tied is the operation the registering package tied the route to
	// ("GET /pets") where its path alone named one: its statuses were
	// checked there.
	Tied string
	// Through, if set, says that the route is registered by calling
	// this method of the interface the parameter is (ory/x healthx's
	// r.Handler("GET", "/health/alive", h) on its router interface),
	// with Args: Method and Path are those the method of the router a
	// caller hands in reads from Args (dispatch).
	Through string
	Args    []Arg
	// PrefixField is the field of the router's value whose prefix Path
	// lacks (knowledge.Route's PrefixField): unless the router a caller
	// hands in was made with it empty, it is as a router mounted under a
	// prefix not known there.
	PrefixField string
	// Added is the prefix the method of the router a caller handed in
	// put before Path (dispatch: a RouterAdmin's Handler adding
	// "/admin").
	Added string
	// Dependency says that At is in a dependency module: a package of
	// the module that hands a router to the function puts it at its
	// own call instead.
	Dependency bool
}

// An Arg is an argument of a call: its constant string value, if Known.
type Arg struct {
	Value string
	Known bool
}

// AFact marks RoutesFact as a fact.
func (*RoutesFact) AFact() {}

func (f *RoutesFact) String() string {
	var routes []string
	for _, r := range f.Routes {
		m := r.Method
		if len(r.Methods) > 0 {
			m = strings.Join(r.Methods, ",")
		}
		if m == "" {
			m = "*"
		}
		if r.Through != "" {
			var args []string
			for _, a := range r.Args {
				v := "?"
				if a.Known {
					v = strconv.Quote(a.Value)
				}
				args = append(args, v)
			}
			routes = append(routes, fmt.Sprintf("%s(%s)@%d", r.Through, strings.Join(args, ","), r.Param))
			continue
		}
		routes = append(routes, fmt.Sprintf("%s %s@%d", m, r.Path, r.Param))
	}
	return "routes[" + strings.Join(routes, " ") + "]"
}

// An env binds the parameters of a function inlined at a call to the
// call's arguments, which are read in the env outside it.
type env struct {
	vars  map[*types.Var]ast.Expr
	outer *env
}

// lookup returns the argument v is bound to, and the env to read it in.
func (e *env) lookup(v *types.Var) (ast.Expr, *env, bool) {
	for ; e != nil; e = e.outer {
		if arg, ok := e.vars[v]; ok {
			return arg, e.outer, true
		}
	}
	return nil, nil, false
}

// inOuter evaluates f with the env set to outer.
func (c *routeFinder) inOuter(outer *env, f func()) {
	saved := c.env
	c.env = outer
	f()
	c.env = saved
}

// maxInline bounds how deep calls are followed into the package's
// functions that register on a router they are given; maxFollowed, how
// many such calls a package's analysis follows in all (a helper called
// from many places, each calling others, would multiply): past it, the
// routes a call would add are not read, and nothing is said of them.
const (
	maxInline   = 4
	maxFollowed = 20000
)

// registered returns the routes fn, a function of this package, registers
// on routers its parameters bring, read with its parameters bound by e
// (nil: unbound, each route relative to fn's own parameter): its own
// registrations and those of the functions it hands a router to, of this
// package (followed into, with the arguments bound) or of another (by
// their RoutesFact).
func (c *routeFinder) registered(fn *types.Func, e *env, depth int) []route {
	if e == nil {
		if rs, ok := c.unbound[fn]; ok {
			return rs
		}
		rs := c.follow(fn, nil, depth)
		c.unbound[fn] = rs
		return rs
	}
	return c.follow(fn, e, depth)
}

// follow is registered without its cache.
func (c *routeFinder) follow(fn *types.Func, e *env, depth int) []route {
	fd := c.Decls[fn]
	if fd == nil || fd.Body == nil || depth > maxInline || !c.mayRegister(fn) {
		return nil
	}
	info := c.Pass.TypesInfo
	var out []route
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		key, via, _, resolved := typesx.Resolve(info, call)
		var rt knowledge.Route
		routerArg, direct := -2, false
		if resolved {
			rt, direct = knowledge.Lookup(knowledge.Routes, key, via)
		}
		if reg, ok := c.registrarFor(typesx.StaticCallee(info, call)); ok && !direct && !c.wraps[fd] {
			rt, routerArg, direct = reg.knowledge, reg.routerArg, true
		}
		if direct {
			// Relative to a parameter of fn when read unbound; read
			// again with the caller's arguments.
			var r0 route
			c.inOuter(nil, func() { r0 = c.route(call, rt, c.chained[call], routerArg) })
			if v, isVar := r0.root.(*types.Var); !isVar || c.paramFunc(v) != fn {
				return true
			}
			if e == nil {
				out = append(out, r0)
				return true
			}
			var r route
			c.inOuter(e, func() { r = c.route(call, rt, c.chained[call], routerArg) })
			out = append(out, r)
			return true
		}
		if param, name, ok := c.interfaceRegistration(call, fn); ok {
			// A router's registration, or a method of the package's
			// own type that callTarget follows into.
			if e == nil {
				out = append(out, c.throughRoute(call, param, name))
				return true
			}
			if arg, _, bound := e.lookup(param); bound {
				if rt, routerArg, ok := c.dispatch(c.Pass.TypesInfo.TypeOf(arg), name); ok {
					var r route
					c.inOuter(e, func() { r = c.route(call, rt, nil, routerArg) })
					out = append(out, r)
					return true
				}
			}
		}
		target, recvArg := c.callTarget(call, e)
		if target == nil {
			return true
		}
		if target.Pkg() == c.Pass.Pkg {
			if target == fn || !c.mayRegister(target) || c.budget <= 0 {
				return true
			}
			c.budget--
			inner := &env{vars: map[*types.Var]ast.Expr{}, outer: e}
			sig := target.Signature()
			for i := range sig.Params().Len() {
				if i < len(call.Args) && !(sig.Variadic() && i == sig.Params().Len()-1) {
					inner.vars[sig.Params().At(i)] = call.Args[i]
				}
			}
			if recv := sig.Recv(); recv != nil && recvArg != nil {
				inner.vars[recv] = recvArg
			}
			for _, r := range c.registered(target, inner, depth+1) {
				r.via = call // the outermost call, once all are returned
				if r.from != nil {
					r.at = call // reported where this package hands the router on
				}
				out = append(out, r)
			}
			return true
		}
		out = append(out, c.factRoutes(call, target, e)...)
		return true
	})
	return out
}

// callTarget returns the function a call reaches: its static callee, or,
// for an interface method called on a parameter that e binds to a value
// of a concrete type (routes.Setup(group), routes a model.Routes given an
// *APIRoutes), that type's method; and the receiver expression.
func (c *routeFinder) callTarget(call *ast.CallExpr, e *env) (*types.Func, ast.Expr) {
	info := c.Pass.TypesInfo
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn := typesx.StaticCallee(info, call); fn != nil {
		if isSel && info.Selections[sel] != nil {
			return fn, sel.X
		}
		return fn, nil
	}
	if !isSel || info.Selections[sel] == nil || !types.IsInterface(info.Selections[sel].Recv()) {
		return nil, nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil, nil
	}
	arg, _, bound := e.lookup(v)
	if !bound {
		return nil, nil
	}
	t := info.TypeOf(arg)
	if t == nil || types.IsInterface(t) {
		return nil, nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, c.Pass.Pkg, sel.Sel.Name)
	fn, _ := obj.(*types.Func)
	return fn, arg
}

// factRoutes returns the routes a call of target, a function of another
// package, registers by its RoutesFact, on the routers the call's
// arguments bring, read in e.
func (c *routeFinder) factRoutes(call *ast.CallExpr, target *types.Func, e *env) []route {
	var fact RoutesFact
	if !status.ImportFact(c.Pass, c.Index, target, &fact) {
		return nil
	}
	var out []route
	for i := range fact.Routes {
		reg := &fact.Routes[i]
		var arg ast.Expr
		switch sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); {
		case reg.Param >= 0:
			arg = argAt(call, reg.Param)
		case isSel:
			arg = sel.X // the receiver brings the router
		}
		if arg == nil {
			continue
		}
		if reg.Through != "" {
			var ok bool
			if reg, ok = c.dispatched(reg, arg, e); !ok {
				continue
			}
			if reg.Through != "" {
				// A router interface of the caller's own parameter:
				// the caller's callers hand in the router.
				var res resolution
				c.inOuter(e, func() { c.prefix(&res, arg) })
				out = append(out, route{call: call, at: arg, from: reg, by: target, routerArg: -3, root: res.root, through: reg.Through, args: reg.Args})
				continue
			}
		}
		r := route{call: call, at: arg, method: reg.Method, methods: reg.Methods, own: reg.Path, from: reg, by: target, routerArg: -3}
		var res resolution
		prefix, known := "", false
		c.inOuter(e, func() { prefix, known = c.prefix(&res, arg) })
		r.mounted, r.tentative, r.root = res.mounted || reg.PrefixField != "" && res.empty != reg.PrefixField, res.tentative, res.root
		r.path, r.resolved, r.prefixUnknown = joinPath(prefix, reg.Path), known, !known
		out = append(out, r)
	}
	return out
}

// mayRegister reports whether fn, a function of this package, registers
// a route or calls a function that may: a router's registration, a
// registrar, a function of another package with a RoutesFact, an
// interface method called on a parameter, or such a function of this
// package.
func (c *routeFinder) mayRegister(fn *types.Func) bool {
	if may, ok := c.registers[fn]; ok {
		return may
	}
	c.registers[fn] = false // until known: a recursion registers nothing more
	fd := c.Decls[fn]
	if fd == nil || fd.Body == nil {
		return false
	}
	info := c.Pass.TypesInfo
	may := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || may {
			return !may
		}
		if key, via, _, ok := typesx.Resolve(info, call); ok {
			if _, ok := knowledge.Lookup(knowledge.Routes, key, via); ok {
				may = true
				return false
			}
		}
		target := typesx.StaticCallee(info, call)
		switch {
		case target == nil:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil && types.IsInterface(info.Selections[sel].Recv()) {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && v.Kind() == types.ParamVar {
						may = true
					}
				}
			}
		case c.isRegistrar(target):
			may = !c.wraps[fd]
		case target.Pkg() == c.Pass.Pkg:
			may = target != fn && c.mayRegister(target)
		default:
			var fact RoutesFact
			may = status.ImportFact(c.Pass, c.Index, target, &fact)
		}
		return !may
	})
	c.registers[fn] = may
	return may
}

// isRegistrar reports whether fn is a registrar, of this package or
// another.
func (c *routeFinder) isRegistrar(fn *types.Func) bool {
	_, ok := c.registrarFor(fn)
	return ok
}

// paramFunc returns the function of this package whose parameter (or
// receiver) v is, or nil.
func (c *routeFinder) paramFunc(v *types.Var) *types.Func {
	fn, _ := c.ParamOf(v)
	return fn
}

// expansions returns the routes that the package's functions register
// through the functions they hand a router to, where the router is not
// a parameter of their own: each read at its call, under the prefix of
// the router handed in. Those on a parameter of the caller are its own
// routes in turn (its RoutesFact, or its callers' expansions).
func (c *routeFinder) expansions() []route {
	var out []route
	seen := map[string]bool{}
	for _, fn := range typesx.SortedDecls(c.Decls) {
		if !c.checked(c.Decls[fn]) || typesx.InTestFile(c.Pass.Fset, fn.Pos()) {
			continue // a test's own server stands in for what it tests
		}
		for _, r := range c.registered(fn, nil, 0) {
			if r.via == nil && r.from == nil {
				continue // its own registration, found with the others
			}
			if r.through != "" {
				continue // on a router interface of fn's: which router, its callers say
			}
			if v, isVar := r.root.(*types.Var); r.via != nil && r.from != nil && (r.root == nil || isVar && v.IsField()) {
				continue // on a router the call does not bring: the function called lists it
			}
			if v, isVar := r.root.(*types.Var); isVar && c.paramFunc(v) == fn && (r.via != nil || !r.from.Dependency) {
				// On fn's own parameter: its callers' to read, but for
				// a dependency's registration, which is listed at the
				// module's first call of it, as a registration of the
				// module is where it is written.
				continue
			}
			key := fmt.Sprintf("%d %d %s %s %v", r.at.Pos(), r.call.Pos(), r.method, r.path, r.methods)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, r)
		}
	}
	return out
}

// checked reports whether n is in a file of the package being checked.
func (c *routeFinder) checked(n ast.Node) bool {
	for _, fc := range c.Checked {
		if f := fc.Node(); f.Pos() <= n.Pos() && n.End() <= f.End() {
			return true
		}
	}
	return false
}

// exportRoutes exports, for each exported function and method of the
// package, the routes it registers on a router one of its parameters (or
// its receiver) brings, with what their handlers write and the operation
// each was tied to here.
func exportRoutes(f *routeFinder, found []status.Found, tied map[*ast.CallExpr]string) {
	for _, fn := range typesx.SortedDecls(f.Decls) {
		if !fn.Exported() || typesx.InTestFile(f.Pass.Fset, fn.Pos()) {
			continue
		}
		var fact RoutesFact
		for _, r := range f.registered(fn, nil, 0) {
			v, isVar := r.root.(*types.Var)
			if !isVar || f.paramFunc(v) != fn || !r.resolved && !r.tentative && r.through == "" {
				continue
			}
			_, index := f.ParamOf(v)
			reg := Registered{Dependency: status.OfDependency(f.Pass), Param: index, Method: r.method, Methods: r.methods, Path: r.path, Through: r.through, Args: r.args,
				PrefixField: r.knowledge.PrefixField}
			if r.from != nil {
				reg.At, reg.Writes, reg.Upgrades, reg.Debug, reg.Page, reg.Tied = r.from.At, r.from.Writes, r.from.Upgrades, r.from.Debug, r.from.Page, r.from.Tied
				reg.PrefixField = r.from.PrefixField
				if r.from.Dependency && !status.OfDependency(f.Pass) {
					// Registered in a dependency: at the module's
					// call that reaches it, the code its users own.
					p := f.Pass.Fset.Position(r.call.Pos())
					reg.At = path.Join(f.Pass.Pkg.Path(), filepath.Base(p.Filename)) + fmt.Sprintf(":%d", p.Line)
				}
			} else {
				p := f.Pass.Fset.Position(r.at.Pos())
				reg.At = path.Join(f.Pass.Pkg.Path(), filepath.Base(p.Filename)) + fmt.Sprintf(":%d", p.Line)
				reg.Writes, reg.Upgrades, _ = f.handlerWritten(r, found)
				reg.Debug, reg.Page = f.debugHandler(r.handlerExpr), f.rendersHTML(r.handler)
				reg.Tied = tied[r.call]
			}
			if !slices.ContainsFunc(fact.Routes, func(o Registered) bool {
				return o.At == reg.At && o.Path == reg.Path && o.Method == reg.Method && o.Through == reg.Through && slices.Equal(o.Args, reg.Args)
			}) {
				fact.Routes = append(fact.Routes, reg)
			}
		}
		if len(fact.Routes) > 0 {
			f.Pass.ExportObjectFact(fn, &fact)
		}
	}
}

// debugHandler reports whether the handler expression e is built from a
// handler that serves the Go runtime's state (p.handler(pprof.Index),
// pprof.Handler("heap").ServeHTTP): the route is a debug endpoint.
func (c *routeFinder) debugHandler(e ast.Expr) bool {
	if e == nil {
		return false
	}
	if c.servesDebug(e) {
		return true
	}
	// A handler of the package whose body is one such handler's
	// answer (ory/x prometheusx's Metrics, calling
	// promhttp.Handler().ServeHTTP(w, r)).
	var body *ast.BlockStmt
	switch h := c.handlerFunc(e).(type) {
	case *ast.FuncDecl:
		body = h.Body
	case *ast.FuncLit:
		body = h.Body
	}
	if body == nil || len(body.List) != 1 {
		return false
	}
	switch stmt := body.List[0].(type) {
	case *ast.ExprStmt:
		return c.servesDebug(stmt.X)
	case *ast.ReturnStmt:
		return len(stmt.Results) == 1 && c.servesDebug(stmt.Results[0])
	}
	return false
}

// servesDebug reports whether e names a handler of DebugHandlers.
func (c *routeFinder) servesDebug(e ast.Node) bool {
	debug := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if fn, ok := c.Pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil && knowledge.DebugHandlers[typesx.FuncKey(fn)] {
				debug = true
			}
		}
		return !debug
	})
	return debug
}

// RouterFieldFact records the prefix of the one router a package sets in
// an exported field of its struct (coder's API.APIHandler, set once
// inside r.Route("/api/v2", ...)): packages that register on the field
// put their routes under it.
type RouterFieldFact struct {
	Prefix string
}

// AFact marks RouterFieldFact as a fact.
func (*RouterFieldFact) AFact() {}

func (f *RouterFieldFact) String() string { return "router under " + f.Prefix }

// exportRouterFields exports a RouterFieldFact for each exported field
// of the package's types that the package sets once to a router whose
// prefix it knows.
func exportRouterFields(c *routeFinder) {
	fields := c.fieldValues()
	vars := make([]*types.Var, 0, len(fields))
	for v := range fields {
		vars = append(vars, v)
	}
	slices.SortFunc(vars, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	for _, v := range vars {
		vals := fields[v]
		if !v.Exported() || len(vals) != 1 || vals[0] == nil || typesx.InTestFile(c.Pass.Fset, vals[0].Pos()) {
			continue
		}
		if !routerKind(v.Type(), knowledge.RootEngines) && !routerKind(v.Type(), knowledge.MountableRouters) && !c.learntRouter(v.Type()) {
			continue
		}
		var res resolution
		if prefix, ok := c.prefix(&res, vals[0]); ok && !res.tentative {
			c.Pass.ExportObjectFact(v, &RouterFieldFact{Prefix: prefix})
		}
	}
}

// mapRoutes returns the routes a package registers in a table of
// handlers by method and path (go-swagger's generated
// o.handlers["GET"]["/status"] = general.NewGetStatus(...)): an
// assignment, with constant keys, into a map of maps whose values can
// hold a handler. The paths are the spec's, under its base path.
func (c *routeFinder) mapRoutes() []route {
	info := c.Pass.TypesInfo
	var out []route
	// Generated files too: the table is in one (the checked files are
	// not).
	for _, fc := range c.AllFiles {
		if typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue
		}
		for cur := range fc.Preorder((*ast.AssignStmt)(nil)) {
			as := cur.Node().(*ast.AssignStmt)
			if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			inner, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
			if !ok {
				continue
			}
			outer, ok := ast.Unparen(inner.X).(*ast.IndexExpr)
			if !ok {
				continue
			}
			t := info.TypeOf(outer.X)
			if t == nil {
				continue
			}
			m, ok := t.Underlying().(*types.Map)
			if !ok {
				continue
			}
			byPath, ok := m.Elem().Underlying().(*types.Map)
			if !ok || !isHandlerType(byPath.Elem()) || !types.Identical(m.Key().Underlying(), types.Typ[types.String]) {
				continue
			}
			method, okMethod := c.constString(outer.Index)
			path, okPath := c.constString(inner.Index)
			call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if okPath && path == "" {
				path = "/" // the spec's "/", which go-swagger keys "": the base path itself
			}
			if !okMethod || !okPath || !isCall || !strings.HasPrefix(path, "/") {
				continue
			}
			var root any = outer.X
			if sel, ok := ast.Unparen(outer.X).(*ast.SelectorExpr); ok {
				root = info.ObjectOf(sel.Sel) // the table, one per field
			}
			r := route{call: call, at: inner.Index, method: strings.ToUpper(method), path: path, own: path, resolved: true, mounted: true, root: root, routerArg: -2}
			r.handler, r.handlerExpr = c.handlerFunc(call), call
			out = append(out, r)
		}
	}
	return out
}
