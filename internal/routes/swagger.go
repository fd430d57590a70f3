package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// go-swagger's generated servers. Each operation is a type documented
// "GetSilence swagger:route GET /silence/{silenceID} silence getSilence"
// whose field of a handler interface (GetSilenceHandler, with
// Handle(GetSilenceParams) middleware.Responder) is what the project
// configures: a value of its own type that implements it, or a function
// converted to the generated function type that does
// (GetSilenceHandlerFunc(api.getSilenceHandler)). The handler answers by
// the responder it returns, whose WriteResponse writes the status; and
// before it runs, the generated ServeHTTP binds the request
// (BindValidRequest), answering the status of the error the parameters'
// BindRequest rejects it with: 422 for a validation error.

// swaggerRoute is the doc of a go-swagger operation's type.
var swaggerRoute = regexp.MustCompile(`\bswagger:route\s+(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s+(/\S*)`)

// RejectsFact records the statuses go-openapi answers for the errors a
// function may return (knowledge.Rejections): a go-swagger model's
// Validate, a binder's helpers.
type RejectsFact struct {
	Rejects []Rejected
}

// Rejected is a status answered for a request rejected with an error
// made by By ("errors.InvalidType") at At ("get_silence_parameters.go:88").
type Rejected struct {
	Code int
	At   string
	By   string
}

// AFact marks RejectsFact as a fact.
func (*RejectsFact) AFact() {}

func (f *RejectsFact) String() string { return "rejects" + rejectCodes(f.Rejects) }

func rejectCodes(rs []Rejected) string {
	var codes []int
	for _, r := range rs {
		codes = append(codes, r.Code)
	}
	return fmt.Sprint(codes)
}

// bindSwagger adds to out the methods of the handler interfaces of the
// package's go-swagger operations, each bound to its operation with the
// statuses its binder rejects a request with, and exports them.
func bindSwagger(f *routeFinder, file *ast.File, out map[*types.Func]OperationFact) {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			doc := ts.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			if doc == nil {
				continue
			}
			sub := swaggerRoute.FindStringSubmatch(doc.Text())
			tn, ok := f.Pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
			if sub == nil || !ok {
				continue
			}
			st, ok := tn.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			rejects := f.bindRejects(tn.Type())
			for field := range st.Fields() {
				named, ok := types.Unalias(field.Type()).(*types.Named)
				if !ok || named.Obj().Pkg() != f.Pass.Pkg || !types.IsInterface(named) {
					continue
				}
				for m := range named.Underlying().(*types.Interface).ExplicitMethods() {
					fact := OperationFact{Method: sub[1], Path: sub[2], Rejects: rejects}
					out[m] = fact
					if m.Exported() {
						f.Pass.ExportObjectFact(m, &fact)
					}
				}
			}
		}
	}
}

// bindRejects returns the statuses the ServeHTTP method of t, a
// go-swagger operation's type, answers when it binds a request and its
// binder rejects it (knowledge.Binds).
func (c *routeFinder) bindRejects(t types.Type) []Rejected {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, c.Pass.Pkg, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	decl := c.Decls[fn]
	if !ok || decl == nil || decl.Body == nil {
		return nil
	}
	var out []Rejected
	for call := range callsIn([]*ast.BlockStmt{decl.Body}) {
		callee := typesx.Callee(c.Pass.TypesInfo, call)
		if callee == nil {
			continue
		}
		b, ok := knowledge.Binds[typesx.FuncKey(callee)]
		if !ok || b.Binder >= len(call.Args) {
			continue
		}
		t := c.Pass.TypesInfo.TypeOf(call.Args[b.Binder])
		if t == nil {
			continue
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		m, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, c.Pass.Pkg, b.Method)
		if binder, ok := m.(*types.Func); ok {
			out = mergeRejects(out, c.rejects(binder))
		}
	}
	return out
}

