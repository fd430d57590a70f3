package routes

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// HandlerFact records the statuses a function writes, itself or through
// the functions of its package it calls, for routes registered in other
// packages: real services keep their routes in one package and their
// handlers in others.
type HandlerFact struct {
	Writes []Written
	// Returns are the statuses the responders the function returns
	// write (a go-swagger handler's): each at the return, by way of the
	// responder's write.
	Returns []Written
	// Upgrades says that the function takes the request's connection
	// over (a websocket): the route it serves is no REST operation.
	Upgrades bool
}

// Written is a constant status a handler writes, and where ("file.go:12");
// for one written by a function of another package it calls, At is the
// call and Via the write there.
type Written struct {
	Code int
	At   string
	Via  string
	// OnArg says that the status may be written only for some values of
	// an argument other than the response and the request (a default
	// beside the status an error carries, a branch on the error), or
	// that this is not known (a write in a function it calls): a caller
	// that hands the function its ResponseWriter does not write it for
	// sure.
	OnArg bool
}

// place says where w is written: "file.go:12", or "file.go:12 calling
// other.go:34".
func (w Written) place() string {
	if w.Via == "" {
		return w.At
	}
	return w.At + " calling " + w.Via
}

// AFact marks HandlerFact as a fact.
func (*HandlerFact) AFact() {}

func (f *HandlerFact) String() string {
	var codes []int
	for _, w := range f.Writes {
		codes = append(codes, w.Code)
	}
	out := fmt.Sprintf("writes%v", codes)
	if len(f.Returns) > 0 {
		var returned []int
		for _, w := range f.Returns {
			returned = append(returned, w.Code)
		}
		out += fmt.Sprintf(" returns%v", returned)
	}
	if f.Upgrades {
		out += ", upgrades"
	}
	return out
}

// exportHandlers exports a HandlerFact for each exported function and
// method of the package that writes a constant status, itself or through
// the functions of the package it calls.
func exportHandlers(f *routeFinder, found []status.Found) {
	var writes []status.Found
	for _, fd := range found {
		// A status stored in a field (l.StatusCode = 451 in a link
		// checker's result) is data, not what the function answers.
		if _, ok := constCode(f.Pass.TypesInfo, fd.E); ok && fd.S.Writes && !fd.S.Stored {
			writes = append(writes, fd)
		}
	}
	facts := map[*types.Func]*HandlerFact{}
	for _, fn := range typesx.SortedDecls(f.Decls) {
		if !fn.Exported() {
			continue
		}
		bodies := f.bodies(f.Decls[fn])
		fact := HandlerFact{Upgrades: f.upgrades(bodies)}
		for _, fd := range writes {
			if inAny(bodies, fd.E.Pos()) {
				code, _ := constCode(f.Pass.TypesInfo, fd.E)
				fact.Writes = append(fact.Writes, Written{Code: code, At: f.place(fd.E.Pos()), OnArg: f.onArg(f.Decls[fn], fd)})
			}
		}
		for _, w := range f.importedWrites(bodies) {
			if w.OnArg = true; !slices.Contains(fact.Writes, w) {
				fact.Writes = append(fact.Writes, w)
			}
		}
		for _, w := range f.carried(found).writes(bodies) {
			if w.OnArg = true; !slices.Contains(fact.Writes, w) {
				fact.Writes = append(fact.Writes, w)
			}
		}
		fact.Returns = f.exportedReturns(f.Decls[fn], found)
		if len(fact.Writes) > 0 || len(fact.Returns) > 0 || fact.Upgrades {
			f.Pass.ExportObjectFact(fn, &fact)
			facts[fn] = &fact
		}
	}
	exportInterfaceHandlers(f, facts)
}

// importedWrites returns what the functions of other packages that
// bodies call write, by their HandlerFact: a handler that hands its
// request to another package's handler writes what that one does. Each
// is placed at the call here (response.SendInternalServerError(c) at
// auth.go:69), where a reader of this package looks.
func (c *routeFinder) importedWrites(bodies []*ast.BlockStmt) []Written {
	var out []Written
	for call := range callsIn(bodies) {
		if fn := typesx.Callee(c.Pass.TypesInfo, call); fn != nil && fn.Pkg() != nil && fn.Pkg() != c.Pass.Pkg {
			var fact HandlerFact
			if status.ImportFact(c.Pass, c.Index, fn, &fact) {
				at := c.place(call.Pos())
				for _, w := range fact.Writes {
					if w := (Written{Code: w.Code, At: at, Via: cmp.Or(w.Via, w.At)}); !slices.Contains(out, w) {
						out = append(out, w)
					}
				}
			}
		}
	}
	return out
}

