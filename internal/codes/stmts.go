package codes

import (
	"go/ast"
	"go/token"
	"sort"
)

// stmtIndex finds, for a node of one file, the statement (or declaration
// spec, or composite literal element) that holds it, in time logarithmic
// in the file's size: built once per file by one walk, instead of a walk
// from the file's root for each finding, which made big generated files
// cost the square of their size.
type stmtIndex struct {
	// spans are the file's statements, specs and literal elements in
	// preorder (so by start), each with the index of the innermost span
	// that holds it, or -1.
	spans []stmtSpan
}

type stmtSpan struct {
	pos, end token.Pos
	parent   int
}

// newStmtIndex indexes the statements of f.
func newStmtIndex(f *ast.File) *stmtIndex {
	x := &stmtIndex{}
	type open struct{ lit, span bool }
	var walk []open // the nodes along the walk, innermost last
	var spans []int // the spans open along the walk, innermost last
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			if walk[len(walk)-1].span {
				spans = spans[:len(spans)-1]
			}
			walk = walk[:len(walk)-1]
			return true
		}
		inLit := len(walk) > 0 && walk[len(walk)-1].lit
		_, lit := n.(*ast.CompositeLit)
		o := open{lit: lit, span: isSpan(n, inLit)}
		if o.span {
			parent := -1
			if len(spans) > 0 {
				parent = spans[len(spans)-1]
			}
			x.spans = append(x.spans, stmtSpan{n.Pos(), n.End(), parent})
			spans = append(spans, len(x.spans)-1)
		}
		walk = append(walk, o)
		return true
	})
	return x
}

// isSpan reports whether n starts a span: a statement, a spec, or a
// child of a composite literal (each row of a test table stays a finding
// of its own).
func isSpan(n ast.Node, inLit bool) bool {
	switch n.(type) {
	case ast.Stmt, ast.Spec:
		return true
	}
	return inLit
}

// enclosing returns the start of the innermost span that holds n, or
// token.NoPos. The last span starting at or before n is n's span or one
// inside it; its ancestors lead out to n's.
func (x *stmtIndex) enclosing(n ast.Node) token.Pos {
	pos, end := n.Pos(), n.End()
	i := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].pos > pos }) - 1
	for i >= 0 {
		if s := x.spans[i]; s.pos <= pos && end <= s.end {
			return s.pos
		}
		i = x.spans[i].parent
	}
	return token.NoPos
}
