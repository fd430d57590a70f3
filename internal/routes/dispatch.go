package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// interfaceRegistration returns the parameter (or receiver) of fn and the
// method a call registers a route through, if it calls a method of an
// interface that parameter is, whose signature registers from its
// parameters (an HTTP handler and a string: registersFrom): ory/x
// healthx's SetHealthRoutes(r router, ...) calling r.Handler("GET",
// AliveCheckPath, h). Which router it is, and so whether and where the
// route is registered, is the caller's to say (dispatch).
func (c *routeFinder) interfaceRegistration(call *ast.CallExpr, fn *types.Func) (*types.Var, string, bool) {
	info := c.Pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	selection := info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal || !types.IsInterface(selection.Recv()) {
		return nil, "", false
	}
	m, ok := selection.Obj().(*types.Func)
	if !ok || !registersFrom(m.Signature()) {
		return nil, "", false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, "", false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || c.paramFunc(v) != fn {
		return nil, "", false
	}
	return v, m.Name(), true
}

// throughRoute is the route a call of method name on the router
// interface param registers, for the RoutesFact of the function: its
// arguments, as constants where they are, and what its handler writes.
func (c *routeFinder) throughRoute(call *ast.CallExpr, param *types.Var, name string) route {
	r := route{call: call, at: call, root: param, through: name, routerArg: -2}
	for _, a := range call.Args {
		v, known := c.constString(a)
		r.args = append(r.args, Arg{Value: v, Known: known})
		if t := c.Pass.TypesInfo.TypeOf(a); r.handlerExpr == nil && t != nil && httpHandler(t) {
			r.handler, r.handlerExpr = c.handlerFunc(a), a
		}
	}
	return r
}

// dispatch returns the registration a method of t named name is, if t is
// a router of a concrete type: a known router's (httprouter's Handler) or
// a router type's registrar on its receiver (a project's RouterAdmin
// whose Handler joins "/admin" to the path).
func (c *routeFinder) dispatch(t types.Type, name string) (knowledge.Route, int, bool) {
	if t == nil || types.IsInterface(t) {
		return knowledge.Route{}, 0, false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return knowledge.Route{}, 0, false
	}
	key := typesx.FuncKey(fn)
	if rt, ok := knowledge.Routes[key]; ok && !rt.Chain && !rt.MethodList && rt.MethodCall == "" {
		return rt, -2, true
	}
	if reg, ok := c.registrarFor(fn); ok && reg.routerArg == -2 {
		return reg.knowledge, -2, true
	}
	return knowledge.Route{}, 0, false
}

// dispatched returns reg, a route registered through a router
// interface's method (Registered.Through), as the router arg brings
// registers it: with the method and path the router's method reads from
// the call's arguments. A router arg of an interface type that is a
// parameter of the caller stays registered through it, for the caller's
// callers; of any other, nothing is known.
func (c *routeFinder) dispatched(reg *Registered, arg ast.Expr, e *env) (*Registered, bool) {
	info := c.Pass.TypesInfo
	t := info.TypeOf(arg)
	if t != nil && types.IsInterface(t) {
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if bound, _, ok := e.lookup(v); ok {
					t = info.TypeOf(bound)
				} else if e == nil && c.paramFunc(v) != nil {
					return reg, true
				}
			}
		}
	}
	rt, _, ok := c.dispatch(t, reg.Through)
	if !ok {
		return nil, false
	}
	at := func(i int) (string, bool) {
		if i < 0 || i >= len(reg.Args) || !reg.Args[i].Known {
			return "", false
		}
		return reg.Args[i].Value, true
	}
	out := *reg
	out.Through, out.Args = "", nil
	p, ok := at(rt.PathArg)
	if !ok {
		return nil, false
	}
	out.Method = rt.Method
	if rt.MethodArg >= 0 {
		m, ok := at(rt.MethodArg)
		if !ok {
			return nil, false
		}
		out.Method = strings.ToUpper(m)
	}
	if rt.Pattern {
		out.Method, p = splitPattern(p)
	}
	out.Path, out.Added, out.PrefixField = joinPath(rt.Prefix, p), rt.Prefix, rt.PrefixField
	return &out, true
}