// handedWriter returns the statuses the calls in bodies write through
// functions of other packages that they hand a ResponseWriter, or a
// framework's context (isResponse): errorx.Manager.Forward(ctx, w, r,
// err) writes its 303 on the handler's response. Each is read from the
// function's HandlerFact, with its call; what a function writes that is
// given no writer (a service's constant statuses) is no write of the
// handler's.
func (c *routeFinder) handedWriter(bodies []*ast.BlockStmt) []handedWrite {
	info := c.Pass.TypesInfo
	var out []handedWrite
	for call := range callsIn(bodies) {
		fn := typesx.Callee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.Pass.Pkg ||
			!slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return isResponse(info.TypeOf(a)) }) {
			continue
		}
		var fact HandlerFact
		if status.ImportFact(c.Pass, c.Index, fn, &fact) {
			at := c.place(call.Pos())
			for _, w := range fact.Writes {
				if !w.OnArg {
					out = append(out, handedWrite{call, fn, Written{Code: w.Code, At: at, Via: cmp.Or(w.Via, w.At)}})
				}
			}
		}
	}
	return out
}

// checkHanded reports the statuses the handler writes through the
// functions of other packages it hands its response (handedWriter) that
// an operation of ops does not document, at the call; a route a test
// registers, only those its test files write.
func checkHanded(f *routeFinder, bodies []*ast.BlockStmt, ops []*table.Operation, anyOp, testsOnly bool, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for _, w := range f.handedWriter(bodies) {
		if !testsOnly || typesx.InTestFile(f.Pass.Fset, w.call.Pos()) {
			reportUndocumented(w.call, w.Code, fmt.Sprintf(" written by %s (%s)", handlerName(w.fn), w.place()), "write a documented status or add the response to the spec", ops, anyOp, []analysis.RelatedInformation{how}, specAt, reported, res)
		}
	}
}

// callsIn yields the calls in bodies, in order.
func callsIn(bodies []*ast.BlockStmt) iter.Seq[*ast.CallExpr] {
	return func(yield func(*ast.CallExpr) bool) {
		for _, body := range bodies {
			stop := false
			ast.Inspect(body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && !stop {
					stop = !yield(call)
				}
				return !stop
			})
			if stop {
				return
			}
		}
	}
}

// onArg reports whether the status fd writes in decl, a function of the
// package, may be written only for some values of an argument other than
// the response and the request: a condition before the write (where the
// status reaches its sink) or around it reads such a parameter (if err
// == nil, switch e := err.(type)). A write in another function than decl
// (one it calls, a function literal in it) is not known so: true.
func (c *routeFinder) onArg(decl *ast.FuncDecl, fd status.Found) bool {
	if decl == nil || decl.Body == nil || !inAny([]*ast.BlockStmt{decl.Body}, fd.E.Pos()) {
		return true
	}
	info := c.Pass.TypesInfo
	params := map[*types.Var]bool{}
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			v, ok := info.Defs[name].(*types.Var)
			if ok && !isResponse(v.Type()) && !typesx.IsRequestPtr(v.Type()) && !typesx.Is(v.Type(), knowledge.Context) {
				params[v] = true
			}
		}
	}
	// The locals made from such a parameter decide as it does
	// (code, ok := statusOf[err]; if !ok ...).
	for changed := true; changed; {
		changed = false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, rhs := range as.Rhs {
				if !madeOf(info, rhs, params) {
					continue
				}
				for _, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if v, ok := info.ObjectOf(id).(*types.Var); ok && !params[v] {
							params[v], changed = true, true
						}
					}
				}
			}
			return true
		})
	}
	at := fd.E.Pos()
	if fd.S.Via != nil && fd.S.Via.Pos() > at {
		at = fd.S.Via.Pos() // a default in a variable, overwritten before the sink
	}
	on := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if on || n == nil || n.Pos() > at {
			return false
		}
		var conds []ast.Node
		switch s := n.(type) {
		case *ast.FuncLit:
			// A write in a literal runs when its caller calls it: not
			// known to be unconditional.
			on = s.Pos() <= at && at < s.End()
			return false
		case *ast.IfStmt:
			conds = []ast.Node{s.Init, s.Cond}
		case *ast.SwitchStmt:
			conds = []ast.Node{s.Init, s.Tag}
		case *ast.TypeSwitchStmt:
			conds = []ast.Node{s.Init, s.Assign}
		case *ast.CaseClause:
			for _, e := range s.List {
				conds = append(conds, e)
			}
		case *ast.ForStmt:
			conds = []ast.Node{s.Cond}
		case *ast.RangeStmt:
			conds = []ast.Node{s.X}
		}
		for _, cond := range conds {
			if cond != nil && typesx.UsesAny(info, cond, params) {
				on = true
			}
		}
		return !on
	})
	return on
}

