package sinks

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// SinkFact marks a function whose integer parameters (by index) are
// statuses: each flows, unchanged, into a status sink. Other packages'
// calls to it are then checked like calls to WriteHeader.
type SinkFact struct {
	Params []int
	// Partial are the Params that reach the sink only on some paths, or
	// that the function may overwrite first: a value below 100 given for
	// one is taken for "no status", not reported as invalid.
	Partial []int
}

func (*SinkFact) AFact() {}

func (f *SinkFact) String() string { return fmt.Sprintf("statusSink%v", f.Params) }

// wrapperParam is what the sinks pass knows of a sink wrapper's parameter.
type wrapperParam struct {
	index   int
	partial bool
}

// sinkFinder is the sinks pass's state.
type sinkFinder struct {
	Pass *analysis.Pass
	*status.Index
	// quicktest is 1 if the package imports quicktest, -1 if not, 0 if
	// not yet asked (importsQuicktest).
	quicktest int
	sinks     config.SinkIndex
	// wrappers maps the package's sink wrappers to their status params.
	wrappers map[*types.Func][]wrapperParam
	// statusFuncs are the package's functions whose result is a status.
	statusFuncs map[*types.Func]bool
	// ifaceImpls are the implementations of the package's interfaces
	// that can be wrappers, in ifaceOrder; see implementations.
	ifaceImpls map[*types.Named][]types.Type
	ifaceOrder []*types.Named
	// localFuncs are the package's local functions, by the variable that
	// holds each (locals.go); funcs are decls and theirs, for the wrapper
	// search.
	localFuncs map[*types.Var]*types.Func
	funcs      map[*types.Func]*ast.FuncDecl
}

// wrapperParams returns the status parameters of fn, a wrapper of a sink
// in this package or, through its fact, in another.
func (c *sinkFinder) wrapperParams(fn *types.Func) []wrapperParam {
	if fn.Pkg() == c.Pass.Pkg {
		return c.wrappers[fn]
	}
	if !hasIntegerParam(fn.Signature()) {
		return nil
	}
	var f SinkFact
	if !status.ImportFact(c.Pass, c.Index, fn, &f) {
		return nil
	}
	var out []wrapperParam
	for _, i := range f.Params {
		out = append(out, wrapperParam{i, slices.Contains(f.Partial, i)})
	}
	return out
}

func hasIntegerParam(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if typesx.IsInteger(p.Type()) || isIntegerSlice(p.Type()) {
			return true
		}
	}
	return false
}

// isIntegerSlice reports whether t is a slice of integers: a variadic
// ...int parameter (requireHttpCodes(resp, 200, 204)).
func isIntegerSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && typesx.IsInteger(s.Elem())
}

// paramRef is an integer parameter that may turn out to be a status.
type paramRef struct {
	fn    *types.Func
	index int
}

