package routes

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// RouteResult is what the routes pass hands the statuslint pass: its
// findings (SL1005, SL1006), and for -routes the mapping of each route.
type RouteResult struct {
	Diags, Listing []analysis.Diagnostic
	// Tied are the statuses checked against their operations, and those
	// of handlers beside the API: the API-wide SL1002 does not apply to
	// them.
	Tied map[token.Pos]bool
}

// checkRoutes ties each route to the spec's operations and checks the
// statuses its handler writes against them.
func checkRoutes(f *routeFinder, tab *table.Table, found []status.Found) RouteResult {
	res := RouteResult{Tied: map[token.Pos]bool{}}
	spec := tab.Spec
	pass := f.Pass
	specAt := func(line int) token.Pos { return specPos(pass.Fset, spec, line) }
	reported := map[string]bool{}
	// A route the spec lacks is reported only on a router that serves
	// the spec's operations (one of whose routes ties, or is a subtree of
	// their paths): not on a debug or metrics server beside it.
	type missingRoute struct {
		listing int
		root    any
		diag    analysis.Diagnostic
		// mounted: on a router that may be mounted under a prefix,
		// reported only where another route of it ties as written.
		mounted bool
		// handler is the route's handler function, if it names one;
		// method and segs, the route's.
		handler *types.Func
		method  string
		segs    []string
		// page is why its handler is not an operation's (it only
		// redirects here, a browser's shortcut; it renders an HTML
		// page) unless it serves an operation on the same router.
		page string
		// added is the prefix its router type's method put before the
		// path (a RouterAdmin's "/admin").
		added string
	}
	// tiedHandlers are the handler functions of routes tied to an
	// operation, by router, with the route: a route the spec lacks that
	// serves one of them on the same router, for the same method, at
	// the tied route's path under a prefix (/admin/schemas beside
	// /schemas), is an alias of that operation, a legacy path.
	type served struct {
		root    any
		handler *types.Func
	}
	type tiedRoute struct {
		method, op string
		segs       []string
	}
	tiedHandlers := map[served][]tiedRoute{}
	aliasOf := func(m missingRoute) string {
		for _, t := range tiedHandlers[served{m.root, m.handler}] {
			if t.method == m.method && len(t.segs) < len(m.segs) && slices.Equal(t.segs, m.segs[len(m.segs)-len(t.segs):]) {
				return t.op + ", whose handler it serves"
			}
		}
		if m.added != "" && m.method != "" {
			// Under the prefix its router type adds, an operation the
			// spec documents without it: the same endpoint, perhaps.
			segs := table.Segments(m.added)
			if len(segs) < len(m.segs) && slices.Equal(segs, m.segs[:len(segs)]) {
				if op, one := spec.MatchClient(m.method, m.segs[len(segs):]); one {
					return fmt.Sprintf("%s %s under the prefix its router type adds (%s)", op.Method, op.Path, m.added)
				}
			}
		}
		return ""
	}
	var missing []missingRoute
	// notInSpec is the finding for a route the spec lacks.
	notInSpec := func(r route, name string) analysis.Diagnostic {
		return analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: Route,
			Message: fmt.Sprintf("route %s is not in %s: clients cannot know it; document the operation in the spec or remove the route", name, tab.Name)}
	}
	// miss is the route r, named name, that the spec lacks.
	miss := func(r route, name string, mounted bool, h *types.Func, page string) missingRoute {
		m := missingRoute{len(res.Listing) - 1, r.root, notInSpec(r, name), mounted, h, r.method, table.Segments(r.path), page, r.knowledge.Prefix}
		if r.from != nil {
			m.added = r.from.Added
		}
		return m
	}
	tiedRoots := map[any]bool{}
	// exactRoots are the routers one of whose routes ties to an
	// operation by its whole path as written: they serve the spec's
	// paths at its prefix, mounted elsewhere or not.
	exactRoots := map[any]bool{}
	// apiRoots are those of exactRoots tied outside tests: a router
	// parameter's type among them serves the API (APIRoutersFact).
	apiRoots := map[any]bool{}
	// tied maps a registration to the one operation it ties to here,
	// for the RoutesFact of the function it is in.
	tied := map[*ast.CallExpr]string{}
	routes := f.findRoutes()
	for _, r := range routes {
		name := r.method
		switch {
		case len(r.methods) > 0:
			name = strings.Join(r.methods, ",")
		case name == "":
			name = "*"
		}
		name += " " + r.path
		switch {
		case r.from != nil:
			name += fmt.Sprintf(" (registered at %s by %s)", r.from.At, handlerName(r.by))
		case r.via != nil:
			p := pass.Fset.Position(r.via.Pos())
			name += fmt.Sprintf(" (through the call at %s:%d)", filepath.Base(p.Filename), p.Line)
		}

		// byEnding is the one operation whose path ends as the route's
		// own does, for a route whose router's prefix is not known here.
		byEnding := func(path string) []*table.Operation {
			if r.method == "" {
				return nil
			}
			if ending := spec.Ending(r.method, table.Segments(path)); len(ending) == 1 {
				return ending
			}
			return nil
		}
		if r.from != nil && r.from.Debug || r.from == nil && f.debugHandler(r.handlerExpr) {
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation; its handler serves the Go runtime's state or the process's metrics (net/http/pprof, expvar, promhttp), which no operation describes, so not reported", name)})
			continue
		}
		var ops []*table.Operation
		ok, local, ending := false, false, false
		if r.rooted && r.mounted {
			// After a configured root, on a router that may be mounted
			// under a prefix: the path could end as any operation's.
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> not resolved (it begins with a configured root, on a router that may be mounted under a prefix): the API-wide table applies", name)})
			continue
		}
		if !r.resolved {
			// A path that begins with a root not known here, on a
			// router whose prefix is not known either, could end as any
			// operation's: it is tied to none.
			if ops = byEnding(r.own); ops == nil || !r.prefixUnknown || r.rooted || r.unresolved != "" {
				why := cmp.Or(r.unresolved, "its path or router is not constant")
				res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
					Message: fmt.Sprintf("route %s -> not resolved (%s): the API-wide table applies", name, why)})
				continue
			}
			ok, ending = true, true
		} else {
			ops, ok = spec.Match(r.method, table.Segments(r.path))
			if !ok && r.method != "" {
				// /fs/:name/* ends in a wildcard where the spec's path
				// has its last parameter (/fs/{storage}/{filepath}): the
				// route serves that path, for its own method.
				segs := table.Segments(r.path)
				if n := len(segs); n > 0 && segs[n-1] == "*" && !slices.Contains(segs[:n-1], "*") {
					tail := append(slices.Clone(segs[:n-1]), "{}")
					if any, _ := spec.Match("", tail); len(any) > 0 {
						ops, ok = spec.Match(r.method, tail)
					}
				}
			}
		}
		var beside *route
		if ok && len(ops) > 0 && r.resolved && !r.tentative {
			// A literal segment the spec's parameter takes, beside a
			// route of the same router that has the parameter there:
			// the router serves the literal path apart, so the
			// operation is the sibling's, and this route one the spec
			// lacks.
			ops = slices.DeleteFunc(ops, func(op *table.Operation) bool {
				if s := sibling(r, op.Segments, routes); s != nil {
					beside = s
					return true
				}
				return false
			})
			if len(ops) > 0 {
				beside = nil
			}
		}
		if ok && len(ops) == 0 && !r.tentative && beside == nil {
			// Registered without the servers' base path (/pets for a
			// spec served under /api): the server sits behind a proxy or
			// is mounted under the base where this package does not show.
			segs := table.Segments(r.path)
			// Two guesses at once say nothing: a route tied without the
			// base path is not tied where its literal segment only takes
			// the place of the operation's parameter (weaviate's cluster
			// API's /backups/commit, on a server of its own, is no
			// /v1/backups/{backend}).
			ops = slices.DeleteFunc(spec.MatchLocal(r.method, segs), func(op *table.Operation) bool {
				return capturesLiteral(segs, op.Local)
			})
			local = len(ops) > 0
		}
		if r.tentative {
			// A router given as a parameter may be mounted under a
			// prefix: tied where the path names one operation, with or
			// without the spec's base path; never reported missing.
			op, one := spec.MatchClient(r.method, table.Segments(r.path))
			if !one {
				res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
					Message: fmt.Sprintf("route %s -> not resolved: its router is a parameter that may be mounted under a prefix, and the path names no single operation; the API-wide table applies", name)})
				continue
			}
			if ending := spec.Ending(r.method, table.Segments(r.path)); len(ending) > 1 {
				// Under a prefix it may be another operation whose path
				// ends as this one does (datarhei's /metrics on its
				// /api/v3 group, where the spec has both).
				res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
					Message: fmt.Sprintf("route %s -> not resolved: its router is a parameter that may be mounted under a prefix, and %d operations' paths end as this one does; the API-wide table applies", name, len(ending))})
				continue
			}
			ops, ok = []*table.Operation{op}, true
		}
		if len(r.methods) > 0 {
			// Tied by path, for every method: keep the route's own.
			ops = slices.DeleteFunc(ops, func(op *table.Operation) bool { return !slices.Contains(r.methods, op.Method) })
		}
		if len(ops) == 0 && r.mounted && beside == nil {
			// Handed elsewhere, to be mounted under a prefix not known
			// here.
			ops = byEnding(r.path)
			ending = len(ops) > 0
		}
		// why says why a route the spec's parameter would take is none.
		why := ""
		if beside != nil {
			p := pass.Fset.Position(beside.at.Pos())
			why = fmt.Sprintf("; the spec's parameter would take its literal segment, but the route %s %s (%s:%d) has the parameter there on the same router, which serves the literal path apart", cmp.Or(beside.method, "*"), beside.path, filepath.Base(p.Filename), p.Line)
		}
		switch {
		case len(ops) == 0 && r.mounted && ok && spec.Covers(table.Segments(r.path)) && f.notAnOperation(r, spec, found) == "" && !typesx.InTestFile(pass.Fset, r.call.Pos()):
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation%s; its router is handed elsewhere and may be mounted under a prefix, so the API-wide table applies", name, why)})
			missing = append(missing, miss(r, name, true, f.handlerObj(r.handlerExpr), ""))
			continue
		case len(ops) == 0 && r.mounted:
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation; its router is handed elsewhere and may be mounted under a prefix, so the API-wide table applies", name)})
			continue
		case !ok:
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> a wildcard, tied to no operation: the API-wide table applies", name)})
			if spec.Serves(table.Segments(r.path)) {
				tiedRoots[r.root] = true // a subtree of the API's paths: its router serves them
			}
			continue
		case len(ops) == 0 && typesx.InTestFile(pass.Fset, r.call.Pos()):
			// A test's own server stands in for whatever it tests.
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation; registered in a test, so not reported", name)})
			besideAPI(f, r, found, &res)
			continue
		case len(ops) == 0 && !spec.Covers(table.Segments(r.path)):
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation; beside the API's paths (no operation's path starts as it does), so not reported", name)})
			besideAPI(f, r, found, &res)
			continue
		case len(ops) == 0 && f.notAnOperation(r, spec, found) != "":
			not := f.notAnOperation(r, spec, found)
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation; %s, so not reported", name, not)})
			if h := f.handlerObj(r.handlerExpr); (not == onlyRedirects || not == rendersPage) && h != nil && r.method != "" && !typesx.InTestFile(pass.Fset, r.call.Pos()) {
				// Judged once every route is tied: a handler that
				// serves an operation here is no browser's shortcut.
				missing = append(missing, miss(r, name, false, h, not))
			}
			continue
		case len(ops) == 0:
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> no operation%s", name, why)})
			missing = append(missing, miss(r, name, false, f.handlerObj(r.handlerExpr), ""))
			continue
		}
		tiedRoots[r.root] = true
		if !local && !ending && !r.tentative && r.root != nil {
			exactRoots[r.root] = true
			if !typesx.InTestFile(pass.Fset, r.call.Pos()) {
				apiRoots[r.root] = true
			}
		}
		if len(r.methods) > 0 && !r.mounted && !r.tentative && !typesx.InTestFile(pass.Fset, r.call.Pos()) {
			// Served for methods of which the spec has some: the others
			// are routes it lacks.
			for _, m := range r.methods {
				if !slices.ContainsFunc(ops, func(op *table.Operation) bool { return op.Method == m }) {
					res.Diags = append(res.Diags, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: Route,
						Message: fmt.Sprintf("route %s %s is not in %s: clients cannot know it; document the operation in the spec or remove the route", m, r.path, tab.Name)})
				}
			}
		}
		for _, op := range ops {
			how := ""
			switch {
			case local:
				how = ", without the servers' base path"
			case ending:
				how = ", the one operation whose path ends as the route's: its router's prefix is not known here"
			}
			res.Listing = append(res.Listing, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: "routes",
				Message: fmt.Sprintf("route %s -> %s %s (%s, %s:%d%s)", name, op.Method, op.Path, op.Name(), filepath.Base(spec.Source), op.Line, how)})
		}
		if len(ops) == 1 && r.from == nil && r.via == nil {
			tied[r.call] = ops[0].Method + " " + ops[0].Path
		}
		if h := f.handlerObj(r.handlerExpr); h != nil && len(ops) > 0 && r.method != "" {
			key := served{r.root, h}
			tiedHandlers[key] = append(tiedHandlers[key], tiedRoute{r.method, ops[0].Method + " " + ops[0].Path, table.Segments(r.path)})
		}
		checkWrapperStatuses(f, r, ops, specAt, reported, &res)
		if r.from != nil {
			// Checked where it was registered if tied there to the
			// same operation.
			if !slices.ContainsFunc(ops, func(op *table.Operation) bool { return op.Method+" "+op.Path == r.from.Tied }) {
				res.Diags = append(res.Diags, checkWrites("the handler registered at "+r.from.At, HandlerFact{Writes: r.from.Writes}, r, ops, specAt)...)
			}
			continue
		}
		registered := analysis.RelatedInformation{Pos: r.at.Pos(), End: r.at.End(), Message: fmt.Sprintf("the handler is registered here for %s", name)}
		if r.handler == nil {
			if fn := f.importedHandler(r.handlerExpr); fn != nil {
				res.Diags = append(res.Diags, checkImported(f, fn, r, ops, specAt)...)
			}
			checkCarried(f, f.carried(found).builtWrites(r.handlerExpr), ops, r.method == "", typesx.InTestFile(pass.Fset, r.call.Pos()), registered, specAt, reported, &res)
			continue
		}
		// A handler served for several methods may write a status for
		// one of them only: it is reported when no operation of the
		// route documents it. A route a test registers ties only what
		// test files write: what the package's own files write has one
		// answer, with or without its tests (the package and its test
		// variant are analyzed apart).
		bodies := f.bodies(r.handler)
		checkHandler(f, bodies, ops, r.method == "", typesx.InTestFile(pass.Fset, r.call.Pos()), found, registered, specAt, reported, &res)
		checkImplicitOK(f, r.handler, bodies, ops, r.method == "", found, registered, specAt, reported, &res)
		checkCarried(f, f.carried(found).carriedWrites(bodies), ops, r.method == "", typesx.InTestFile(pass.Fset, r.call.Pos()), registered, specAt, reported, &res)
		checkHanded(f, bodies, ops, r.method == "", typesx.InTestFile(pass.Fset, r.call.Pos()), registered, specAt, reported, &res)
	}
	for _, m := range missing {
		if m.page != "" {
			tied := tiedHandlers[served{m.root, m.handler}]
			if m.root == nil || len(tied) == 0 {
				continue // a browser's shortcut: not reported
			}
			res.Listing[m.listing].Message = strings.Replace(res.Listing[m.listing].Message, m.page+", so not reported",
				fmt.Sprintf("%s, but the same handler serves %s on this router: a route of the API", m.page, tied[0].op), 1)
		}
		if op := aliasOf(m); op != "" {
			res.Listing[m.listing].Message += fmt.Sprintf("; an alias of %s, so not reported", op)
			continue
		}
		if m.mounted {
			if m.root == nil || !exactRoots[m.root] {
				continue
			}
			res.Listing[m.listing].Message = strings.Replace(res.Listing[m.listing].Message, "so the API-wide table applies", "but its other routes tie to the spec's paths as written", 1)
			res.Diags = append(res.Diags, m.diag)
			continue
		}
		if m.root != nil && !tiedRoots[m.root] {
			if !f.servesAPI(m.root) {
				res.Listing[m.listing].Message += "; its router serves no operation of the spec (a debug or metrics server beside the API), so not reported"
				continue
			}
			res.Listing[m.listing].Message += fmt.Sprintf("; its router is of a type, %s, that the packages it depends on serve the spec's operations on", f.apiRouterParam(m.root))
		}
		res.Diags = append(res.Diags, m.diag)
	}
	checkGenerated(f, spec, found, specAt, reported, &res)
	checkClients(f, tab, &res)
	exportHandlers(f, found)
	f.carried(found).export()
	exportRejects(f)
	exportRoutes(f, found, tied)
	exportRegistrars(f)
	exportRouterValues(f)
	exportRouterFields(f)
	exportAPIRouters(f, apiRoots)
	return res
}

