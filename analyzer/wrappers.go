package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// sinkFact marks a function whose integer parameters (by index) are
// statuses: each flows, unchanged, into a status sink. Other packages'
// calls to it are then checked like calls to WriteHeader.
type sinkFact struct {
	Params []int
}

func (*sinkFact) AFact() {}

func (f *sinkFact) String() string { return fmt.Sprintf("statusSink%v", f.Params) }

// wrapperParams returns the status parameters of fn, a wrapper of a sink
// in this package or, through its fact, in another.
func (c *checker) wrapperParams(fn *types.Func) []int {
	if fn.Pkg() == c.pass.Pkg {
		return c.wrappers[fn]
	}
	if !hasIntegerParam(fn.Signature()) {
		return nil
	}
	var f sinkFact
	if c.pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
}

func hasIntegerParam(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if isInteger(p.Type()) {
			return true
		}
	}
	return false
}

// paramRef is an integer parameter that may turn out to be a status.
type paramRef struct {
	fn    *types.Func
	index int
}

// findWrappers finds the package's functions whose integer parameters
// flow into status sinks, and those whose integer result does, repeating
// until wrappers of wrappers are found too. It exports a fact for each
// wrapper.
func (c *checker) findWrappers() {
	info := c.pass.TypesInfo
	params := map[*types.Var]paramRef{}
	c.decls = map[*types.Func]*ast.FuncDecl{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			c.decls[fn] = fd
			for i, p := range slices.Collect(fn.Signature().Params().Variables()) {
				if isInteger(p.Type()) {
					params[p] = paramRef{fn, i}
				}
			}
		}
	}
	for _, fd := range c.decls {
		c.dropCounts(fd.Body, params)
	}

	changed := true
	mark := func(e ast.Expr, _ site) {
		switch e := stripConversions(info, e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			ref, ok := params[v]
			if ok && !slices.Contains(c.wrappers[ref.fn], ref.index) {
				c.wrappers[ref.fn] = append(c.wrappers[ref.fn], ref.index)
				changed = true
			}
		case *ast.CallExpr:
			fn, ok := typeutil.StaticCallee(info, e), true
			ok = fn != nil
			if ok && c.decls[fn] != nil && !c.statusFuncs[fn] && returnsInteger(fn) {
				c.statusFuncs[fn] = true
				changed = true
			}
		}
	}
	for changed {
		changed = false
		c.walk(c.allFiles, mark)
	}
	for fn, idx := range c.wrappers {
		slices.Sort(idx)
		c.pass.ExportObjectFact(fn, &sinkFact{Params: idx})
	}
}

// walk calls fn for every status value reaching a sink in the package's
// checked files, and for the values returned by functions whose result is
// a status.
func (c *checker) walk(files []inspector.Cursor, fn func(ast.Expr, site)) {
	for _, fc := range files {
		c.file, c.imports = fc.Node().(*ast.File), fileImports{}
		for n := range fc.Preorder(nodeTypes...) {
			c.statuses(n.Node(), fn)
		}
	}
	for sf := range c.statusFuncs {
		fd := c.decls[sf]
		c.file, c.imports = fileOf(files, fd), fileImports{}
		if c.file == nil {
			continue
		}
		s := site{what: "return of " + sf.Name(), writes: true}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its returns are its own
			case *ast.ReturnStmt:
				if len(n.Results) == 1 {
					fn(n.Results[0], s)
				}
			}
			return true
		})
	}
}

// dropCounts removes from params those used as a loop bound, a size or an
// index: such a parameter is a count, whatever else it reaches.
func (c *checker) dropCounts(body *ast.BlockStmt, params map[*types.Var]paramRef) {
	info := c.pass.TypesInfo
	drop := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					delete(params, v)
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
			drop(n.X)
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
}

func returnsInteger(fn *types.Func) bool {
	r := fn.Signature().Results()
	return r.Len() == 1 && isInteger(r.At(0).Type())
}

// stripConversions removes parentheses and conversions around e.
func stripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.CallExpr:
			if !isConversion(info, x) {
				return e
			}
			e = x.Args[0]
		default:
			return e
		}
	}
}

// fileOf returns the file among files that declares fd, or nil.
func fileOf(files []inspector.Cursor, fd *ast.FuncDecl) *ast.File {
	for _, fc := range files {
		if f := fc.Node().(*ast.File); f.FileStart <= fd.Pos() && fd.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}
