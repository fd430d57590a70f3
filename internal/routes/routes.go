package routes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/requests"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A route is a handler registered for a method and a path.
type route struct {
	call      *ast.CallExpr
	knowledge knowledge.Route
	// chained is the call that gives the method on the registration's
	// result (Route.MethodCall), if any.
	chained *ast.CallExpr
	// at is the argument naming the path, where findings about the route
	// go.
	at ast.Expr
	// method is "" for every method, or for the several of methods.
	method, path string
	// wrappers are the calls around the handler that answer a status of
	// their own (http.TimeoutHandler(h, d, msg)).
	wrappers []*ast.CallExpr
	// root is the router the route is registered on, under its groups
	// and subrouters (resolution.root; defaultMux for net/http's), or nil
	// if not known.
	root any
	// own is the path as the registration writes it, without its
	// routers' prefixes; prefixUnknown says that the path and method are
	// constant but a router's prefix is not known here.
	own           string
	prefixUnknown bool
	// rooted says that the path begins with a value not constant here, a
	// root the server is configured with ("GET "+config.Webroot+"api/v1/
	// messages"): the path is read as it is under the root "/", as the
	// spec writes its paths.
	rooted bool
	// methods are the methods of a registration that names several
	// (.Methods("GET", "POST")), without a CORS preflight's OPTIONS and a
	// HEAD beside GET, which the framework or the handler answer as
	// such; nil for one method or every method.
	methods []string
	// resolved is false when the path cannot be known statically (a
	// prefix from a parameter, a path that is no constant).
	resolved bool
	// unresolved says why a route built by links is not resolved, when
	// that is not that its path or router is not constant.
	unresolved string
	// mounted is set when a router on the way is handed elsewhere
	// (returned, passed, stored): it may be mounted under a prefix this
	// package does not show.
	mounted bool
	// handler is the handler's function, if it can be known;
	// handlerExpr, the argument that names it.
	handler     ast.Node
	handlerExpr ast.Expr
	// tentative is set when the router came in a parameter of a type that
	// can be mounted under a prefix: the path is tied only where it names
	// one operation as written, and never reported missing.
	tentative bool
	// routerArg is, for a registrar's call, the argument that is the
	// router (-1: none); -2 for a router's own method; -3 for a route
	// of another package's function (from).
	routerArg int
	// from is what a function of another package registers on the
	// router the call hands it (its RoutesFact), by is that function;
	// via is the call of a function of this package that registers the
	// route on the router it is handed, read with that call's
	// arguments.
	from *Registered
	by   *types.Func
	via  *ast.CallExpr
	// through is, for a route registered by calling a method of an
	// interface a parameter brings (healthx's r.Handler("GET", path, h)
	// on its router interface), the method's name; args, the call's
	// constant strings ("" where not constant). Whoever hands in a
	// router of a concrete type registers it by that type's method
	// (dispatch).
	through string
	args    []Arg
}

// routeFinder finds route registrations and follows routers to their
// prefixes.
type routeFinder struct {
	Pass *analysis.Pass
	*status.Index
	// requests reads the requests of the package's client sends.
	requests *requests.Reader
	// ranged indexes the values of range statements by the list ranged
	// over (rangedMethods).
	ranged map[*types.Var]ast.Expr
	// subrouters maps the router parameter of a function given to chi's
	// Route or Group to that call.
	subrouters map[*types.Var]*ast.CallExpr
	// mounts maps a router variable served under a prefix (chi's Mount,
	// http.StripPrefix) to that call.
	mounts map[*types.Var]*ast.CallExpr
	// escapes caches escaped.
	escapes map[*types.Var]bool
	// registrars are the package's functions that register one route
	// from their parameters.
	registrars map[*types.Func]registrar
	// fields caches fieldValues.
	fields map[*types.Var][]ast.Expr
	// env binds the parameters of the functions followed into from a
	// call (registered); nil outside them.
	env *env
	// registers caches mayRegister; unbound, registered's routes of a
	// function read unbound; chained, the chained method call of each
	// registration (gorilla's .Methods); budget, how many more calls
	// registered may follow into.
	registers map[*types.Func]bool
	unbound   map[*types.Func][]route
	chained   map[*ast.CallExpr]*ast.CallExpr
	budget    int
	// wraps are the declarations of registrars that forward to another
	// registrar: their one call of it is no route of its own.
	wraps map[*ast.FuncDecl]bool
	// imported caches registrarFor's facts, learnt the router types
	// whose methods are registrars (learntRouter).
	imported map[*types.Func]*registrar
	learnt   map[types.Type]bool
	// rejected caches rejects.
	rejected map[*types.Func][]Rejected
	// values are the package's groups and constructors of router types
	// that carry their prefix in a field (valueFuncs).
	values map[*types.Func]RouterValueFact
	// carriers are the package's statuses carried by errors (carried),
	// computed once.
	carriers     *carriers
	carriersDone bool
	// apiRouters are the router types other packages serve the API on
	// (servesAPI).
	apiRouters map[string]bool
}