// madeOf reports whether e is computed from the values of vars: their
// parts, elements, conversions, methods (err.Error()) and what the errors
// package says of them (errors.Is(err, ErrX)); not the result of a
// function that is handed one among its arguments (a service given the
// error to store), whose outcome is its own.
func madeOf(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true // a conversion
			}
			if fn := typesx.Callee(info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" {
				return true
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && typesx.UsesAny(info, sel.X, vars) {
				found = true // a method of the value
			}
			return false
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return true
	})
	return found
}

// responders are the types whose methods write a response's status: the
// receivers of the known sinks' methods (*gin.Context, echo.Context,
// *fiber.Ctx).
var responders = func() map[[2]string]bool {
	m := map[[2]string]bool{}
	for _, s := range knowledge.Sinks {
		if s.Recv != "" {
			m[[2]string{s.Path, s.Recv}] = true
		}
	}
	return m
}()

// isResponse reports whether t is what a handler writes its response
// through: net/http's ResponseWriter, or a framework's context whose
// methods write a status.
func isResponse(t types.Type) bool {
	if t == nil {
		return false
	}
	if typesx.Is(t, knowledge.HTTPResponseWriter) {
		return true
	}
	path, name, ok := typesx.TypeName(t)
	return ok && responders[[2]string{path, name}]
}

// A handedWrite is a status a function of another package writes on the
// ResponseWriter a handler's call hands it.
type handedWrite struct {
	call *ast.CallExpr
	fn   *types.Func
	Written
}

// exportInterfaceHandlers exports, on each method of the package's
// exported interfaces that one type of the package implements, that
// type's method's HandlerFact: a handler registered through the interface
// (s.handler.jwt.LoginHandler, a jwt.JWT) writes what its one
// implementation writes. Of several implementations, none is known.
func exportInterfaceHandlers(f *routeFinder, facts map[*types.Func]*HandlerFact) {
	if len(facts) == 0 {
		return
	}
	scope := f.Pass.Pkg.Scope()
	var concrete []types.Type
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && !types.IsInterface(tn.Type()) && !typesx.InTestFile(f.Pass.Fset, tn.Pos()) {
			concrete = append(concrete, tn.Type())
		}
	}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() || !types.IsInterface(tn.Type()) {
			continue
		}
		iface := tn.Type().Underlying().(*types.Interface)
		var impl types.Type
		n := 0
		for _, t := range concrete {
			if ptr := types.NewPointer(t); types.Implements(ptr, iface) {
				impl, n = ptr, n+1
			}
		}
		if n != 1 {
			continue
		}
		for m := range iface.ExplicitMethods() {
			obj, _, _ := types.LookupFieldOrMethod(impl, true, f.Pass.Pkg, m.Name())
			if fn, ok := obj.(*types.Func); ok && facts[fn] != nil {
				f.Pass.ExportObjectFact(m, facts[fn])
			}
		}
	}
}

// upgrades reports whether the code of bodies takes the request's
// connection over: a websocket library's upgrade, a hijack, or a function
// of another package that does (its HandlerFact).
func (c *routeFinder) upgrades(bodies []*ast.BlockStmt) bool {
	found := false
	for _, body := range bodies {
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			if key, via, fn, ok := typesx.Resolve(c.Pass.TypesInfo, call); ok {
				if _, known := knowledge.Lookup(knowledge.Upgrades, key, via); known {
					found = true
				} else if fn != nil && fn.Pkg() != c.Pass.Pkg {
					var fact HandlerFact
					found = status.ImportFact(c.Pass, c.Index, fn, &fact) && fact.Upgrades
				}
			}
			return !found
		})
	}
	return found
}

