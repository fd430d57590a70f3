package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// statusFieldFact marks an integer field of a project's own type that
// holds a response's status: every value the package gives it is a status
// (StatusError{Code: resp.StatusCode}) or a constant. Other packages'
// comparisons with it, after errors.As, are status comparisons.
type statusFieldFact struct{}

func (*statusFieldFact) AFact() {}

func (*statusFieldFact) String() string { return "statusField" }

// isStatusFieldOf is isStatusField, and the fields that carry a status by
// data flow: the package's own (findStatusFields) and, through facts,
// other packages'.
func (c *base) isStatusFieldOf(obj types.Object, recv types.Type) bool {
	if v, ok := obj.(*types.Var); ok && c.statusFields[v] {
		return true
	}
	return isStatusField(obj, recv)
}

// findStatusFields finds the integer fields of this package's struct
// types given a status (a status field or method, a variable that holds
// one) and otherwise only constants, exports a fact for each, and adds
// the fields of other packages this package uses that have one.
func (c *sinkFinder) findStatusFields() {
	info := c.pass.TypesInfo
	carry, other := map[*types.Var]bool{}, map[*types.Var]bool{}
	give := func(f *types.Var, value ast.Expr) {
		if f == nil || !f.IsField() || f.Pkg() != c.pass.Pkg || !isInteger(f.Type()) {
			return
		}
		switch {
		case c.isStatusExpr(value):
			carry[f] = true
		case info.Types[value].Value == nil:
			other[f] = true // computed: the field may hold anything
		}
	}
	foreign := map[*types.Var]bool{}
	for _, fc := range c.allFiles {
		for cur := range fc.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.SelectorExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				litFields(info, n, func(field types.Object, value ast.Expr, _ types.Type) {
					f, _ := field.(*types.Var)
					give(f, value)
					if f != nil && f.Pkg() != c.pass.Pkg {
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
			case *ast.SelectorExpr:
				if s, ok := info.Selections[n]; ok && s.Kind() == types.FieldVal {
					if f := s.Obj().(*types.Var); f.Pkg() != c.pass.Pkg && isInteger(f.Type()) {
						foreign[f] = true
					}
				}
			}
		}
	}
	c.statusFields = map[*types.Var]bool{}
	for _, fn := range sortedVars(carry) {
		if !other[fn] {
			c.statusFields[fn] = true
			c.pass.ExportObjectFact(fn, new(statusFieldFact))
		}
	}
	for f := range foreign {
		if c.importFact(f, new(statusFieldFact)) {
			c.statusFields[f] = true
		}
	}
}

// sortedVars returns the keys of m in source order, for facts exported
// in the same order every run.
func sortedVars(m map[*types.Var]bool) []*types.Var {
	out := make([]*types.Var, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	return out
}

var _ analysis.Fact = (*statusFieldFact)(nil)
