package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
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
// with the path, the router and the method (if not fixed) from its
// parameters, and its one handler parameter used in its body.
func (c *routeFinder) registrarOf(cur inspector.Cursor, rt knowledge.Route) (*types.Func, registrar, bool) {
	info := c.Pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	decl := typesx.EnclosingFunc(cur)
	if decl == nil || typesx.EnclosingFuncNode(cur) != decl || rt.MethodList {
		return nil, registrar{}, false
	}
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil, registrar{}, false
	}
	params := fn.Signature().Params()
	paramOf := func(e ast.Expr) int { return typesx.ParamIndex(info, fn.Signature(), e) }
	reg := registrar{knowledge: rt, routerArg: -1}
	if reg.knowledge.PathArg = paramOf(argAt(call, rt.PathArg)); reg.knowledge.PathArg < 0 {
		return nil, registrar{}, false
	}
	if rt.MethodArg >= 0 {
		if m, isConst := c.constString(argAt(call, rt.MethodArg)); isConst {
			// r.Handle("GET", path, h): the registrar's method is fixed.
			reg.knowledge.Method, reg.knowledge.MethodArg = strings.ToUpper(m), -1
		} else if reg.knowledge.MethodArg = paramOf(argAt(call, rt.MethodArg)); reg.knowledge.MethodArg < 0 {
			return nil, registrar{}, false
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
		if reg.routerArg = paramOf(sel.X); reg.routerArg < 0 {
			return nil, registrar{}, false // a router of its own or a field's
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
	if ret, ok := cur.Parent().Node().(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
		reg.returns = true
	}
	if !reg.returns {
		reg.knowledge.MethodCall = ""
	}
	return fn, reg, true
}

// isHandlerType reports whether t can hold a handler: a function, or a
// type with a ServeHTTP method.
func isHandlerType(t types.Type) bool {
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