// newRouteFinder returns the routes pass's state for the package of x,
// complete: the routers served under a prefix (chi's Route and Group,
// Mount, http.StripPrefix) are found by findRoutes.
func newRouteFinder(pass *analysis.Pass, x *status.Index) *routeFinder {
	return &routeFinder{Pass: pass, Index: x, requests: requests.New(pass.TypesInfo, pass.Pkg, x.FuncDecl, x.ValuesOf), subrouters: map[*types.Var]*ast.CallExpr{},
		mounts: map[*types.Var]*ast.CallExpr{}, escapes: map[*types.Var]bool{}, registrars: map[*types.Func]registrar{},
		registers: map[*types.Func]bool{}, unbound: map[*types.Func][]route{}, chained: map[*ast.CallExpr]*ast.CallExpr{}, budget: maxFollowed, wraps: map[*ast.FuncDecl]bool{}, imported: map[*types.Func]*registrar{}, learnt: map[types.Type]bool{}}
}

// A resolution is what resolving one router's prefix found on the way.
type resolution struct {
	depth int
	// root is the router the chain starts from: the call or literal that
	// makes it, or the parameter that brings it.
	root any
	// mounted records that a router on the way escapes.
	mounted bool
	// tentative records that the router came in a parameter that may be
	// mounted under a prefix.
	tentative bool
	// empty is the prefix field (knowledge.Route's PrefixField) the
	// constructor the chain starts from leaves empty: the prefix found
	// is the whole of the value's.
	empty string
}

// findRoutes returns the package's route registrations.
func (c *routeFinder) findRoutes() []route {
	info := c.Pass.TypesInfo
	multiple := map[*types.Var]bool{}
	checked := map[ast.Node]bool{}
	for _, fc := range c.Checked {
		checked[fc.Node()] = true
	}
	type found struct {
		cur     inspector.Cursor
		rt      knowledge.Route
		checked bool
	}
	var direct []found
	perDecl := map[*ast.FuncDecl]int{}
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			key, via, _, ok := typesx.Resolve(info, call)
			if !ok {
				continue
			}
			if sub, ok := knowledge.Lookup(knowledge.Subrouters, key, via); ok && sub.FuncArg < len(call.Args) {
				if lit, ok := ast.Unparen(call.Args[sub.FuncArg]).(*ast.FuncLit); ok && len(lit.Type.Params.List) > 0 && len(lit.Type.Params.List[0].Names) > 0 {
					if v, ok := info.Defs[lit.Type.Params.List[0].Names[0]].(*types.Var); ok {
						c.subrouters[v] = call
					}
				}
			}
			if m, ok := knowledge.Lookup(knowledge.Mounts, key, via); ok && m.RouterArg < len(call.Args) {
				if id, ok := ast.Unparen(call.Args[m.RouterArg]).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						multiple[v] = c.mounts[v] != nil
						c.mounts[v] = call
					}
				}
			}
			if rt, ok := knowledge.Lookup(knowledge.Routes, key, via); ok {
				// Read once the loop has found every mount and subrouter.
				direct = append(direct, found{cur, rt, checked[fc.Node()]})
				perDecl[typesx.EnclosingFunc(cur)]++
			}
		}
	}
	// A function whose one registration takes its path and router from
	// its parameters is a registrar: its calls are the routes.
	registrars := c.registrars
	var routes []route
	// The registrations of each function with more than one, for
	// oneRegistrar.
	byDecl := map[*ast.FuncDecl][]registration{}
	for _, d := range direct {
		if decl := typesx.EnclosingFunc(d.cur); perDecl[decl] > 1 {
			byDecl[decl] = append(byDecl[decl], registration{d.cur, d.rt, -2})
		}
	}
	inRegistrar := map[*ast.CallExpr]bool{}
	for _, regs := range byDecl {
		if fn, reg, calls, ok := c.oneRegistrar(regs); ok {
			registrars[fn] = reg
			for _, call := range calls {
				inRegistrar[call] = true
			}
		}
	}
	for _, d := range direct {
		call := d.cur.Node().(*ast.CallExpr)
		c.chained[call] = chainedCall(d.cur, d.rt.MethodCall)
		if perDecl[typesx.EnclosingFunc(d.cur)] == 1 {
			if fn, reg, ok := c.registrarOf(d.cur, d.rt, -2); ok {
				registrars[fn] = reg
				continue
			}
		}
		if inRegistrar[call] {
			continue
		}
		if d.checked {
			routes = append(routes, route{call: call, knowledge: d.rt, chained: chainedCall(d.cur, d.rt.MethodCall), routerArg: -2})
		}
	}
	c.learnRegistrars(perDecl)
	if len(registrars) > 0 || c.importsRegistrars() {
		for _, fc := range c.Checked {
			for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				fn := typesx.StaticCallee(info, call)
				if reg, ok := c.registrarFor(fn); ok && !c.wraps[typesx.EnclosingFunc(cur)] {
					c.chained[call] = chainedCall(cur, reg.knowledge.MethodCall)
					routes = append(routes, route{call: call, knowledge: reg.knowledge, chained: c.chained[call], routerArg: reg.routerArg})
				}
			}
		}
		slices.SortFunc(routes, func(a, b route) int { return int(a.call.Pos() - b.call.Pos()) })
	}
	for v, more := range multiple {
		if more {
			delete(c.mounts, v) // served under two prefixes: neither is its own
		}
	}
	for i := range routes {
		routes[i] = c.route(routes[i].call, routes[i].knowledge, routes[i].chained, routes[i].routerArg)
	}
	return slices.Concat(routes, c.mapRoutes(), c.expansions())
}