// checkWrapperStatuses reports the status a wrapper around the route's
// handler answers on its own (http.TimeoutHandler's 503) where an
// operation the route is tied to does not document it; for a route of
// several methods, where none does.
func checkWrapperStatuses(f *routeFinder, r route, ops []*table.Operation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for _, call := range r.wrappers {
		key, via, _, _ := typesx.Resolve(f.Pass.TypesInfo, call)
		w, _ := knowledge.Lookup(knowledge.WrapperStatuses, key, via)
		what := fmt.Sprintf(", which %s answers %s,", typesx.Render(f.Pass.Fset, call.Fun), w.When)
		reportUndocumented(call, w.Code, what, "add the response to the spec", ops, r.method == "", nil, specAt, reported, res)
	}
}

// checkImplicitOK reports a handler that writes its body with no status
// written before it, which net/http answers with 200, where an operation
// it is tied to does not document 200 (one that documents only 302 or
// 201). Only a handler whose status is all implicit is judged: one that
// writes no status anywhere (itself or the functions of its package it
// calls) and hands its ResponseWriter to nothing but body writers.
func checkImplicitOK(f *routeFinder, handler ast.Node, bodies []*ast.BlockStmt, ops []*table.Operation, anyOp bool, found []status.Found, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	if write := implicitOK(f, handler, bodies, found); write != nil {
		reportUndocumented(write, http.StatusOK, ", which net/http sends when the body is written before any WriteHeader,", "call WriteHeader with a documented status first",
			ops, anyOp, []analysis.RelatedInformation{how}, specAt, reported, res)
	}
}