// rejects returns the statuses go-openapi answers for the errors fn may
// return: those its body, or a function of the package it calls, makes
// with a call of knowledge.Rejections, and those of other packages'
// functions it calls (their RejectsFact). A call made is taken as an
// error returned: in a generated binder or model, every such error is
// collected and returned.
func (c *routeFinder) rejects(fn *types.Func) []Rejected {
	if fn.Pkg() != c.Pass.Pkg {
		var fact RejectsFact
		if status.ImportFact(c.Pass, c.Index, fn, &fact) {
			return fact.Rejects
		}
		return nil
	}
	if c.rejected == nil {
		c.rejected = map[*types.Func][]Rejected{}
	}
	if rs, ok := c.rejected[fn]; ok {
		return rs
	}
	c.rejected[fn] = nil // a recursive call adds nothing
	decl := c.Decls[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	var out []Rejected
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee := typesx.Callee(c.Pass.TypesInfo, call)
		if callee == nil || callee.Pkg() == nil {
			return true
		}
		if code, ok := knowledge.Rejections[typesx.FuncKey(callee)]; ok {
			by := callee.Pkg().Name() + "." + callee.Name()
			out = mergeRejects(out, []Rejected{{Code: code, At: c.place(call.Pos()), By: by}})
		} else if r := recvType(callee); r == nil || !types.IsInterface(r) {
			out = mergeRejects(out, c.rejects(callee))
		}
		return true
	})
	c.rejected[fn] = out
	return out
}

// qualifier names another package by its name, as its code is read.
func (c *routeFinder) qualifier(p *types.Package) string {
	if p == c.Pass.Pkg {
		return ""
	}
	return p.Name()
}

// recvType returns the receiver type of fn, a method, or nil.
func recvType(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// mergeRejects returns rs with those of add whose status it lacks, sorted
// by status: one place per status is what a finding names.
func mergeRejects(rs, add []Rejected) []Rejected {
	for _, r := range add {
		if !slices.ContainsFunc(rs, func(x Rejected) bool { return x.Code == r.Code }) {
			rs = append(rs, r)
		}
	}
	slices.SortStableFunc(rs, func(a, b Rejected) int { return a.Code - b.Code })
	return rs
}

// exportRejects exports a RejectsFact for each exported function of a
// package that makes go-openapi's errors, that returns an error and may
// return one (a go-swagger model's Validate).
func exportRejects(f *routeFinder) {
	uses := false
	for _, imp := range f.Pass.Pkg.Imports() {
		if p := imp.Path(); p == knowledge.OpenAPIErrors || p == knowledge.OpenAPIValidate {
			uses = true
		}
	}
	if !uses {
		return
	}
	for _, fn := range typesx.SortedDecls(f.Decls) {
		if !fn.Exported() || errorResult(fn.Signature()) < 0 {
			continue
		}
		if rs := f.rejects(fn); len(rs) > 0 {
			f.Pass.ExportObjectFact(fn, &RejectsFact{Rejects: rs})
		}
	}
}

// responderMethod returns the method of the interface a function of
// signature sig returns that is given the response to write, not the
// request (go-openapi's Responder.WriteResponse), or "" when sig returns
// no such interface.
func responderMethod(sig *types.Signature) string {
	if sig == nil || sig.Results().Len() != 1 {
		return ""
	}
	it, ok := sig.Results().At(0).Type().Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	// A method given the writer and not the request writes a response
	// made already; one given both is a handler, which a constructor
	// returns (a handler's fact is what it writes, not this).
	for m := range it.Methods() {
		writer, request := false, false
		for p := range m.Signature().Params().Variables() {
			writer = writer || typesx.Is(p.Type(), knowledge.HTTPResponseWriter)
			request = request || typesx.Is(p.Type(), knowledge.HTTPRequest)
		}
		if writer && !request {
			return m.Name()
		}
	}
	return ""
}

// A returnedWrite is a status a handler answers by returning a responder
// that writes it: the returned expression, the responder's type, and
// where its method writes the status.
type returnedWrite struct {
	ret  ast.Expr
	typ  types.Type
	code int
	at   string
}

// returnedWrites returns the statuses that fn, a function declaration or
// literal returning a responder, answers with the responders of a type
// its returns give: what the type's method writes for sure, by its body
// here or its HandlerFact. A responder returned as the interface (a
// variable, another function's result) says nothing.
func (c *routeFinder) returnedWrites(fn ast.Node, found []status.Found) []returnedWrite {
	body := funcBody(fn)
	typed := ast.Expr(nil)
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		typed = fn.Name
	case *ast.FuncLit:
		typed = fn
	}
	sig, _ := c.Pass.TypesInfo.TypeOf(typed).(*types.Signature)
	name := responderMethod(sig)
	if body == nil || name == "" {
		return nil
	}
	var out []returnedWrite
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				return true
			}
			t := c.Pass.TypesInfo.TypeOf(n.Results[0])
			if t == nil || types.IsInterface(t) {
				return true
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, c.Pass.Pkg, name)
			m, ok := obj.(*types.Func)
			if !ok {
				return true
			}
			for _, w := range c.methodWrites(m, found) {
				out = append(out, returnedWrite{ret: n.Results[0], typ: t, code: w.Code, at: w.At})
			}
		}
		return true
	})
	return out
}

