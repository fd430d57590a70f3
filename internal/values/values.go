// Package values follows values through a package in SSA form
// (golang.org/x/tools/go/ssa): where a value came from (Origins), which
// parameters of the package's functions and which context keys carry a
// value into a target a pass cares about (Flows), and whether the values
// given at two places meet in one place where the order decides which
// wins (Mixed). A pass asks it when its question is about values rather
// than syntax: a function handed through parameters, closures and
// context values to a retry library's hook is the same function whatever
// shape the code gives the handing.
//
// It depends on no pass: what a target is, and what another package's
// functions do with their parameters (the passes' facts), are the
// caller's.
package values

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Build returns the SSA form of the pass's package with the bodies of
// the functions declared in the files keep keeps: it is built only when
// a pass asks, and only where its question can arise (the files that
// hand a function value on, say), so that the others cost nothing. A
// function of the other files is known by its signature alone, as one
// of another package is; their package-level variables are built.
func Build(pass *analysis.Pass, keep func(*ast.File) bool) *ssa.Package {
	return BuildFiles(pass.Fset, pass.Pkg, pass.Files, pass.TypesInfo, keep)
}

// BuildDecls is Build with the bodies of only the function declarations
// keep accepts (and of the function literals in them): the others are
// known by their signatures alone.
func BuildDecls(pass *analysis.Pass, keep func(*ast.FuncDecl) bool) *ssa.Package {
	return build(pass.Fset, pass.Pkg, pass.Files, pass.TypesInfo, func(f *ast.File) *ast.File { return withoutBodies(f, keep) })
}

// BuildBodies builds the function declarations keep accepts, and no
// other: the package's variables are known by their types alone, not by
// the values they are given, the functions the kept ones name by their
// signatures, and its other functions not at all, for a question that
// only follows values through the kept functions (the retry check's
// loops). It creates fewer members and names fewer imports than
// BuildDecls, which costs less.
func BuildBodies(pass *analysis.Pass, keep func(*ast.FuncDecl) bool) *ssa.Package {
	return buildBodies(pass, keep, false)
}

// BuildBodiesInits is BuildBodies with the package's variables'
// initializers built too (in its init): the function literals a
// package-level variable holds.
func BuildBodiesInits(pass *analysis.Pass, keep func(*ast.FuncDecl) bool) *ssa.Package {
	return buildBodies(pass, keep, true)
}

func buildBodies(pass *analysis.Pass, keep func(*ast.FuncDecl) bool, inits bool) *ssa.Package {
	info := *pass.TypesInfo
	if !inits {
		info.InitOrder = nil
	}
	named := map[types.Object]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && keep(fd) {
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						if fn, ok := info.Uses[id].(*types.Func); ok && fn.Pkg() == pass.Pkg {
							named[fn.Origin()] = true
						}
					}
					return true
				})
			}
		}
	}
	return buildWith(pass.Fset, pass.Pkg, pass.Files, &info, func(f *ast.File) *ast.File {
		return onlyKept(f, keep, func(fd *ast.FuncDecl) bool { return named[info.Defs[fd.Name]] })
	}, inits)
}

// onlyKept returns a copy of f with the function declarations keep
// accepts, those named accepts without their bodies, and no other.
func onlyKept(f *ast.File, keep, named func(*ast.FuncDecl) bool) *ast.File {
	c := *f
	c.Decls = nil
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && !keep(fd) {
			if !named(fd) {
				continue
			}
			cp := *fd
			cp.Body = nil
			d = &cp
		}
		c.Decls = append(c.Decls, d)
	}
	return &c
}

// BuildFiles is Build for a type-checked package outside a pass (tests).
func BuildFiles(fset *token.FileSet, pkg *types.Package, files []*ast.File, info *types.Info, keep func(*ast.File) bool) *ssa.Package {
	return build(fset, pkg, files, info, func(f *ast.File) *ast.File {
		if keep != nil && !keep(f) {
			return withoutBodies(f, nil)
		}
		return f
	})
}

// build builds pkg from what syntax makes of each of its files.
//
// Of its imports, only those whose functions and variables the built
// code names are created (their members made from their types, which for
// net/http and the like is most of the cost of a small build); the
// initializer is built bare (ssa.BareInits), so that it calls no
// import's initializer and needs no other.
func build(fset *token.FileSet, pkg *types.Package, files []*ast.File, info *types.Info, syntax func(*ast.File) *ast.File) *ssa.Package {
	return buildWith(fset, pkg, files, info, syntax, true)
}

// buildWith is build; inits says whether the package's variables'
// initializers are built (info's InitOrder), and so name imports.
func buildWith(fset *token.FileSet, pkg *types.Package, files []*ast.File, info *types.Info, syntax func(*ast.File) *ast.File, inits bool) *ssa.Package {
	prog := ssa.NewProgram(fset, ssa.BareInits)
	// The files left out are given without their functions' bodies (a
	// copy of each: the syntax is the pass's, shared with other passes).
	built := make([]*ast.File, len(files))
	for i, f := range files {
		built[i] = syntax(f)
	}
	named := namedImports(pkg, built, info, inits)
	for _, p := range pkg.Imports() {
		if objs := named[p]; len(objs) > 0 {
			createNamed(prog, p, objs)
		}
	}
	sp := prog.CreatePackage(pkg, built, info, false)
	sp.Build()
	return sp
}

