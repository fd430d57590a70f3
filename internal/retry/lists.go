package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// Statuses to re-send are often a list the loop ranges over, compared one
// by one with the response's: for _, code := range c.retryOnStatus { if
// res.StatusCode == code { retry = true } }. The list is a literal, a
// package-level list, or a struct field the package gives one of those:
// elastic-transport-go's retryOnStatus, defaulted from defaultRetryOnStatus
// ([...]int{502, 503, 504}) when the user configures none. What a user may
// configure instead is not known; the library's own lists are.

// rangedCodes returns the codes a variable ranges over: v is the value
// of a range statement of the package over a list whose codes are known.
func (ev *evaluator) rangedCodes(e ast.Expr) (codeSet, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return codeSet{}, false
	}
	v, ok := ev.c.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != ev.c.Pass.Pkg {
		return codeSet{}, false
	}
	rs := ev.c.rangeOf(v)
	if rs == nil {
		return codeSet{}, false
	}
	if id, ok := ast.Unparen(rs.X).(*ast.Ident); ok && ev.lists != nil {
		// A list parameter the evaluation binds (evalCheck's).
		if lv, ok := ev.c.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if s, ok := ev.lists[lv]; ok {
				return s, true
			}
		}
	}
	s := ev.c.listCodes(rs.X, 0)
	return s, !s.empty()
}

// rangeOf returns the range statement whose value variable is v, or nil.
func (c *retryChecker) rangeOf(v *types.Var) *ast.RangeStmt {
	if c.ranges == nil {
		c.ranges = map[*types.Var]*ast.RangeStmt{}
		for _, fc := range c.AllFiles {
			for cur := range fc.Preorder((*ast.RangeStmt)(nil)) {
				rs := cur.Node().(*ast.RangeStmt)
				if id, ok := rs.Value.(*ast.Ident); ok && rs.Tok == token.DEFINE {
					if rv, ok := c.Pass.TypesInfo.Defs[id].(*types.Var); ok {
						c.ranges[rv] = rs
					}
				}
			}
		}
	}
	return c.ranges[v]
}

// listCodes returns the codes of a list expression: a literal, a slice of
// one, a package-level list, or a field of the package's that it gives
// lists of those; codes of lists it cannot know are left out.
func (c *retryChecker) listCodes(e ast.Expr, depth int) codeSet {
	if depth > 4 {
		return codeSet{}
	}
	info := c.Pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return c.literalCodes(x)
	case *ast.SliceExpr:
		return c.listCodes(x.X, depth+1)
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			s, _ := c.codeSetVar(v)
			return s
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			// A field, of this package's type or another's (azcore's
			// policy.RetryOptions.StatusCodes): what this package gives
			// it.
			if f, ok := sel.Obj().(*types.Var); ok && f.IsField() {
				var s codeSet
				for _, given := range c.fieldValues(f) {
					s = s.or(c.listCodes(given, depth+1))
				}
				return s
			}
		}
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
			s, _ := c.codeSetVar(v) // pkg.List
			return s
		}
	}
	return codeSet{}
}

// fieldValues returns what the package gives the field f: the values of
// its composite literals' f: keys and of its assignments to x.f. Its tests
// do not count: what they configure is a user's choice, not the package's
// default (elastic-transport's tests retry on 404 and 429).
func (c *retryChecker) fieldValues(f *types.Var) []ast.Expr {
	if vals, ok := c.fields[f]; ok {
		return vals
	}
	info := c.Pass.TypesInfo
	var vals []ast.Expr
	for _, fc := range c.AllFiles {
		if typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue
		}
		for cur := range fc.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && info.Uses[id] == f {
					vals = append(vals, n.Value)
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						if s, ok := info.Selections[sel]; ok && s.Obj() == f {
							vals = append(vals, n.Rhs[i])
						}
					}
				}
			}
		}
	}
	c.fields[f] = vals
	return vals
}