// implicitOK returns the first call of a net/http handler that writes the
// response's body (w.Write, fmt.Fprint*(w, ...), io.WriteString(w, ...),
// io.Copy(w, ...), json.NewEncoder(w).Encode(...)), if the handler writes
// no status and uses its ResponseWriter for nothing else than those and
// its headers.
func implicitOK(f *routeFinder, handler ast.Node, bodies []*ast.BlockStmt, found []status.Found) ast.Node {
	var ft *ast.FuncType
	var body *ast.BlockStmt
	switch h := handler.(type) {
	case *ast.FuncLit:
		ft, body = h.Type, h.Body
	case *ast.FuncDecl:
		ft, body = h.Type, h.Body
	}
	if body == nil {
		return nil
	}
	if slices.ContainsFunc(found, func(fd status.Found) bool { return fd.S.Writes && inAny(bodies, fd.E.Pos()) }) {
		return nil
	}
	info := f.Pass.TypesInfo
	var w *types.Var
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && w == nil && typesx.Is(v.Type(), knowledge.HTTPResponseWriter) {
				w = v
			}
		}
	}
	if w == nil {
		return nil
	}
	var root inspector.Cursor
	inFile := false
	for _, fc := range f.AllFiles {
		if file := fc.Node().(*ast.File); file.FileStart <= handler.Pos() && handler.Pos() < file.FileEnd {
			root, inFile = fc.FindNode(handler)
		}
	}
	if !inFile {
		return nil
	}
	var first ast.Node
	ok := true
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		if !ok {
			break
		}
		if info.Uses[cur.Node().(*ast.Ident)] != w {
			continue
		}
		write, known := useOfWriter(info, cur)
		switch {
		case !known:
			ok = false
		case write != nil && (first == nil || write.Pos() < first.Pos()):
			first = write
		}
	}
	if !ok {
		return nil
	}
	return first
}