// namedImports returns the package-level functions and variables of
// pkg's imports that files name (outside variable declarations unless
// inits), by import: what the SSA builder looks up in those packages. A
// method, a type or a constant needs none.
func namedImports(pkg *types.Package, files []*ast.File, info *types.Info, inits bool) map[*types.Package][]types.Object {
	named := map[*types.Package][]types.Object{}
	seen := map[types.Object]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && !inits && g.Tok == token.VAR {
				continue // no initializer built (BuildBodies)
			}
			ast.Inspect(d, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := info.Uses[id]
				if obj == nil || obj.Pkg() == nil || obj.Pkg() == pkg || seen[obj] {
					return true
				}
				switch o := obj.(type) {
				case *types.Func:
					if o.Signature().Recv() != nil {
						return true
					}
				case *types.Var:
					if o.IsField() || o.Parent() != o.Pkg().Scope() {
						return true
					}
				default:
					return true
				}
				seen[obj] = true
				named[obj.Pkg()] = append(named[obj.Pkg()], obj)
				return true
			})
		}
	}
	return named
}

// createNamed creates p in prog with the members objs alone. The SSA
// builder creates a package without syntax with every member of its
// scope and every method of its types (thousands for net/http or a
// Kubernetes API package), when the built code names a few: here the
// package is created from a declaration of each named object (a
// function without a body, a variable without a value), which makes
// the same members as the full creation would, and no other. The
// declarations are never built: p is not.
func createNamed(prog *ssa.Program, p *types.Package, objs []types.Object) {
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	f := &ast.File{Name: ast.NewIdent(p.Name())}
	for _, obj := range objs {
		id := ast.NewIdent(obj.Name())
		info.Defs[id] = obj
		switch obj.(type) {
		case *types.Func:
			f.Decls = append(f.Decls, &ast.FuncDecl{Name: id, Type: &ast.FuncType{}})
		case *types.Var:
			f.Decls = append(f.Decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		}
	}
	prog.CreatePackage(p, []*ast.File{f}, info, true)
}

// withoutBodies returns f, or a copy of it whose function declarations
// keep does not accept (nil: none) have no body.
func withoutBodies(f *ast.File, keep func(*ast.FuncDecl) bool) *ast.File {
	all := true
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && (keep == nil || !keep(fd)) {
			all = false
			break
		}
	}
	if all {
		return f
	}
	c := *f
	c.Decls = make([]ast.Decl, len(f.Decls))
	for i, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && (keep == nil || !keep(fd)) {
			cp := *fd
			cp.Body = nil
			d = &cp
		}
		c.Decls[i] = d
	}
	return &c
}

// Funcs returns the functions of a built package with a body, in source
// order: its declared functions and methods, the package initializer (the
// package-level variables' values), and the literals in each.
func Funcs(sp *ssa.Package, files []*ast.File, info *types.Info) []*ssa.Function {
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || fn.Blocks == nil {
			return
		}
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	add(sp.Func("init"))
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if obj, ok := info.Defs[fd.Name].(*types.Func); ok && obj.Name() != "init" {
				add(sp.Prog.FuncValue(obj))
			}
		}
	}
	return out
}

// A Key is a context key: the package-level variable it is (its address
// or its value), or a constant of a named type.
type Key struct {
	Obj types.Object // the variable, or the constant's type's name
	Val string       // the constant's value; "" for a variable
}

// keyOf returns the context key v is, if it is one a reader can name.
func keyOf(v ssa.Value) (Key, bool) {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
				return Key{Obj: g.Object()}, g.Object() != nil
			}
		case *ssa.Global:
			return Key{Obj: x.Object()}, x.Object() != nil
		case *ssa.Const:
			if n, ok := types.Unalias(x.Type()).(*types.Named); ok && x.Value != nil {
				return Key{Obj: n.Obj(), Val: x.Value.ExactString()}, true
			}
		}
		return Key{}, false
	}
}

// OriginKind says what an Origin is.
type OriginKind int

const (
	// FromParam is a parameter of a function of the package.
	FromParam OriginKind = iota
	// FromFunc is a function value: a declared function or a literal.
	FromFunc
	// FromKey is a value read from a context under a key.
	FromKey
)

// An Origin is where a value comes from.
type Origin struct {
	Kind  OriginKind
	Func  *ssa.Function // FromParam: whose parameter; FromFunc: the function
	Index int           // FromParam: which (a method's receiver is 0)
	Key   Key           // FromKey
}