// chainedCall returns the call of the method name on the result of the
// call at cur (HandleFunc(p, h).Methods("GET")), or nil.
func chainedCall(cur inspector.Cursor, name string) *ast.CallExpr {
	if name == "" {
		return nil
	}
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil
	}
	call, _ := cur.Parent().Parent().Node().(*ast.CallExpr)
	return call
}

// route reads one registration: a router's method (routerArg -2), or a
// registrar's call, whose router is the argument routerArg (-1: none,
// net/http's default mux).
func (c *routeFinder) route(call *ast.CallExpr, rt knowledge.Route, chained *ast.CallExpr, routerArg int) route {
	r := route{call: call, knowledge: rt, method: rt.Method, routerArg: routerArg}
	arg := func(i int) ast.Expr { return argAt(call, i) }
	pathExpr := arg(rt.PathArg)
	var chainRouter ast.Expr
	if rt.Chain {
		// r.Methods("GET").Path("/pets").Handler(h): the path, the
		// methods and the router are the links'.
		var methods *ast.CallExpr
		chainRouter, pathExpr, methods, r.unresolved = c.routeChain(call)
		if chained == nil {
			chained = methods
		}
	}
	if chained != nil && len(chained.Args) > 0 {
		// .Methods("GET"), or several; one not constant takes every
		// method.
		var methods []string
		for _, a := range chained.Args {
			m, ok := c.constString(a)
			if !ok {
				methods = nil
				break
			}
			methods = append(methods, strings.ToUpper(m))
		}
		methods = servedMethods(methods)
		switch {
		case len(methods) == 1:
			r.method = methods[0]
		case len(methods) > 1:
			r.methods = methods
		}
	}
	r.at = pathExpr
	if r.at == nil {
		r.at = call
	}
	if h := arg(rt.HandlerArg); h != nil {
		r.handler, r.handlerExpr = c.handlerFunc(h), h
		r.wrappers = c.wrapperStatuses(h)
	}
	path, ok := c.constString(pathExpr)
	ok = ok && r.unresolved == ""
	if rt.Chain && pathExpr == nil {
		path = "/*" // every path, as -routes shows it
	}
	if rt.MethodArg >= 0 {
		read := c.constString
		if rt.MethodList {
			read = c.oneMethod
		}
		m, isConst := read(arg(rt.MethodArg))
		r.method = strings.ToUpper(m)
		if !isConst && !rt.MethodList {
			// for _, m := range []string{"GET", "POST"} { r.Handle(m, p, h) }:
			// the route of each.
			if methods := servedMethods(c.rangedMethods(arg(rt.MethodArg))); len(methods) == 1 {
				r.method, isConst = methods[0], true
			} else if len(methods) > 1 {
				r.methods, isConst = methods, true
			}
		}
		ok = ok && isConst
	}
	if !ok {
		// "GET "+config.Webroot+"api/v1/messages": constant at both
		// ends, not between; the path is known by its end.
		if head, tail, ends := c.stringEnds(pathExpr); ends && r.unresolved == "" {
			if rt.Pattern {
				m, _ := splitPattern(head + "/")
				r.method = m
			}
			path, ok, r.rooted = "/"+strings.TrimPrefix(tail, "/"), true, true
			if rt.Pattern {
				_, path = splitPattern(path)
			}
		}
	} else if rt.Pattern {
		r.method, path = splitPattern(path)
	}
	var recv ast.Expr
	switch {
	case routerArg >= 0:
		recv = arg(routerArg)
		if recv == nil {
			ok = false
		}
	case routerArg == -1:
		// a registrar on net/http's default mux
	case rt.Chain:
		recv = chainRouter
	default:
		if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
			if typesx.Callee(c.Pass.TypesInfo, call) != nil && c.Pass.TypesInfo.Selections[sel] != nil {
				recv = sel.X
			}
		}
	}
	prefix, known := "", true
	r.root = defaultMux
	var res resolution
	if recv != nil {
		prefix, known = c.prefix(&res, recv)
		r.mounted, r.tentative, r.root = res.mounted, res.tentative, res.root
	}
	path = joinPath(rt.Prefix, path)
	r.path, r.resolved = joinPath(prefix, path), ok && known
	r.own, r.prefixUnknown = path, ok && !known
	if rt.PrefixField != "" && res.empty != rt.PrefixField {
		// The router value's own prefix, a field of it, goes before
		// the path: as a router mounted under a prefix not known here,
		// unless the value was made with it empty.
		r.mounted = true
	}
	return r
}