// methodWrites returns the statuses m writes for sure (not by its
// arguments): by its body here, or its HandlerFact.
func (c *routeFinder) methodWrites(m *types.Func, found []status.Found) []Written {
	var out []Written
	if m.Pkg() != c.Pass.Pkg {
		var fact HandlerFact
		if status.ImportFact(c.Pass, c.Index, m, &fact) {
			for _, w := range fact.Writes {
				if !w.OnArg && w.Via == "" {
					out = append(out, w)
				}
			}
		}
		return out
	}
	decl := c.Decls[m]
	if decl == nil || decl.Body == nil {
		return nil
	}
	for _, fd := range found {
		code, ok := constCode(c.Pass.TypesInfo, fd.E)
		if ok && fd.S.Writes && !fd.S.Stored && inAny([]*ast.BlockStmt{decl.Body}, fd.E.Pos()) && !c.onArg(decl, fd) {
			out = append(out, Written{Code: code, At: c.place(fd.E.Pos())})
		}
	}
	return out
}

// checkReturned reports the statuses of the responders a handler
// returns (returnedWrites) that an operation of ops does not document, at
// the return.
func checkReturned(f *routeFinder, fn ast.Node, ops []*table.Operation, found []status.Found, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for _, w := range f.returnedWrites(fn, found) {
		what := fmt.Sprintf(", which the responder %s returned here writes (%s),", types.TypeString(w.typ, f.qualifier), w.at)
		reportUndocumented(w.ret, w.code, what, "return a documented response or add the response to the spec", ops, false, []analysis.RelatedInformation{how}, specAt, reported, res)
	}
}

// checkRejects reports, at n, where a go-swagger operation's handler is
// configured, the statuses its generated binder rejects a request with
// that an operation of ops does not document.
func checkRejects(n ast.Node, op OperationFact, ops []*table.Operation, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	var answers []answer
	for _, r := range op.Rejects {
		answers = append(answers, answer{r.Code, fmt.Sprintf(", which go-openapi answers before the handler runs when the generated binder rejects the request (%s, %s),", r.By, r.At),
			"document the response in the spec, or relax the parameter's schema"})
	}
	reportEach(n, answers, ops, how, specAt, reported, res)
}

// An answer is a status a handler answers where it is configured, how
// (" written by ..."), and what to do about it.
type answer struct {
	code      int
	what, fix string
}

// reportEach reports, at n, each status of answers that an operation of
// ops does not document: one finding per status and operation (several
// statuses answered at one place are several problems).
func reportEach(n ast.Node, answers []answer, ops []*table.Operation, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for _, op := range ops {
		for _, a := range answers {
			key := fmt.Sprint(n.Pos(), op.Method, op.Path, a.code)
			if op.Documents(a.code) || reported[key] {
				continue
			}
			reported[key] = true
			res.Diags = append(res.Diags, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: Operation,
				Message: fmt.Sprintf("status %s%s is not documented for %s %s (documented: %s): its clients do not expect it; %s",
					status.Describe(int64(a.code)), a.what, op.Method, op.Path, op.Documented(), a.fix),
				Related: related(how, analysis.RelatedInformation{Pos: specAt(op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())})})
		}
	}
}