// useOfWriter says what a use of a handler's ResponseWriter does: the call
// that writes the body with it (nil for w.Header()), and whether the use
// is one of those.
func useOfWriter(info *types.Info, cur inspector.Cursor) (ast.Node, bool) {
	id := cur.Node().(*ast.Ident)
	var call *ast.CallExpr
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr: // w.Write(b), w.Header()
		call, _ = cur.Parent().Parent().Node().(*ast.CallExpr)
		if p.X != id || call == nil || call.Fun != p {
			return nil, false
		}
	case *ast.CallExpr: // fmt.Fprintf(w, ...), json.NewEncoder(w)
		if len(p.Args) == 0 || p.Args[0] != id {
			return nil, false
		}
		call = p
	default:
		return nil, false
	}
	key, via, _, ok := typesx.Resolve(info, call)
	if !ok {
		return nil, false
	}
	if key == knowledge.WriterHeader || via == knowledge.WriterHeader {
		return nil, true
	}
	method, ok := knowledge.Lookup(knowledge.BodyWriters, key, via)
	if !ok {
		return nil, false
	}
	if method == "" {
		return call, true
	}
	// json.NewEncoder(w).Encode(v): the encoder's method writes.
	sel, ok := cur.Parent().Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != method {
		return nil, false
	}
	enc, ok := cur.Parent().Parent().Parent().Node().(*ast.CallExpr)
	return enc, ok && enc.Fun == sel
}

