package engine

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// restores reports whether st puts back into a part of the request the
// value it held before the loop: a load of the same place, made before
// the loop (originalPath := req.URL.Path, then req.URL.Path =
// originalPath at the end of each round). The next round starts from
// the request the first did; what it then does before the send is
// followed as any change is.
func (s *sendFlow) restores(st *ssa.Store) bool {
	ld, ok := st.Val.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL || ld.Parent() != st.Parent() || s.inLoop(ld.Block()) {
		return false
	}
	return samePlace(ld.X, st.Addr)
}

// samePlace reports whether a and b address the same place: the same
// field of the same value, through fields and what pointers loaded from
// the same place point to (req.URL.Path before the loop and in it).
func samePlace(a, b ssa.Value) bool {
	for range 8 {
		if a == b {
			return true
		}
		switch x := a.(type) {
		case *ssa.FieldAddr:
			y, ok := b.(*ssa.FieldAddr)
			if !ok || x.Field != y.Field {
				return false
			}
			a, b = x.X, y.X
		case *ssa.UnOp:
			y, ok := b.(*ssa.UnOp)
			if !ok || x.Op != token.MUL || y.Op != token.MUL {
				return false
			}
			a, b = x.X, y.X
		default:
			return false
		}
	}
	return false
}

// baseWrite reports whether st prefixes a part of a URL with the same
// part of the URL its function points the request at (a node: its host
// is stored as the request's, knowledge.ServerFields): req.URL.Path =
// node.Path + req.URL.Path. A node's path is where the server is (its
// base path, as an OpenAPI server URL has one), not what the API is
// asked.
func baseWrite(st *ssa.Store) bool {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	cat, ok := st.Val.(*ssa.BinOp)
	if !ok || cat.Op != token.ADD {
		return false
	}
	base, ok := cat.X.(*ssa.UnOp)
	rest, ok2 := cat.Y.(*ssa.UnOp)
	if !ok || !ok2 || base.Op != token.MUL || rest.Op != token.MUL || !samePlace(rest.X, st.Addr) {
		return false
	}
	bf, ok := base.X.(*ssa.FieldAddr)
	if !ok || bf.Field != fa.Field || !sameType(bf.X, fa.X) {
		return false
	}
	node := bf.X
	for _, b := range st.Parent().Blocks {
		for _, instr := range b.Instrs {
			if w, ok := instr.(*ssa.Store); ok && serverField(w.Addr) {
				if ld, ok := w.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
					if f, ok := ld.X.(*ssa.FieldAddr); ok && f.X == node {
						return true
					}
				}
			}
		}
	}
	return false
}

// sameType reports whether a and b have the same type.
func sameType(a, b ssa.Value) bool {
	return a.Type().String() == b.Type().String()
}
