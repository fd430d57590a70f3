package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/typesx"
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

// baseWrite reports whether st sets a part of a URL to that part of the
// URL its function points the request at (a node: its host is stored as
// the request's, knowledge.ServerFields) put before what the part holds:
// req.URL.Path = node.Path + req.URL.Path, or the same written into a
// strings.Builder. A node's path is where the server is (its base path,
// as an OpenAPI server URL has one), not what the API is asked.
func baseWrite(st *ssa.Store) bool {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	// The function's nodes are looked for only once the value is made of
	// the place and of the same field of other values: a store's value
	// seldom is, and finding them walks the whole function.
	var bases []ssa.Value
	own := false
	ok = madeOf(st.Val, 0, func(ld *ssa.UnOp) bool {
		if samePlace(ld.X, st.Addr) {
			own = true
			return true
		}
		if f, ok := ld.X.(*ssa.FieldAddr); ok && f.Field == fa.Field && types.Identical(f.X.Type(), fa.X.Type()) {
			bases = append(bases, f.X)
			return true
		}
		return false
	})
	if !ok || !own || len(bases) == 0 {
		return false
	}
	nodes := nodesOf(st.Parent())
	for _, b := range bases {
		if !nodes[b] {
			return false
		}
	}
	return true
}

// nodesOf returns the values whose host fn stores as a request's (a
// load of their Host field stored into a server field).
func nodesOf(fn *ssa.Function) map[ssa.Value]bool {
	var nodes map[ssa.Value]bool
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			w, ok := instr.(*ssa.Store)
			if !ok || !serverField(w.Addr) {
				continue
			}
			if ld, ok := w.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if f, ok := ld.X.(*ssa.FieldAddr); ok {
					if nodes == nil {
						nodes = map[ssa.Value]bool{}
					}
					nodes[f.X] = true
				}
			}
		}
	}
	return nodes
}

// madeOf reports whether the string v is made only of constants and of
// loads leaf accepts: joined with +, sliced, or written into a
// strings.Builder or a bytes.Buffer whose String gives v.
func madeOf(v ssa.Value, depth int, leaf func(*ssa.UnOp) bool) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.UnOp:
		return x.Op == token.MUL && leaf(x)
	case *ssa.BinOp:
		return x.Op == token.ADD && madeOf(x.X, depth+1, leaf) && madeOf(x.Y, depth+1, leaf)
	case *ssa.Slice:
		return madeOf(x.X, depth+1, leaf)
	case *ssa.Call:
		fn := x.Call.StaticCallee()
		if fn == nil || fn.Name() != "String" || len(x.Call.Args) != 1 || !isStringBuilder(x.Call.Args[0].Type()) {
			return false
		}
		b, ok := x.Call.Args[0].(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, r := range *b.Referrers() {
			switch u := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Call:
				if u == x {
					continue
				}
				m := u.Call.StaticCallee()
				if m == nil || len(u.Call.Args) == 0 || u.Call.Args[0] != ssa.Value(b) {
					return false
				}
				switch m.Name() {
				case "Grow", "Reset":
				case "WriteString", "WriteByte", "WriteRune":
					if !madeOf(u.Call.Args[1], depth+1, leaf) {
						return false
					}
				default:
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

// isStringBuilder reports whether t is *strings.Builder or
// *bytes.Buffer.
func isStringBuilder(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	path, name, ok := typesx.TypeName(p.Elem())
	return ok && (path == "strings" && name == "Builder" || path == "bytes" && name == "Buffer")
}