// checkConfigured checks the handlers the package configures for the
// operations of bound, generated interfaces: a function converted to a
// generated function type that implements one
// (silence.GetSilenceHandlerFunc(api.getSilenceHandler)). Its returned
// responders are checked against the operation, and so is what the
// generated binder rejects a request with, at the conversion. A function
// of another package is checked by its HandlerFact.
func checkConfigured(f *routeFinder, spec *table.Spec, ifaces []*types.Interface, local map[*types.Func]OperationFact, found []status.Found, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	info := f.Pass.TypesInfo
	for _, file := range f.Pass.Files {
		if ast.IsGenerated(file) || typesx.InTestFile(f.Pass.Fset, file.Pos()) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			tv, ok := info.Types[call.Fun]
			if !ok || !tv.IsType() {
				return true
			}
			if _, ok := tv.Type.Underlying().(*types.Signature); !ok {
				return true
			}
			for _, it := range ifaces {
				if !types.Implements(tv.Type, it) && !types.Implements(types.NewPointer(tv.Type), it) {
					continue
				}
				op, ok := operationOf(f, local, it.Method(0))
				ops := spec.MatchTemplate(op.Method, op.Path)
				if !ok || len(ops) == 0 {
					continue
				}
				arg := ast.Unparen(call.Args[0])
				name := types.ExprString(arg)
				for _, o := range ops {
					res.Listing = append(res.Listing, analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Category: "routes",
						Message: fmt.Sprintf("handler %s -> %s %s (%s, configured as %s)", name, o.Method, o.Path, o.Name(), types.TypeString(tv.Type, f.qualifier))})
				}
				how := analysis.RelatedInformation{Pos: call.Pos(), End: call.End(),
					Message: fmt.Sprintf("%s is configured here as the handler of %s %s", name, op.Method, op.Path)}
				node := handlerNode(f, arg)
				if f.placeholder(node) {
					break // go-swagger's scaffold: no implementation yet
				}
				checkRejects(call, op, ops, how, specAt, reported, res)
				switch fn := node.(type) {
				case *ast.FuncLit, *ast.FuncDecl:
					checkHandler(f, f.bodies(fn.(ast.Node)), ops, false, false, found, how, specAt, reported, res)
					checkReturned(f, fn.(ast.Node), ops, found, how, specAt, reported, res)
				case *types.Func:
					checkImportedReturns(f, arg, fn, ops, how, specAt, reported, res)
				}
				break
			}
			return true
		})
	}
}

// placeholder reports whether fn, a function literal or declaration,
// answers only with a response of knowledge.Placeholders: a handler not
// written yet (go-swagger's configure_*.go scaffold).
func (c *routeFinder) placeholder(fn any) bool {
	body := funcBody(fn)
	if body == nil {
		return false
	}
	returns, placeholders := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 1 {
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					if fn := typesx.Callee(c.Pass.TypesInfo, call); fn != nil && knowledge.Placeholders[typesx.FuncKey(fn)] {
						placeholders++
					}
				}
			}
		}
		return true
	})
	return returns > 0 && returns == placeholders
}

// funcBody returns the body of fn, a function literal or declaration, or
// nil.
func funcBody(fn any) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncLit:
		return fn.Body
	case *ast.FuncDecl:
		return fn.Body
	}
	return nil
}

// handlerNode returns the handler function e names: a literal, the
// declaration of a function or method of the package, or another
// package's function; nil if it names none.
func handlerNode(f *routeFinder, e ast.Expr) any {
	switch e := e.(type) {
	case *ast.FuncLit:
		return e
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := e.(*ast.Ident)
		if sel, isSel := e.(*ast.SelectorExpr); isSel {
			id, ok = sel.Sel, true
		}
		fn, isFn := f.Pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || !isFn {
			return nil
		}
		if fn.Pkg() == f.Pass.Pkg {
			if d := f.Decls[fn]; d != nil {
				return d
			}
			return nil
		}
		return fn
	}
	return nil
}

// checkImportedReturns reports, at e, the statuses fn, a handler of
// another package, writes or answers with the responders it returns (its
// HandlerFact) that an operation of ops does not document: one finding
// per status, as a route's handler of another package is checked
// (checkWrites).
func checkImportedReturns(f *routeFinder, e ast.Expr, fn *types.Func, ops []*table.Operation, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	var fact HandlerFact
	if !status.ImportFact(f.Pass, f.Index, fn, &fact) {
		return
	}
	var answers []answer
	for _, w := range fact.Writes {
		answers = append(answers, answer{w.Code, fmt.Sprintf(" written by %s (%s)", handlerName(fn), w.place()), "write a documented status or add the response to the spec"})
	}
	for _, w := range fact.Returns {
		answers = append(answers, answer{w.Code, fmt.Sprintf(", which %s answers by returning a responder that writes it (%s),", fn.Name(), w.place()), "return a documented response or add the response to the spec"})
	}
	reportEach(e, answers, ops, how, specAt, reported, res)
}

// exportedReturns returns the statuses of the responders decl, a
// function of the package, returns (returnedWrites): its HandlerFact's
// Returns, each at the return and by way of the responder's write.
func (c *routeFinder) exportedReturns(decl *ast.FuncDecl, found []status.Found) []Written {
	var out []Written
	for _, w := range c.returnedWrites(decl, found) {
		x := Written{Code: w.code, At: c.place(w.ret.Pos()), Via: w.at}
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