// besideAPI exempts from the API-wide table (SL1002) the constant
// statuses the handler of r, a route beside the API (a redirect of /, a
// management endpoint, a test's stub), writes in its own body: what it
// answers is not the API's. The functions it calls may serve the API's
// handlers too, and stay checked; so does what the package's own files
// write for a route a test registers (checkHandler's testsOnly).
func besideAPI(f *routeFinder, r route, found []status.Found, res *RouteResult) {
	bodies := f.bodies(r.handler)
	if len(bodies) == 0 {
		return
	}
	testRoute := typesx.InTestFile(f.Pass.Fset, r.call.Pos())
	for _, fd := range found {
		if fd.S.Writes && inAny(bodies[:1], fd.E.Pos()) && (!testRoute || typesx.InTestFile(f.Pass.Fset, fd.E.Pos())) {
			res.Tied[fd.E.Pos()] = true
		}
	}
}

// related keeps the related information that has a position (an
// operation whose line is not known has none).
func related(infos ...analysis.RelatedInformation) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, r := range infos {
		if r.Pos.IsValid() {
			out = append(out, r)
		}
	}
	return out
}

func inAny(bodies []*ast.BlockStmt, pos token.Pos) bool {
	for _, b := range bodies {
		if b.Pos() <= pos && pos < b.End() {
			return true
		}
	}
	return false
}

