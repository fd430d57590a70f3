package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A condDef is a value a variable is given: an expression, or the
// index-th result of a call or comma-ok lookup (retry, err := policy(ctx,
// resp, err); _, ok := set[code]).
type condDef struct {
	expr  ast.Expr
	index int
}

// condDef returns the definition of v, a boolean local variable of this
// package assigned exactly once and never through a pointer.
func (c *retryChecker) condDef(v *types.Var) (condDef, bool) {
	if isPackageLevel(v) {
		return condDef{}, false
	}
	vals := c.valuesOf(v)
	if len(vals) != 1 || vals[0].expr == nil || !isBool(v.Type()) {
		return condDef{}, false
	}
	return vals[0], true
}

// valuesOf returns what v, a variable of this package, is given in this
// package where it is declared or assigned; a nil expr stands for a value
// not known (declared zero, an op-assignment, its address taken).
func (c *base) valuesOf(v *types.Var) []condDef {
	if v.Pkg() != c.pass.Pkg || v.Parent() == nil {
		return nil // a field, or another package's
	}
	if c.values == nil {
		c.values = c.findValues()
	}
	return c.values[v]
}

// findValues indexes, in one walk of the package, what each local
// variable is given.
func (c *base) findValues() map[*types.Var][]condDef {
	info := c.pass.TypesInfo
	values := map[*types.Var][]condDef{}
	note := func(id *ast.Ident, d condDef) {
		if v, ok := info.ObjectOf(id).(*types.Var); ok {
			values[v] = append(values[v], d)
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := lhs.(*ast.Ident)
					if !ok {
						continue
					}
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						note(id, condDef{})
					case len(n.Rhs) == len(n.Lhs):
						note(id, condDef{expr: n.Rhs[i]})
					case len(n.Rhs) == 1:
						note(id, condDef{expr: n.Rhs[0], index: i})
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					switch {
					case len(n.Values) == len(n.Names):
						note(id, condDef{expr: n.Values[i]})
					case len(n.Values) == 1:
						note(id, condDef{expr: n.Values[0], index: i})
					default:
						note(id, condDef{}) // declared zero, maybe set later
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						note(id, condDef{}) // its address escapes: it may change anywhere
					}
				}
			}
			return true
		})
	}
	return values
}

// condOf returns the definition of the boolean variable e names, if it
// is set once.
func (ev *evaluator) condOf(e ast.Expr) (condDef, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return condDef{}, false
	}
	v, ok := ev.c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return condDef{}, false
	}
	return ev.c.condDef(v)
}

// admitsDef evaluates a boolean variable through its definition: the
// expression, the first result of a retry decision, or a comma-ok lookup
// in a code set.
func (ev *evaluator) admitsDef(d condDef, neg bool) (codeSet, bool) {
	x := ast.Unparen(d.expr)
	var s codeSet
	ok := false
	_, isTuple := ev.c.pass.TypesInfo.TypeOf(x).(*types.Tuple)
	switch {
	case !isTuple && d.index == 0:
		return ev.admits(x, neg), true
	case d.index == 0:
		if call, isCall := x.(*ast.CallExpr); isCall {
			s, ok = ev.predicateCall(call)
		}
	case d.index == 1:
		if ix, isIndex := x.(*ast.IndexExpr); isIndex {
			s, ok = ev.setLookup(ix.X, ix.Index)
		}
	}
	if ok && neg {
		s = s.not()
	}
	return s, ok
}

// anchor returns where the codes a condition decides are reported: the
// definition of a boolean variable, or the condition itself.
func (ev *evaluator) anchor(cond ast.Expr) ast.Node {
	x := ast.Unparen(cond)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		x = ast.Unparen(u.X)
	}
	if d, ok := ev.condOf(x); ok {
		return d.expr
	}
	return cond
}

// isPackageLevel reports whether v is declared at package level: other
// packages, and init order, may set it.
func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}