// handlerWritten returns the constant statuses the route's handler
// writes, with where (itself, the functions of this package it calls,
// and those of other packages through their HandlerFact), and whether it
// upgrades the connection. known is false when the handler cannot be
// read.
func (c *routeFinder) handlerWritten(r route, found []status.Found) (writes []Written, upgrades, known bool) {
	if r.from != nil {
		return r.from.Writes, r.from.Upgrades, true
	}
	if r.handler == nil {
		fn := c.importedHandler(r.handlerExpr)
		if fn == nil {
			return nil, false, false
		}
		var fact HandlerFact
		status.ImportFact(c.Pass, c.Index, fn, &fact)
		return fact.Writes, fact.Upgrades, true
	}
	bodies := c.bodies(r.handler)
	for _, fd := range found {
		if code, ok := constCode(c.Pass.TypesInfo, fd.E); ok && fd.S.Writes && !fd.S.Stored && inAny(bodies, fd.E.Pos()) {
			writes = append(writes, Written{Code: code, At: c.place(fd.E.Pos())})
		}
	}
	for _, w := range c.importedWrites(bodies) {
		if !slices.Contains(writes, w) {
			writes = append(writes, w)
		}
	}
	for _, w := range c.carried(found).writes(bodies) {
		if !slices.Contains(writes, w) {
			writes = append(writes, w)
		}
	}
	return writes, c.upgrades(bodies), true
}

// onlyRedirects is notAnOperation's answer for a handler that only
// redirects.
const onlyRedirects = "its handler only redirects (it writes a 3xx and no 2xx)"

// rendersPage is notAnOperation's answer for a handler that renders an
// HTML page.
const rendersPage = "its handler renders an HTML page (html/template), a page of a user interface, which no operation describes"

// notAnOperation says why a route the spec lacks serves no operation of
// it, or "": it serves the spec document itself (its last segment is
// the spec's file name), it is an OPTIONS route whose handler does
// nothing (a CORS preflight its middleware answers), its handler takes
// the connection over (a websocket), or it only redirects (a 3xx and no
// 2xx written: a browser's shortcut).
func (c *routeFinder) notAnOperation(r route, spec *table.Spec, found []status.Found) string {
	segs := strings.Split(strings.TrimSuffix(r.path, "/"), "/")
	if last := segs[len(segs)-1]; last != "" && last == filepath.Base(spec.Source) {
		return "it serves the spec document itself"
	}
	if r.method == http.MethodOptions && emptyHandler(r.handler) {
		return "an OPTIONS route whose handler does nothing: a CORS preflight, which its middleware answers and no operation describes"
	}
	if r.from != nil && r.from.Page || r.from == nil && c.rendersHTML(r.handler) {
		return rendersPage
	}
	writes, upgrades, known := c.handlerWritten(r, found)
	var codes []int
	for _, w := range writes {
		codes = append(codes, w.Code)
	}
	switch {
	case !known:
		return ""
	case upgrades:
		return "its handler takes the connection over (a websocket), which no operation describes"
	case slices.ContainsFunc(codes, func(code int) bool { return code >= 300 && code < 400 }) &&
		!slices.ContainsFunc(codes, func(code int) bool { return code >= 200 && code < 300 }):
		return onlyRedirects
	}
	return ""
}

// rendersHTML reports whether h, a handler's function (or the factory
// that returns it), renders an HTML page to a response writer
// (knowledge.HTMLRenders) in its own body.
func (c *routeFinder) rendersHTML(h ast.Node) bool {
	if h == nil {
		return false
	}
	info := c.Pass.TypesInfo
	renders := false
	ast.Inspect(h, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || renders {
			return !renders
		}
		if key, via, _, ok := typesx.Resolve(info, call); ok {
			if i, ok := knowledge.Lookup(knowledge.HTMLRenders, key, via); ok && i < len(call.Args) && typesx.IsResponseWriter(info.TypeOf(call.Args[i])) {
				renders = true
			}
		}
		return !renders
	})
	return renders
}

// emptyHandler reports whether h, a handler's function, has no
// statements: whatever answers its requests, it is not h.
func emptyHandler(h ast.Node) bool {
	switch h := h.(type) {
	case *ast.FuncLit:
		return len(h.Body.List) == 0
	case *ast.FuncDecl:
		return h.Body != nil && len(h.Body.List) == 0
	}
	return false
}