// routeChain reads the links that built the receiver of call, a
// registration whose route its receiver's chain made (knowledge.Route
// Chain): the router the chain starts from, the path's argument, the link
// that sets the methods. unresolved says why the route's path is not
// known when its links do not give it: a PathPrefix matches every path
// below it, a chain without a path every path, and a chain that starts
// from a route kept in a variable is not read.
func (c *routeFinder) routeChain(call *ast.CallExpr) (router, path ast.Expr, methods *ast.CallExpr, unresolved string) {
	info := c.Pass.TypesInfo
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, nil, nil, "its route is not read"
	}
	e := sel.X
	// fromRouter says that the innermost link is a router's method;
	// prefix, that a link matches every path below its own.
	fromRouter, prefix := false, false
	for {
		link, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall {
			break
		}
		key, via, _, resolved := typesx.Resolve(info, link)
		l, isLink := knowledge.Lookup(knowledge.RouteLinks, key, via)
		if !resolved || !isLink {
			break
		}
		fromRouter = l.Root
		prefix = prefix || l.Prefix
		if l.PathArg >= 0 && path == nil {
			path = argAt(link, l.PathArg) // the last Path set is the route's
		}
		if l.Methods && methods == nil {
			methods = link
		}
		inner, isSel := ast.Unparen(link.Fun).(*ast.SelectorExpr)
		if !isSel {
			return nil, nil, nil, "its route is not read"
		}
		e = inner.X
	}
	switch {
	case !fromRouter:
		return nil, path, methods, "its route is kept in a variable"
	case prefix:
		return e, path, methods, "it matches every path below a prefix"
	case path == nil:
		return e, path, methods, "it matches every path"
	}
	return e, path, methods, ""
}

// stringEnds returns the constant parts at both ends of e, a
// concatenation of strings with something not constant between them:
// "GET " and "api/v1/messages" of "GET "+config.Webroot+"api/v1/messages".
// ok is false unless the tail names a path segment.
func (c *routeFinder) stringEnds(e ast.Expr) (head, tail string, ok bool) {
	var parts []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		if b, isAdd := ast.Unparen(e).(*ast.BinaryExpr); isAdd && b.Op == token.ADD {
			if _, isConst := c.constString(b); !isConst {
				flatten(b.X)
				flatten(b.Y)
				return
			}
		}
		parts = append(parts, e)
	}
	if e == nil {
		return "", "", false
	}
	flatten(e)
	i, j := 0, len(parts)
	for ; i < j; i++ {
		s, isConst := c.constString(parts[i])
		if !isConst {
			break
		}
		head += s
	}
	for ; j > i; j-- {
		s, isConst := c.constString(parts[j-1])
		if !isConst {
			break
		}
		tail = s + tail
	}
	return head, tail, i < j && strings.Trim(tail, "/") != ""
}

// rangedMethods returns the methods e takes when it is the value of a
// range over a constant list of them: a literal, or a variable whose one
// value is one. Nil if it is not.
func (c *routeFinder) rangedMethods(e ast.Expr) []string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if c.ranged == nil {
		c.ranged = map[*types.Var]ast.Expr{}
		for _, fc := range c.AllFiles {
			for cur := range fc.Preorder((*ast.RangeStmt)(nil)) {
				rs := cur.Node().(*ast.RangeStmt)
				if val, ok := rs.Value.(*ast.Ident); ok && rs.Tok == token.DEFINE {
					if rv, ok := c.Pass.TypesInfo.Defs[val].(*types.Var); ok {
						c.ranged[rv] = rs.X
					}
				}
			}
		}
	}
	list := c.ranged[v]
	if lid, ok := ast.Unparen(list).(*ast.Ident); ok {
		lv, _ := c.Pass.TypesInfo.Uses[lid].(*types.Var)
		if lv == nil {
			return nil
		}
		vals := c.ValuesOf(lv)
		if len(vals) != 1 || vals[0].Index != 0 {
			return nil
		}
		list = vals[0].Expr
	}
	lit, ok := ast.Unparen(list).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var methods []string
	for _, elt := range lit.Elts {
		m, ok := c.constString(elt)
		if !ok {
			return nil
		}
		methods = append(methods, strings.ToUpper(m))
	}
	return methods
}

