package sinks

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// findStatusFields finds the integer fields of this package's struct
// types given a status (a status field or method, a variable that holds
// one) and otherwise only constants, exports a fact for each, and adds
// the fields of other packages this package uses that have one.
func (c *sinkFinder) findStatusFields() {
	info := c.Pass.TypesInfo
	carry, other := map[*types.Var]bool{}, map[*types.Var]bool{}
	give := func(f *types.Var, value ast.Expr) {
		if f == nil || !f.IsField() || f.Pkg() != c.Pass.Pkg || !typesx.IsInteger(f.Type()) {
			return
		}
		switch {
		case status.IsStatusExpr(c.Pass, c.Index, value):
			carry[f] = true
		case info.Types[value].Value == nil:
			other[f] = true // computed: the field may hold anything
		}
	}
	foreign := map[*types.Var]bool{}
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				typesx.LitFields(info, n, func(field types.Object, value ast.Expr, _ types.Type) {
					f, _ := field.(*types.Var)
					give(f, value)
					if f != nil && f.Pkg() != c.Pass.Pkg {
						foreign[f] = true
					}
				})
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					f, _ := info.ObjectOf(sel.Sel).(*types.Var)
					if n.Tok == token.ASSIGN {
						give(f, n.Rhs[i])
					} else if f != nil {
						other[f] = true // code += 1
					}
				}
			}
		}
	}
	// Other packages' integer fields the package selects: read from the
	// type checker's selections, not by a walk of every selector. (A
	// package of no files, unsafe, has no types.Info.)
	if info != nil {
		for _, s := range info.Selections {
			if s.Kind() == types.FieldVal {
				if f := s.Obj().(*types.Var); f.Pkg() != c.Pass.Pkg && typesx.IsInteger(f.Type()) {
					foreign[f] = true
				}
			}
		}
	}
	c.StatusFields = map[*types.Var]bool{}
	for _, fn := range typesx.SortedVars(carry) {
		if !other[fn] {
			c.StatusFields[fn] = true
			c.Pass.ExportObjectFact(fn, new(status.StatusFieldFact))
		}
	}
	for f := range foreign {
		if status.ImportFact(c.Pass, c.Index, f, new(status.StatusFieldFact)) {
			c.StatusFields[f] = true
		}
	}
}
