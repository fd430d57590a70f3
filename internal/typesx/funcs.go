package typesx

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// EnclosingFuncCursor returns the innermost function around cur: a
// declaration or a literal.
func EnclosingFuncCursor(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return e, true
	}
	return inspector.Cursor{}, false
}

// EnclosingFuncNode returns the innermost function around cur, or nil.
func EnclosingFuncNode(cur inspector.Cursor) ast.Node {
	if e, ok := EnclosingFuncCursor(cur); ok {
		return e.Node()
	}
	return nil
}

// EnclosingFunc returns the function declaration around cur, if any.
func EnclosingFunc(cur inspector.Cursor) *ast.FuncDecl {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return e.Node().(*ast.FuncDecl)
	}
	return nil
}

// SortedDecls returns the declared functions in declaration order, so that
// what is computed and reported from them does not depend on map order.
func SortedDecls(decls map[*types.Func]*ast.FuncDecl) []*types.Func {
	// Sorted by the declarations' positions, read once each: looking them
	// up in the comparator cost more than the sort in packages of
	// thousands of functions.
	type decl struct {
		fn  *types.Func
		pos token.Pos
	}
	ds := make([]decl, 0, len(decls))
	for fn, d := range decls {
		ds = append(ds, decl{fn, d.Pos()})
	}
	slices.SortFunc(ds, func(a, b decl) int { return int(a.pos - b.pos) })
	fns := make([]*types.Func, len(ds))
	for i, d := range ds {
		fns[i] = d.fn
	}
	return fns
}

// FuncDecls returns the declarations of the functions and methods of
// files that have a body.
func FuncDecls(info *types.Info, files []*ast.File) map[*types.Func]*ast.FuncDecl {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	return decls
}

// FileOf returns the file among files that holds n, or nil.
func FileOf(files []inspector.Cursor, n ast.Node) *ast.File {
	return FileAt(files, n.Pos())
}

// InTestFile reports whether pos is in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// FileAt returns the file of files that holds pos, or nil.
func FileAt(files []inspector.Cursor, pos token.Pos) *ast.File {
	for _, fc := range files {
		if f := fc.Node().(*ast.File); f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// SortedVars returns the keys of m in source order, for facts exported
// in the same order every run.
func SortedVars(m map[*types.Var]bool) []*types.Var {
	out := make([]*types.Var, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	return out
}

// ParamIndex returns the index of the parameter of sig that e names, or
// -1: how a summary of a function says which argument of a call stands
// for what.
func ParamIndex(info *types.Info, sig *types.Signature, e ast.Expr) int {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		for i := range sig.Params().Len() {
			if info.Uses[id] == sig.Params().At(i) {
				return i
			}
		}
	}
	return -1
}

// UsesAny reports whether n uses one of vars.
func UsesAny(info *types.Info, n ast.Node, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}