// servedMethods returns the methods a route lists, each once, without
// those the handler serves only as another: OPTIONS beside other methods
// (a CORS preflight, answered by middleware or the framework) and HEAD
// beside GET.
func servedMethods(methods []string) []string {
	var out []string
	for _, m := range methods {
		switch {
		case slices.Contains(out, m):
		case m == http.MethodOptions && slices.ContainsFunc(methods, func(o string) bool { return o != http.MethodOptions }):
		case m == http.MethodHead && slices.Contains(methods, http.MethodGet):
		default:
			out = append(out, m)
		}
	}
	return out
}

// argAt returns the argument i of call (-1: the last), or nil.
func argAt(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 {
		i = len(call.Args) - 1
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// splitPattern splits a net/http pattern: "GET example.com/items/{id}"
// is GET and /items/{id}.
func splitPattern(p string) (method, path string) {
	if i := strings.IndexAny(p, " \t"); i >= 0 {
		method, p = strings.ToUpper(p[:i]), strings.TrimLeft(p[i:], " \t")
	}
	if i := strings.IndexByte(p, '/'); i > 0 {
		p = p[i:] // a host before the path
	}
	if strings.HasSuffix(p, "/") {
		p += "{rest...}" // a trailing slash matches the whole subtree
	}
	return method, p
}

// joinPath puts a route's path after its router's prefix; an empty path
// is the prefix itself (gin's, echo's and fiber's Group("/x").GET("")).
func joinPath(prefix, path string) string {
	if prefix == "" || path == "" {
		return prefix + path
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(path, "/")
}

// prefix returns the path prefix of the router e: "" for a root router
// (gin.New(), echo.New(), chi.NewRouter(), fiber.New(),
// http.NewServeMux()), a group's prefix after its parent's, or a chi
// subrouter's. ok is false where it cannot be known: a router from a
// parameter or a field, or a variable set more than once.
func (c *routeFinder) prefix(res *resolution, e ast.Expr) (string, bool) {
	res.depth++
	if res.depth > 32 {
		return "", false
	}
	info := c.Pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if f, ok := c.routerValue(typesx.StaticCallee(info, x)); ok {
			// A router type's group, or its constructor that leaves
			// its prefix field empty.
			if f.Group {
				return c.under(res, x, f.PrefixArg)
			}
			res.root, res.empty = x, f.Field
			return "", true
		}
		if fd := c.Decls[typesx.StaticCallee(info, x)]; fd != nil {
			return c.returnedPrefix(res, fd)
		}
		key, via, _, ok := typesx.Resolve(info, x)
		if !ok {
			return "", false
		}
		if knowledge.RootRouters[key] || c.learntRouter(info.TypeOf(x)) {
			res.root = x // a constructor of a router type learnt from its methods too
			return "", true
		}
		if g, ok := knowledge.Lookup(knowledge.Groups, key, via); ok {
			return c.under(res, x, g.PrefixArg)
		}
		if sub, ok := knowledge.Lookup(knowledge.Subrouters, key, via); ok && sub.PrefixArg >= 0 {
			return c.under(res, x, sub.PrefixArg) // chi's Route returns the subrouter too
		}
	case *ast.SelectorExpr:
		// A router kept in a field (s.router = echo.New()), set once in
		// the package: the struct goes where this package does not
		// show, so its routes may be mounted under a prefix.
		field, ok := info.ObjectOf(x.Sel).(*types.Var)
		if !ok || !field.IsField() {
			return "", false
		}
		if field.Pkg() != c.Pass.Pkg {
			// Another package's field (coder's api.AGPL.APIHandler):
			// the prefix of the one router its package sets in it.
			var fact RouterFieldFact
			if !status.ImportFact(c.Pass, c.Index, field, &fact) {
				return "", false
			}
			res.mounted, res.root = true, field
			return fact.Prefix, true
		}
		vals := c.fieldValues()[field]
		if len(vals) != 1 || vals[0] == nil {
			return "", false
		}
		res.mounted = true
		return c.prefix(res, vals[0])
	case *ast.UnaryExpr: // &http.ServeMux{}
		if lit, ok := x.X.(*ast.CompositeLit); ok && len(lit.Elts) == 0 {
			res.root = lit
			return "", true
		}
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			res.root = x
			return "", true
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return "", false
		}
		if arg, outer, bound := c.env.lookup(v); bound {
			// A parameter of a function followed into from a call: the
			// router the call hands in.
			var p string
			c.inOuter(outer, func() { p, ok = c.prefix(res, arg) })
			return p, ok
		}
		if call, ok := c.subrouters[v]; ok {
			key, via, _, _ := typesx.Resolve(info, call)
			sub, _ := knowledge.Lookup(knowledge.Subrouters, key, via)
			return c.under(res, call, sub.PrefixArg)
		}
		if call, ok := c.mounts[v]; ok {
			return c.mountPrefix(res, call)
		}
		if isParam(v) {
			if p, ok := c.paramPrefix(res, v); ok {
				return p, true
			}
			// The router a function is given (func SetRoutes(r
			// *gin.Engine)): an engine is the root; a router that can
			// be mounted is tied tentatively.
			switch {
			case routerKind(v.Type(), knowledge.RootEngines) || c.learntRouter(v.Type()):
				res.root = v
				return "", true
			case routerKind(v.Type(), knowledge.MountableRouters):
				res.tentative, res.root = true, v
				return "", true
			}
			return "", false
		}
		vals := c.ValuesOf(v)
		if len(vals) != 1 || vals[0].Expr == nil || vals[0].Index != 0 {
			return "", false
		}
		if c.escaped(v) && !routerKind(v.Type(), knowledge.RootEngines) {
			res.mounted = true // handing an engine to a helper does not mount it
		}
		return c.prefix(res, vals[0].Expr)
	}
	return "", false
}

// fieldValues indexes, in one walk of the package, the values its code
// gives each field of its types (s.router = e, T{router: e}); a nil
// value stands for one not known (an op-assignment, an address taken).
func (c *routeFinder) fieldValues() map[*types.Var][]ast.Expr {
	if c.fields != nil {
		return c.fields
	}
	info := c.Pass.TypesInfo
	c.fields = map[*types.Var][]ast.Expr{}
	note := func(sel ast.Expr, e ast.Expr) {
		var id *ast.Ident
		switch x := ast.Unparen(sel).(type) {
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.Ident:
			id = x
		}
		if id == nil {
			return
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && v.IsField() && v.Pkg() == c.Pass.Pkg {
			c.fields[v] = append(c.fields[v], e)
		}
	}
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil), (*ast.UnaryExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if _, ok := ast.Unparen(lhs).(*ast.SelectorExpr); !ok {
						continue
					}
					if n.Tok == token.ASSIGN && len(n.Rhs) == len(n.Lhs) {
						note(lhs, n.Rhs[i])
					} else {
						note(lhs, nil)
					}
				}
			case *ast.KeyValueExpr:
				if _, ok := cur.Parent().Node().(*ast.CompositeLit); ok {
					note(n.Key, n.Value)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					note(n.X, nil)
				}
			}
		}
	}
	return c.fields
}