// findStatuses returns every status value that reaches a sink, after
// finding the package's functions whose integer parameters flow into sinks
// (wrappers, with a fact for each) and those whose integer result does. The
// package is walked once; only calls that may become wrapper calls, and the
// returns of new status functions, are looked at again.
func (c *sinkFinder) findStatuses() []status.Found {
	info := c.Pass.TypesInfo
	var locals map[*types.Func]*ast.FuncDecl
	c.localFuncs, locals = c.findLocalFuncs()
	c.funcs = c.Decls
	if len(locals) > 0 {
		c.funcs = maps.Clone(c.Decls)
		maps.Copy(c.funcs, locals)
	}
	params := map[*types.Var]paramRef{}
	for _, fn := range typesx.SortedDecls(c.funcs) {
		fd := c.funcs[fn]
		sig := fn.Signature()
		for i, p := range slices.Collect(sig.Params().Variables()) {
			switch {
			case typesx.IsInteger(p.Type()):
				params[p] = paramRef{fn, i}
			case sig.Variadic() && i == sig.Params().Len()-1 && isIntegerSlice(p.Type()):
				// codes ...int: the slice, and the values ranged over.
				params[p] = paramRef{fn, i}
				for v := range rangeValues(info, fd.Body, p) {
					params[v] = paramRef{fn, i}
				}
			}
		}
	}
	counts := map[*types.Func]map[*types.Var]bool{}

	var (
		out     []status.Found
		seen    = map[ast.Expr]bool{}
		changed bool
		file    *ast.File
		// Values that travel: locals and fields whose value reaches a
		// sink, and the sites of the constants stored in them.
		travelled    = map[*types.Var]bool{}
		travelFields = map[*types.Var]status.Site{}
	)
	var record func(e ast.Expr, s status.Site)
	record = func(e ast.Expr, s status.Site) {
		if !seen[e] {
			seen[e] = true
			out = append(out, status.Found{E: e, S: s, File: file})
		}
		switch e := stripConversions(info, e).(type) {
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
				f := sel.Obj().(*types.Var)
				if _, done := travelFields[f]; !done && (typesx.IsInteger(f.Type()) || isIntegerSlice(f.Type())) && !status.IsStatusFieldOf(c.Index, f, sel.Recv()) {
					travelFields[f] = s.Through(f.Name(), e)
					changed = true
				}
			}
		case *ast.CompositeLit:
			// A list of statuses (ranged over and compared, stored in a
			// field that is): each element is one.
			if isIntegerSlice(info.TypeOf(e)) {
				for _, elt := range e.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						elt = kv.Value
					}
					record(elt, s)
				}
			}
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			if v != nil && !travelled[v] && typesx.IsPackageLevel(v) && v.Pkg() == c.Pass.Pkg && isIntegerSlice(v.Type()) {
				// A package's list of statuses: its initial value.
				travelled[v] = true
				for _, val := range packageValue(c.Pass.Files, info, v) {
					record(val, s.Through(v.Name(), e))
				}
				return
			}
			ref, ok := params[v]
			if !ok && v != nil && !travelled[v] && isLocal(c.Pass.Pkg, v) && (typesx.IsInteger(v.Type()) || isIntegerSlice(v.Type())) && !c.StatusVars[v] {
				travelled[v] = true
				for _, rhs := range localValues(info, file, e, v) {
					record(rhs, s.Through(v.Name(), e))
				}
				return
			}
			if !ok || slices.ContainsFunc(c.wrappers[ref.fn], func(w wrapperParam) bool { return w.index == ref.index }) {
				return
			}
			decl := c.funcs[ref.fn]
			if counts[ref.fn] == nil {
				counts[ref.fn] = c.counts(decl.Body)
			}
			if !counts[ref.fn][v] {
				param := ref.fn.Signature().Params().At(ref.index)
				// The sink's own "no status" values (a framework's) are
				// the wrapper's too.
				partial := s.Sentinels || s.Stored || assigns(info, decl.Body, param) || !unconditional(info, decl.Body, e)
				c.wrappers[ref.fn] = append(c.wrappers[ref.fn], wrapperParam{ref.index, partial})
				changed = true
			}
		case *ast.CallExpr:
			fn := typesx.StaticCallee(info, e)
			if fn != nil && c.Decls[fn] != nil && !c.statusFuncs[fn] && returnsInteger(fn) {
				c.statusFuncs[fn] = true
				changed = true
			}
		}
	}

	type localCall struct {
		call *ast.CallExpr
		file *ast.File
	}
	var pending []localCall
	type store struct {
		n    ast.Node // a composite literal or an assignment
		file *ast.File
	}
	var stores []store
	for _, fc := range c.AllFiles {
		file = fc.Node().(*ast.File)
		for cur := range fc.Preorder(nodeTypes...) {
			n := cur.Node()
			c.statuses(n, record)
			switch n.(type) {
			case *ast.CompositeLit, *ast.AssignStmt:
				stores = append(stores, store{n, file})
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := typesx.StaticCallee(info, call); fn != nil && c.Decls[fn] != nil && hasIntegerParam(fn.Signature()) {
					pending = append(pending, localCall{call, file})
				} else if c.localCallee(call) != nil {
					pending = append(pending, localCall{call, file})
				} else if fn := typesx.Callee(info, call); fn != nil && fn.Pkg() == c.Pass.Pkg && fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type()) && hasIntegerParam(fn.Signature()) {
					pending = append(pending, localCall{call, file}) // may become a call of a wrapper interface
				}
			}
		}
	}
	returnsDone := map[*types.Func]bool{}
	sorted := typesx.SortedDecls(c.Decls)
	for {
		changed = false
		for _, sf := range sorted {
			if !c.statusFuncs[sf] || returnsDone[sf] {
				continue
			}
			returnsDone[sf] = true
			fd := c.Decls[sf]
			file = typesx.FileOf(c.AllFiles, fd)
			s := status.Site{What: "return of " + sf.Name(), Writes: true}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its returns are its own
				case *ast.ReturnStmt:
					if len(n.Results) == 1 {
						record(n.Results[0], s)
					}
				}
				return true
			})
		}
		if c.interfaceWrappers() {
			changed = true
		}
		if len(travelFields) > 0 {
			for _, st := range stores {
				file = st.file
				c.fieldStores(st.n, travelFields, record)
			}
		}
		for _, lc := range pending {
			file = lc.file
			c.callSinks(lc.call, record)
		}
		if !changed {
			break
		}
	}
	// Interface methods are wrappers too: sorted by position, not by
	// declaration.
	fns := slices.SortedFunc(maps.Keys(c.wrappers), func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		if locals[fn] != nil {
			continue // no other package can call it
		}
		params := c.wrappers[fn]
		f := &SinkFact{}
		for _, w := range params {
			f.Params = append(f.Params, w.index)
			if w.partial {
				f.Partial = append(f.Partial, w.index)
			}
		}
		slices.Sort(f.Params)
		slices.Sort(f.Partial)
		c.Pass.ExportObjectFact(fn, f)
	}
	return out
}