// Origins returns where v comes from: through conversions, interfaces,
// type assertions and phis; a closure's free variable through what its
// maker binds; a local variable through what is stored in it; a call of
// the package's functions through what they return (a parameter of
// theirs through the call's argument); a context's Value through its
// key. What it cannot follow (a field, another package's result) it
// leaves out: its answers are the values it knows.
func Origins(v ssa.Value) []Origin { return origins(v, 0) }

// origins is Origins from a call depth on: calls are followed into at
// most 8 deep, so recursion ends.
func origins(v ssa.Value, base int) []Origin {
	var out []Origin
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || seen[v] || depth > 8 {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Parameter:
			fn := x.Parent()
			for i, p := range fn.Params {
				if p == x {
					out = append(out, Origin{Kind: FromParam, Func: fn, Index: i})
				}
			}
		case *ssa.FreeVar:
			if mc := maker(x.Parent()); mc != nil {
				for i, fv := range x.Parent().FreeVars {
					if fv == x && i < len(mc.Bindings) {
						walk(mc.Bindings[i], depth+1)
					}
				}
			}
		case *ssa.Function:
			out = append(out, Origin{Kind: FromFunc, Func: x})
		case *ssa.MakeClosure:
			if fn, ok := x.Fn.(*ssa.Function); ok {
				out = append(out, Origin{Kind: FromFunc, Func: fn})
			}
		case *ssa.MakeInterface:
			walk(x.X, depth)
		case *ssa.ChangeType:
			walk(x.X, depth)
		case *ssa.Convert:
			walk(x.X, depth)
		case *ssa.TypeAssert:
			walk(x.X, depth)
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, depth)
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return
			}
			// A local variable (its closures share it as a free
			// variable): what is stored in it, here or in them.
			for _, val := range cellStores(cellOf(x.X)) {
				walk(val, depth+1)
			}
		case *ssa.Call:
			if key, ok := contextValue(&x.Call); ok {
				out = append(out, Origin{Kind: FromKey, Key: key})
				return
			}
			callee := x.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil || callee.Pkg != x.Parent().Pkg {
				return
			}
			// What the callee returns: its parameters stand for the
			// call's arguments.
			for _, o := range returned(callee, depth+1) {
				if o.Kind == FromParam && o.Func == callee && o.Index < len(x.Call.Args) {
					walk(x.Call.Args[o.Index], depth+1)
				} else if o.Kind != FromParam {
					out = append(out, o)
				}
			}
		}
	}
	walk(v, base)
	return out
}

// returned returns the origins of fn's single result.
func returned(fn *ssa.Function, depth int) []Origin {
	if depth > 8 || fn.Signature.Results().Len() != 1 {
		return nil
	}
	var out []Origin
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			out = append(out, origins(ret.Results[0], depth)...)
		}
	}
	return out
}

// cellOf returns the variable addr is: a local one, or the one a
// closure's free variable is bound to; nil for any other address.
func cellOf(addr ssa.Value) *ssa.Alloc {
	for range 8 {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return a
		case *ssa.FreeVar:
			mc := maker(a.Parent())
			if mc == nil {
				return nil
			}
			i := slices.Index(a.Parent().FreeVars, a)
			if i < 0 || i >= len(mc.Bindings) {
				return nil
			}
			addr = mc.Bindings[i]
		default:
			return nil
		}
	}
	return nil
}

// cellStores returns the values stored in the variable cell, by its
// function or by the closures it is bound into.
func cellStores(cell *ssa.Alloc) []ssa.Value {
	if cell == nil {
		return nil
	}
	var out []ssa.Value
	var visit func(addr ssa.Value, depth int)
	visit = func(addr ssa.Value, depth int) {
		refs := addr.Referrers()
		if refs == nil || depth > 8 {
			return
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == addr {
					out = append(out, r.Val)
				}
			case *ssa.MakeClosure:
				fn, ok := r.Fn.(*ssa.Function)
				if !ok {
					continue
				}
				for i, b := range r.Bindings {
					if b == addr && i < len(fn.FreeVars) {
						visit(fn.FreeVars[i], depth+1)
					}
				}
			}
		}
	}
	visit(cell, 0)
	return out
}

// maker returns the MakeClosure that makes the literal fn, or nil.
func maker(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				return mc
			}
		}
	}
	return nil
}

// contextValue returns the key of a call of a context's Value method.
func contextValue(call *ssa.CallCommon) (Key, bool) {
	if !call.IsInvoke() || call.Method.Name() != "Value" || len(call.Args) != 1 {
		return Key{}, false
	}
	if !isContext(call.Value.Type()) {
		return Key{}, false
	}
	return keyOf(call.Args[0])
}

// withValue returns the key and value of a context.WithValue call.
func withValue(call *ssa.CallCommon) (Key, ssa.Value, bool) {
	fn := call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "context" || fn.Name() != "WithValue" || len(call.Args) != 3 {
		return Key{}, nil, false
	}
	key, ok := keyOf(call.Args[1])
	return key, call.Args[2], ok
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