// paramPrefix returns the prefix of the router parameter v of an
// unexported function of the package from its calls: the one prefix
// every call's argument has (s.setRoutesV3(api.Group("/v3"))). An
// exported function may be called from elsewhere, with any router; but
// where its router carries its prefix in a field of its value
// (prometheus/common's route.Router), which no type of parameter says,
// the package's own calls are what is known of it.
func (c *routeFinder) paramPrefix(res *resolution, v *types.Var) (string, bool) {
	fn, index := c.ParamOf(v)
	if fn == nil || index < 0 || fn.Exported() && !c.carriesPrefix(v.Type()) || fn.Signature().Variadic() {
		return "", false
	}
	prefix, root, known := "", any(nil), false
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.Ident)(nil)) {
			if c.Pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != fn {
				continue
			}
			callee := cur
			if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == cur.Node() {
				callee = cur.Parent()
			}
			call, ok := callee.Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != callee.Node() || index >= len(call.Args) {
				return "", false // a function value: called with what, is not known
			}
			var one resolution
			one.depth = res.depth
			p, ok := c.prefix(&one, call.Args[index])
			if !ok || one.tentative || known && (p != prefix || one.root != root) {
				return "", false
			}
			prefix, root, known = p, one.root, true
			res.mounted = res.mounted || one.mounted
		}
	}
	if known {
		res.root = root
	}
	return prefix, known
}

// defaultMux is the root of the routes registered on net/http's
// default mux.
var defaultMux = new(struct{ _ byte })

// isParam reports whether v is a parameter of a function.
func isParam(v *types.Var) bool { return v.Kind() == types.ParamVar }

// routerKind reports whether t, or what it points to, is a router type
// of set.
func routerKind(t types.Type, set map[knowledge.Key]bool) bool {
	path, name, ok := typesx.TypeName(t)
	return ok && set[knowledge.Key{Path: path, Name: name}]
}

// escaped reports whether the router in v is used other than to call its
// methods: returned, passed, stored or converted, it may be mounted under a
// prefix elsewhere (chi's Mount, http.StripPrefix, another package).
func (c *routeFinder) escaped(v *types.Var) bool {
	if e, ok := c.escapes[v]; ok {
		return e
	}
	c.escapes[v] = true // until known: a router that reaches itself again escapes
	esc := false
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.Ident)(nil)) {
			if c.Pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != v {
				continue
			}
			if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.X == cur.Node() {
				continue // a method call: r.Get(...)
			}
			if call, ok := c.mounts[v]; ok && cur.Parent().Node() == call {
				continue // its mount, which gives its prefix
			}
			if c.servedAtRoot(cur) || c.registersOn(cur) {
				continue
			}
			if _, ok := cur.Parent().Node().(*ast.ReturnStmt); ok && !c.resultEscapes(typesx.EnclosingFunc(cur)) {
				continue // returned to callers that serve it as it is
			}
			esc = true
			break
		}
	}
	c.escapes[v] = esc
	return esc
}