// counts returns the variables body uses as a loop bound, a size or an
// index: such a parameter is a count, whatever else it reaches.
func (c *sinkFinder) counts(body *ast.BlockStmt) map[*types.Var]bool {
	info := c.Pass.TypesInfo
	counts := map[*types.Var]bool{}
	drop := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					counts[v] = true
				}
			}
			return true
		})
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			drop(n.Cond)
		case *ast.RangeStmt:
			if typesx.IsInteger(info.TypeOf(n.X)) {
				drop(n.X) // for i := range n counts; ranging over codes does not
			}
		case *ast.IndexExpr:
			drop(n.Index)
		case *ast.SliceExpr:
			drop(n.Low)
			drop(n.High)
			drop(n.Max)
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "make" {
					for _, a := range n.Args[1:] {
						drop(a)
					}
				}
			}
		}
		return true
	})
	return counts
}

func returnsInteger(fn *types.Func) bool {
	r := fn.Signature().Results()
	return r.Len() == 1 && typesx.IsInteger(r.At(0).Type())
}

// stripConversions removes parentheses and conversions around e.
func stripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.CallExpr:
			if !typesx.IsConversion(info, x) {
				return e
			}
			e = x.Args[0]
		default:
			return e
		}
	}
}

// rangeValues returns the value variables of the loops in body that range
// over the slice p: for _, code := range codes.
func rangeValues(info *types.Info, body *ast.BlockStmt, p *types.Var) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Value == nil {
			return true
		}
		if x, ok := ast.Unparen(r.X).(*ast.Ident); ok && info.Uses[x] == p {
			if id, ok := r.Value.(*ast.Ident); ok {
				if v, ok := info.Defs[id].(*types.Var); ok {
					out[v] = true
				}
			}
		}
		return true
	})
	return out
}