// constCode returns the status e holds, a constant in 100-999.
func constCode(info *types.Info, e ast.Expr) (int, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	code, exact := constant.Int64Val(tv.Value)
	if !exact || code < table.MinCode || code > table.MaxCode {
		return 0, false
	}
	return int(code), true
}

// innerHandler returns the handler the expression e serves, through
// conversions (http.HandlerFunc(h)), wrappers that answer a status of
// their own (http.TimeoutHandler(h, d, msg)) and middleware (auth(h)).
func innerHandler(info *types.Info, e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return ast.Unparen(e)
		}
		switch {
		case info.Types[call.Fun].IsType() && len(call.Args) == 1:
			e = call.Args[0]
			continue
		case middlewareArg(info, call) != nil:
			e = middlewareArg(info, call)
			continue
		}
		if key, via, _, ok := typesx.Resolve(info, call); ok {
			if w, ok := knowledge.Lookup(knowledge.WrapperStatuses, key, via); ok && w.Handler < len(call.Args) {
				e = call.Args[w.Handler]
				continue
			}
		}
		return call
	}
}

// importedHandler returns the function of another package that the
// handler expression e names (handlers.Create, h.Create of an imported
// type, http.HandlerFunc(handlers.Create)), or the factory of another
// package that makes it (x.RedirectToPublicRoute(r): its fact holds what
// the handler it returns writes); nil if neither.
func (c *routeFinder) importedHandler(e ast.Expr) *types.Func {
	info := c.Pass.TypesInfo
	var fn *types.Func
	switch x := innerHandler(info, e).(type) {
	case *ast.CallExpr:
		if isHandlerType(info.TypeOf(x)) {
			fn = typesx.Callee(info, x)
		}
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ = info.Uses[typesx.NameIdent(x)].(*types.Func)
	}
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.Pass.Pkg {
		return nil
	}
	return fn
}

// checkImported reports the statuses the handler fn of another package
// writes that op does not document, at the route's registration.
func checkImported(c *routeFinder, fn *types.Func, r route, ops []*table.Operation, specAt func(int) token.Pos) []analysis.Diagnostic {
	var fact HandlerFact
	if !status.ImportFact(c.Pass, c.Index, fn, &fact) {
		return nil
	}
	return checkWrites(handlerName(fn), fact, r, ops, specAt)
}

// checkWrites reports the statuses fact says the handler named writes
// that op does not document, at the route's registration.
func checkWrites(name string, fact HandlerFact, r route, ops []*table.Operation, specAt func(int) token.Pos) []analysis.Diagnostic {
	var diags []analysis.Diagnostic
	for _, op := range ops {
		// One finding per status, naming every place that writes it.
		var codes []int
		at := map[int][]string{}
		for _, w := range fact.Writes {
			if op.Documents(w.Code) {
				continue
			}
			if at[w.Code] == nil {
				codes = append(codes, w.Code)
			}
			if !slices.Contains(at[w.Code], w.place()) {
				at[w.Code] = append(at[w.Code], w.place())
			}
		}
		for _, code := range codes {
			diags = append(diags, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: Operation,
				Message: fmt.Sprintf("status %s written by %s (%s) is not documented for %s %s (documented: %s): its clients do not expect it; write a documented status or add the response to the spec",
					status.Describe(int64(code)), name, strings.Join(at[code], ", "), op.Method, op.Path, op.Documented()),
				Related: related(analysis.RelatedInformation{Pos: specAt(op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())})})
		}
	}
	return diags
}

// handlerObj returns the function the handler expression e names (h.get,
// handlers.Create, through conversions and middleware), or nil.
func (c *routeFinder) handlerObj(e ast.Expr) *types.Func {
	switch x := innerHandler(c.Pass.TypesInfo, e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ := c.Pass.TypesInfo.Uses[typesx.NameIdent(x)].(*types.Func)
		return fn
	}
	return nil
}

// handlerName names fn as its callers write it: pkg.F or pkg.T.M.
func handlerName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if _, name, ok := typesx.TypeName(recv.Type()); ok {
			return fn.Pkg().Name() + "." + name + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

var _ analysis.Fact = (*HandlerFact)(nil)