// returnedPrefix returns the prefix of the router a function of this
// package returns (r := apiRoutes()): the one prefix of every router its
// return statements give, and the router they start from.
func (c *routeFinder) returnedPrefix(res *resolution, fd *ast.FuncDecl) (string, bool) {
	if fd.Body == nil || fd.Type.Results == nil {
		return "", false
	}
	var rets []*ast.ReturnStmt
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	prefix, root, known := "", any(nil), false
	for _, ret := range rets {
		if len(ret.Results) == 0 {
			return "", false // named results: not followed
		}
		var one resolution
		one.depth = res.depth
		p, ok := c.prefix(&one, ret.Results[0])
		if !ok || known && (p != prefix || one.root != root) {
			return "", false
		}
		prefix, root, known = p, one.root, true
		res.mounted = res.mounted || one.mounted
		res.tentative = res.tentative || one.tentative
	}
	if known {
		res.root = root
	}
	return prefix, known
}

// resultEscapes reports whether the router fd returns may be mounted
// under a prefix: fd is exported (another package may mount it), or a
// call of it in this package hands its result on other than to a
// variable that does not escape or to a server that serves it at the
// root.
func (c *routeFinder) resultEscapes(fd *ast.FuncDecl) bool {
	if fd == nil || fd.Name.IsExported() || fd.Recv != nil {
		return true
	}
	fn, _ := c.Pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return true
	}
	calls := 0
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.Ident)(nil)) {
			if c.Pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != fn {
				continue
			}
			call, ok := cur.Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != cur.Node() {
				return true // a function value: called anywhere
			}
			calls++
			callCur := cur.Parent()
			if c.servedAtRoot(callCur) {
				continue
			}
			v := assignedVar(c.Pass.TypesInfo, callCur)
			if v == nil || c.escaped(v) {
				return true
			}
		}
	}
	return calls == 0 // called from no file here: from where, is not known
}

// assignedVar returns the variable the value at cur is the one value
// assigned to (r := f(), var r = f()), or nil.
func assignedVar(info *types.Info, cur inspector.Cursor) *types.Var {
	var id *ast.Ident
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 && p.Rhs[0] == cur.Node() {
			id, _ = p.Lhs[0].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 && p.Values[0] == cur.Node() {
			id = p.Names[0]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// servedAtRoot reports whether the router at cur is served as the whole
// server: http.ListenAndServe(addr, r), http.Serve(l, r),
// http.Server{Handler: r}.
func (c *routeFinder) servedAtRoot(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		if fn := typesx.Callee(c.Pass.TypesInfo, p); fn != nil {
			return knowledge.Serves[typesx.FuncKey(fn)]
		}
	case *ast.KeyValueExpr:
		key, ok := p.Key.(*ast.Ident)
		if !ok || key.Name != "Handler" {
			return false
		}
		lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok {
			return false
		}
		return typesx.Is(c.Pass.TypesInfo.TypeOf(lit), knowledge.HTTPServer)
	}
	return false
}

// mountPrefix returns the prefix a router is served under: chi's
// r.Mount(prefix, sub) adds prefix to r's; http.StripPrefix(prefix, sub)
// adds it to the route its result is handed to, or to nothing when the
// result is served as it is.
func (c *routeFinder) mountPrefix(res *resolution, call *ast.CallExpr) (string, bool) {
	key, via, _, _ := typesx.Resolve(c.Pass.TypesInfo, call)
	m, _ := knowledge.Lookup(knowledge.Mounts, key, via)
	if _, isMethod := ast.Unparen(call.Fun).(*ast.SelectorExpr); isMethod && key.Recv != "" {
		return c.under(res, call, m.PrefixArg)
	}
	p, ok := c.constString(call.Args[m.PrefixArg])
	if !ok {
		return "", false
	}
	// The prefix StripPrefix removes is the path the outer route has
	// before the router's own.
	return p, true
}

// under returns the prefix a group or subrouter call adds to its
// receiver's (none when arg is -1).
func (c *routeFinder) under(res *resolution, call *ast.CallExpr, arg int) (string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	parent, ok := c.prefix(res, sel.X)
	if !ok {
		return "", false
	}
	if arg < 0 {
		return parent, true
	}
	if arg >= len(call.Args) {
		return "", false
	}
	p, ok := c.constString(call.Args[arg])
	return joinPath(parent, p), ok
}

// oneMethod reads a literal list of methods that registers one operation:
// one method, or GET with HEAD, which HTTP serves as GET without its body.
// Other lists are not resolved: their handler is not one operation's.
func (c *routeFinder) oneMethod(e ast.Expr) (string, bool) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	var methods []string
	for _, elt := range lit.Elts {
		m, ok := c.constString(elt)
		if !ok {
			return "", false
		}
		methods = append(methods, strings.ToUpper(m))
	}
	if len(methods) == 2 && slices.Contains(methods, "GET") && slices.Contains(methods, "HEAD") {
		return "GET", true
	}
	if len(methods) != 1 {
		return "", false
	}
	return methods[0], true
}

func (c *routeFinder) constString(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && c.env != nil {
		if v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if arg, outer, bound := c.env.lookup(v); bound {
				var s string
				c.inOuter(outer, func() { s, ok = c.constString(arg) })
				return s, ok
			}
		}
	}
	tv := c.Pass.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return c.sprintf(e)
	}
	return constant.StringVal(tv.Value), true
}