// assigns reports whether body assigns to v, takes its address, or
// changes it in place.
func assigns(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Lhs, is)
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// unconditional reports whether use, inside body, runs whenever the
// function does: it is in a statement of body's own list (not under an if,
// a switch, a loop or a function literal), and no statement before it can
// return.
func unconditional(info *types.Info, body *ast.BlockStmt, use ast.Node) bool {
	for _, stmt := range body.List {
		if use.Pos() < stmt.Pos() || use.Pos() >= stmt.End() {
			if stmt.End() <= use.Pos() && mayReturn(stmt) {
				return false
			}
			continue
		}
		switch stmt.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt, *ast.DeferStmt:
			inLit := false
			ast.Inspect(stmt, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= use.Pos() && use.Pos() < lit.End() {
					inLit = true
				}
				return !inLit
			})
			return !inLit
		}
		return false
	}
	return false
}

// mayReturn reports whether stmt holds a return, outside function
// literals.
func mayReturn(stmt ast.Stmt) bool {
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// interfaceWrappers makes wrappers of the methods of the package's
// interfaces whose every implementation in the package is a wrapper with
// the same status parameter: a call through the interface then passes a
// status. It reports whether it found new ones.
func (c *sinkFinder) interfaceWrappers() bool {
	if c.ifaceImpls == nil {
		c.ifaceImpls = c.implementations()
	}
	grew := false
	for _, n := range c.ifaceOrder {
		iface := n.Underlying().(*types.Interface)
		impls := c.ifaceImpls[n]
		if len(impls) == 0 {
			continue
		}
		for m := range iface.ExplicitMethods() {
			if len(c.wrappers[m]) > 0 || !hasIntegerParam(m.Signature()) {
				continue
			}
			var common []wrapperParam
			for i, impl := range impls {
				obj, _, _ := types.LookupFieldOrMethod(impl, true, c.Pass.Pkg, m.Name())
				fn, ok := obj.(*types.Func)
				if !ok {
					common = nil
					break
				}
				params := c.wrappers[fn]
				if i == 0 {
					common = slices.Clone(params)
					continue
				}
				common = slices.DeleteFunc(common, func(w wrapperParam) bool {
					j := slices.IndexFunc(params, func(p wrapperParam) bool { return p.index == w.index })
					return j < 0
				})
				for k := range common {
					j := slices.IndexFunc(params, func(p wrapperParam) bool { return p.index == common[k].index })
					common[k].partial = common[k].partial || params[j].partial
				}
			}
			if len(common) > 0 {
				c.wrappers[m] = common
				grew = true
			}
		}
	}
	return grew
}

// implementations returns, for each interface type of the package with a
// method that has an integer parameter (the only ones that can be
// wrappers), the package's concrete types that implement it (T or *T),
// and sets ifaceOrder to those interfaces in scope order. A concrete type
// is tried only if it has a method of that name: a package of 300
// generated files has thousands of types, and trying each against each
// interface cost more than the rest of the analysis.
func (c *sinkFinder) implementations() map[*types.Named][]types.Type {
	scope := c.Pass.Pkg.Scope()
	var ifaces, concrete []*types.Named
	firsts := map[string]bool{} // the first method of each interface
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if !types.IsInterface(n) {
			concrete = append(concrete, n)
			continue
		}
		iface := n.Underlying().(*types.Interface)
		if iface.NumMethods() > 0 && slices.ContainsFunc(slices.Collect(iface.ExplicitMethods()), func(m *types.Func) bool { return hasIntegerParam(m.Signature()) }) {
			ifaces = append(ifaces, n)
			firsts[iface.Method(0).Name()] = true
		}
	}
	if len(ifaces) == 0 {
		return map[*types.Named][]types.Type{}
	}
	// Only a type with one of those methods can implement one. A method
	// set is built only where embedding can promote methods: building one
	// for each of a mock package's thousands of types cost more than the
	// rest of the pass.
	byMethod := map[string][]*types.Named{}
	for _, n := range concrete {
		if st, ok := n.Underlying().(*types.Struct); ok && typesx.HasEmbedded(st) {
			ms := types.NewMethodSet(types.NewPointer(n))
			for i := range ms.Len() {
				if name := ms.At(i).Obj().Name(); firsts[name] {
					byMethod[name] = append(byMethod[name], n)
				}
			}
			continue
		}
		for m := range n.Methods() {
			if firsts[m.Name()] {
				byMethod[m.Name()] = append(byMethod[m.Name()], n)
			}
		}
	}
	out := map[*types.Named][]types.Type{}
	for _, n := range ifaces {
		iface := n.Underlying().(*types.Interface)
		if iface.NumMethods() == 0 {
			continue
		}
		var impls []types.Type
		for _, t := range byMethod[iface.Method(0).Name()] {
			for _, cand := range []types.Type{t, types.NewPointer(t)} {
				if types.Implements(cand, iface) {
					impls = append(impls, cand)
					break
				}
			}
		}
		if len(impls) > 0 {
			out[n] = impls
			c.ifaceOrder = append(c.ifaceOrder, n)
		}
	}
	return out
}