// specFiles holds, per file set, the spec files added to it so that
// diagnostics can point into them. A file set is held weakly and its
// entries go with it, so that a long-lived host (a language server, a
// linter daemon) that analyzes with a new file set each time does not
// keep them all.
var specFiles sync.Map

// specKey -> *token.File

type specKey struct {
	fset weak.Pointer[token.FileSet]
	path string
}

// specPos returns the position of line in the spec, adding its file to
// fset once.
func specPos(fset *token.FileSet, spec *table.Spec, line int) token.Pos {
	key := specKey{weak.Make(fset), spec.Source}
	f, ok := specFiles.Load(key)
	if !ok {
		tf := fset.AddFile(spec.Source, -1, len(spec.Data))
		tf.SetLinesForContent(spec.Data)
		var loaded bool
		if f, loaded = specFiles.LoadOrStore(key, tf); !loaded {
			runtime.AddCleanup(fset, func(k specKey) { specFiles.Delete(k) }, key)
		}
	}
	tf := f.(*token.File)
	if line < 1 || line > tf.LineCount() {
		return token.NoPos
	}
	return tf.LineStart(line)
}

// checkHandler ties the constant statuses written in bodies, a handler's
// and those of the functions of its package it calls, to ops, and reports
// those an operation does not document; with anyOp (a handler served for
// several methods, or for every method), only those no operation
// documents; with testsOnly, only the statuses test files write. how says
// where the handler was bound to them (a registration, a generated
// server's interface).
func checkHandler(f *routeFinder, bodies []*ast.BlockStmt, ops []*table.Operation, anyOp, testsOnly bool, found []status.Found, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for _, fd := range found {
		if !fd.S.Writes || !inAny(bodies, fd.E.Pos()) || testsOnly && !typesx.InTestFile(f.Pass.Fset, fd.E.Pos()) {
			continue
		}
		code, ok := constCode(f.Pass.TypesInfo, fd.E)
		if !ok {
			continue // not a constant, or SL1004's
		}
		res.Tied[fd.E.Pos()] = true
		reportUndocumented(fd.E, code, " in "+fd.S.What, "write a documented status or add the response to the spec", ops, anyOp, []analysis.RelatedInformation{how}, specAt, reported, res)
	}
}

