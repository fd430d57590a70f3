package retry

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/typesx"
)

// A fieldSet is a set of a struct's top-level fields, by index, or all of
// them: what a method reads of its receiver, or may change.
type fieldSet struct {
	all bool
	idx map[int]bool
}

// allFields is every field.
var allFields = fieldSet{all: true}

// with returns s with field i added; i < 0 (the struct as a whole) makes
// it all.
func (s fieldSet) with(i int) fieldSet {
	if s.all || i < 0 {
		return allFields
	}
	if s.idx[i] {
		return s
	}
	idx := make(map[int]bool, len(s.idx)+1)
	for k := range s.idx {
		idx[k] = true
	}
	idx[i] = true
	return fieldSet{idx: idx}
}

func (s fieldSet) union(t fieldSet) fieldSet {
	if s.all || t.all {
		return allFields
	}
	for i := range t.idx {
		s = s.with(i)
	}
	return s
}

func (s fieldSet) Empty() bool { return !s.all && len(s.idx) == 0 }

// Has reports whether s holds field i; i < 0 (the whole struct) meets any
// non-empty set.
func (s fieldSet) Has(i int) bool {
	return s.all || (i < 0 && len(s.idx) > 0) || s.idx[i]
}

// meets reports whether s and t share a field.
func (s fieldSet) meets(t fieldSet) bool {
	if s.Empty() || t.Empty() {
		return false
	}
	if s.all || t.all {
		return true
	}
	for i := range s.idx {
		if t.idx[i] {
			return true
		}
	}
	return false
}

// topField returns the variable at the root of e (as rootVar does) and
// the index of the field of it e goes through: 1 for c.metrics.n[k] when
// metrics is c's second field, -1 for c itself or *c, or where the root is
// no struct.
func topField(info *types.Info, e ast.Expr) (*types.Var, int) {
	root, sel := rootSel(info, e)
	if root == nil || sel == nil || structOf(root.Type()) == nil {
		return root, -1
	}
	if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
		return root, s.Index()[0]
	}
	return root, -1
}

// structOf returns the struct t is, or points to; nil for anything else.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}

// stripStar returns e without parentheses and dereferences.
func stripStar(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.StarExpr:
			e = x.X
		default:
			return x
		}
	}
}

// clientFields returns the variable at the root of x, the client a send is
// called on, and the fields of it the send reads: the one x selects
// (c.transport.RoundTrip(req)), or those a method of this package reads
// (c.roundTrip(req)); all where that cannot be told.
func (c *retryChecker) clientFields(send *ast.CallExpr, x ast.Expr) (*types.Var, fieldSet) {
	root, field := topField(c.Pass.TypesInfo, x)
	if root == nil || structOf(root.Type()) == nil {
		return root, allFields
	}
	if field >= 0 {
		return root, fieldSet{}.with(field)
	}
	fn := typesx.Callee(c.Pass.TypesInfo, send)
	if fn == nil || fn.Pkg() != c.Pass.Pkg || c.Decls[fn] == nil {
		return root, allFields
	}
	return root, c.readFields(fn)
}