// isLocal reports whether v is a variable of a function: not a field, not
// package-level.
func isLocal(pkg *types.Package, v *types.Var) bool {
	return !v.IsField() && v.Pkg() == pkg && v.Parent() != nil && v.Parent() != pkg.Scope()
}

// localValues returns the values assigned to the local v in the function
// around use, in file.
func localValues(info *types.Info, file *ast.File, use ast.Expr, v *types.Var) []ast.Expr {
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, use.Pos(), use.End())
	var body *ast.BlockStmt
	for _, n := range path {
		if fd, ok := n.(*ast.FuncDecl); ok {
			body = fd.Body
			break
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			body = fl.Body
			break
		}
	}
	if body == nil {
		return nil
	}
	var out []ast.Expr
	is := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
				for i, l := range n.Lhs {
					if is(l) {
						out = append(out, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if is(name) {
						out = append(out, n.Values[i])
					}
				}
			}
		case *ast.RangeStmt:
			// for _, code := range []int{200, 429}: each element; for _,
			// code := range codes: the list, a variable or a field.
			if n.Value != nil && is(n.Value) {
				if lit, ok := ast.Unparen(n.X).(*ast.CompositeLit); ok {
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							e = kv.Value
						}
						out = append(out, e)
					}
				} else if isIntegerSlice(info.TypeOf(n.X)) {
					out = append(out, n.X)
				}
			}
		}
		return true
	})
	return out
}

// fieldStores calls record for the values n stores in the fields of
// fields: in a composite literal, keyed or not, or by assignment.
func (c *sinkFinder) fieldStores(n ast.Node, fields map[*types.Var]status.Site, record func(ast.Expr, status.Site)) {
	info := c.Pass.TypesInfo
	switch n := n.(type) {
	case *ast.CompositeLit:
		typesx.LitFields(info, n, func(f types.Object, value ast.Expr, _ types.Type) {
			if v, ok := f.(*types.Var); ok {
				if s, ok := fields[v]; ok {
					record(value, s)
				}
			}
		})
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if v, ok := info.Uses[sel.Sel].(*types.Var); ok {
					if s, ok := fields[v]; ok {
						record(n.Rhs[i], s)
					}
				}
			}
		}
	}
}

// packageValue returns the initial value of v, a package-level variable
// of files.
func packageValue(files []*ast.File, info *types.Info, v *types.Var) []ast.Expr {
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if info.Defs[name] == v && i < len(vs.Values) && len(vs.Names) == len(vs.Values) {
						return []ast.Expr{vs.Values[i]}
					}
				}
			}
		}
	}
	return nil
}