// reportUndocumented reports code, written at n, for each operation of ops
// that does not document it, once per position and operation; with anyOp
// (a route of several methods, or every method), only where none of them
// does. what says how the status is written (" in WriteHeader", ", which
// http.TimeoutHandler answers ..."), fix what to do; the finding's related
// information is how the handler was bound, then the operation in the
// spec.
func reportUndocumented(n ast.Node, code int, what, fix string, ops []*table.Operation, anyOp bool, how []analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	if anyOp && slices.ContainsFunc(ops, func(op *table.Operation) bool { return op.Documents(code) }) {
		return
	}
	for _, op := range ops {
		key := fmt.Sprint(n.Pos(), op.Method, op.Path)
		if op.Documents(code) || reported[key] {
			continue
		}
		reported[key] = true
		res.Diags = append(res.Diags, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: Operation,
			Message: fmt.Sprintf("status %s%s is not documented for %s %s (documented: %s): its clients do not expect it; %s",
				status.Describe(int64(code)), what, op.Method, op.Path, op.Documented(), fix),
			Related: related(append(slices.Clone(how), analysis.RelatedInformation{Pos: specAt(op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())})...)})
	}
}

// sibling returns the route of r's router that is r's path but for one
// segment, a parameter where r has a literal that opSegs's parameter
// takes, for r's method (or every method), or nil if there is none. A
// tree router (chi, httprouter, gin, echo, fiber) serves /events/count
// apart from /events/{id}, as OpenAPI matches concrete paths before
// templated ones, so the operation at /events/{id} is that route's, not
// r's.
func sibling(r route, opSegs []string, routes []route) *route {
	segs := table.Segments(r.path)
	if len(segs) != len(opSegs) || r.root == nil {
		return nil
	}
	for k := range routes {
		s := &routes[k]
		if !s.resolved || s.root != r.root || s.call == r.call || !sameMethod(*s, r) {
			continue
		}
		other := table.Segments(s.path)
		if len(other) != len(segs) {
			continue
		}
		differ := -1
		for i := range segs {
			if other[i] == segs[i] {
				continue
			}
			if differ >= 0 {
				differ = -1
				break
			}
			differ = i
		}
		if i := differ; i >= 0 && other[i] == "{}" && opSegs[i] == "{}" && segs[i] != "{}" && segs[i] != "*" {
			return s
		}
	}
	return nil
}

// capturesLiteral reports whether a parameter of opSegs takes the place
// of a literal segment of segs.
func capturesLiteral(segs, opSegs []string) bool {
	for i, seg := range segs {
		if i < len(opSegs) && opSegs[i] == "{}" && seg != "{}" && seg != "*" {
			return true
		}
	}
	return false
}

// sameMethod reports whether s serves r's method: the same one, or every
// method, or a list that holds it.
func sameMethod(s, r route) bool {
	switch {
	case s.method == "" && len(s.methods) == 0:
		return true
	case len(s.methods) > 0:
		return slices.Contains(s.methods, r.method)
	}
	return s.method == r.method
}