// sprintf folds fmt.Sprintf of a constant format and constant arguments
// (fmt.Sprintf("/%s/:id", SchemasPath)): a path as constant as its parts.
func (c *routeFinder) sprintf(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return "", false
	}
	fn := typesx.Callee(c.Pass.TypesInfo, call)
	if fn == nil || typesx.FuncKey(fn) != knowledge.Sprintf {
		return "", false
	}
	format, ok := c.constString(call.Args[0])
	if !ok {
		return "", false
	}
	var args []any
	for _, a := range call.Args[1:] {
		v := c.Pass.TypesInfo.Types[a].Value
		switch {
		case v == nil:
			return "", false
		case v.Kind() == constant.String:
			args = append(args, constant.StringVal(v))
		case v.Kind() == constant.Int:
			n, exact := constant.Int64Val(v)
			if !exact {
				return "", false
			}
			args = append(args, n)
		default:
			return "", false
		}
	}
	out := fmt.Sprintf(format, args...)
	if strings.Contains(out, "%!") {
		return "", false // a verb the arguments do not fit
	}
	return out, true
}

// wrapperStatuses returns the calls of handler wrappers that answer a
// status of their own (http.TimeoutHandler) around the handler e.
func (c *routeFinder) wrapperStatuses(e ast.Expr) []*ast.CallExpr {
	var out []*ast.CallExpr
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return out
		}
		key, via, _, ok := typesx.Resolve(c.Pass.TypesInfo, call)
		if !ok {
			return out
		}
		w, ok := knowledge.Lookup(knowledge.WrapperStatuses, key, via)
		if !ok || w.Handler >= len(call.Args) {
			return out
		}
		out = append(out, call)
		e = call.Args[w.Handler]
	}
}

// handlerFunc returns the function a handler argument stands for: a
// function literal, or the declaration of a function or method of this
// package (http.HandlerFunc(f) and a method value h.get included), or of
// a factory of this package that makes the handler (makeHandler(db): the
// handler it returns is in its body).
func (c *routeFinder) handlerFunc(e ast.Expr) ast.Node {
	info := c.Pass.TypesInfo
	switch x := innerHandler(info, e).(type) {
	case *ast.FuncLit:
		return x
	case *ast.CallExpr:
		if fn := typesx.StaticCallee(info, x); fn != nil && c.Decls[fn] != nil && isHandlerType(info.TypeOf(x)) {
			return c.Decls[fn]
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := info.Uses[typesx.NameIdent(x)].(*types.Func); ok {
			if d := c.Decls[fn]; d != nil {
				return d
			}
		}
	}
	return nil
}

// middlewareArg returns the handler a middleware call wraps
// (middleWareFunc(apiv1.Thumbnail), auth(next)): the one argument given
// to a parameter of the type the call returns, a type that can hold a
// handler. The route serves that handler; what the middleware answers on
// its own (a 401, a 403) is every route's, not the operation's.
func middlewareArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	t := info.TypeOf(call.Fun)
	if t == nil {
		return nil
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || sig.Variadic() || sig.Params().Len() != len(call.Args) {
		return nil
	}
	res := sig.Results().At(0).Type()
	if !isHandlerType(res) {
		return nil
	}
	var arg ast.Expr
	for i := range sig.Params().Len() {
		if types.Identical(sig.Params().At(i).Type(), res) {
			if arg != nil {
				return nil // two handlers: a chain, not one handler
			}
			arg = call.Args[i]
		}
	}
	return arg
}

// bodies returns the bodies of fn and of the functions of this package it
// calls, transitively: where the statuses its handler writes are.
func (c *routeFinder) bodies(fn ast.Node) []*ast.BlockStmt {
	var out []*ast.BlockStmt
	seen := map[ast.Node]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		body := funcBody(n)
		if body == nil {
			return
		}
		out = append(out, body)
		ast.Inspect(body, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok {
				if fn := typesx.Callee(c.Pass.TypesInfo, call); fn != nil {
					if d := c.Decls[fn]; d != nil {
						visit(d)
					}
				}
			}
			return true
		})
	}
	visit(fn)
	return out
}
