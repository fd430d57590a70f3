package status

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Value is a value a variable is given: an expression, or the
// index-th result of a call or comma-ok lookup (retry, err := policy(ctx,
// resp, err); _, ok := set[code]).
type Value struct {
	Expr  ast.Expr
	Index int
}

// ValuesOf returns what v, a variable of this package, is given in this
// package where it is declared or assigned; a nil expr stands for a value
// not known (declared zero, an op-assignment, its address taken).
func (x *Index) ValuesOf(v *types.Var) []Value {
	if v.Pkg() != x.pkg || v.Parent() == nil {
		return nil // a field, or another package's
	}
	x.valuesOnce.Do(func() { x.values = x.findValues() })
	return x.values[v]
}

// findValues indexes, in one walk of the package, what each local
// variable is given.
func (x *Index) findValues() map[*types.Var][]Value {
	info := x.info
	values := map[*types.Var][]Value{}
	note := func(id *ast.Ident, d Value) {
		if v, ok := info.ObjectOf(id).(*types.Var); ok {
			values[v] = append(values[v], d)
		}
	}
	for _, fc := range x.AllFiles {
		for cur := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := lhs.(*ast.Ident)
					if !ok {
						continue
					}
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						note(id, Value{})
					case len(n.Rhs) == len(n.Lhs):
						note(id, Value{Expr: n.Rhs[i]})
					case len(n.Rhs) == 1:
						note(id, Value{Expr: n.Rhs[0], Index: i})
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					switch {
					case len(n.Values) == len(n.Names):
						note(id, Value{Expr: n.Values[i]})
					case len(n.Values) == 1:
						note(id, Value{Expr: n.Values[0], Index: i})
					default:
						note(id, Value{}) // declared zero, maybe set later
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						note(id, Value{}) // its address escapes: it may change anywhere
					}
				}
			}
		}
	}
	return values
}
