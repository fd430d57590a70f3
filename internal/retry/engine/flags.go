package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Retry decisions kept in a flag: a boolean local that the loop sets to
// constants (shouldRetry := false; if resp.StatusCode == 503 {
// shouldRetry = true }; if !shouldRetry { break }). The flow carries, on
// each fragment, what each such flag holds on that path, so a test of the
// flag keeps the fragments that set it and drops the others.

// MaxFlags bounds the flags followed in one loop: one bit each.
const MaxFlags = 64

// declaredZero stands for the value of a flag declared without one.
var declaredZero = ast.NewIdent("false")

// SpecValue returns the value a declaration gives its i-th name:
// declaredZero when it gives none, nil when one call gives them all.
func SpecValue(vs *ast.ValueSpec, i int) ast.Expr {
	switch {
	case i < len(vs.Values) && len(vs.Values) == len(vs.Names):
		return vs.Values[i]
	case len(vs.Values) == 0:
		return declaredZero
	}
	return nil
}

// BoolConst returns the value of a constant boolean expression, or of
// declaredZero.
func BoolConst(info *types.Info, e ast.Expr) (bool, bool) {
	if e == nil {
		return false, false
	}
	if e == declaredZero {
		return false, true
	}
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// SetFlags records on every fragment of live the flags s sets to
// constants.
func (f *Flow) SetFlags(s ast.Stmt, live []Frag) []Frag {
	if len(f.Flags) == 0 {
		return live
	}
	info := f.Ev.Pass.TypesInfo
	type set struct {
		bit uint
		val bool
	}
	var sets []set
	add := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			return
		}
		bit, tracked := f.Flags[v]
		if !tracked {
			return
		}
		if val, ok := BoolConst(info, rhs); ok {
			sets = append(sets, set{bit, val})
		}
	}
	switch s := s.(type) {
	case *ast.AssignStmt:
		if len(s.Lhs) == len(s.Rhs) {
			for i, lhs := range s.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					add(id, s.Rhs[i])
				}
			}
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					for i, id := range vs.Names {
						add(id, SpecValue(vs, i))
					}
				}
			}
		}
	}
	if len(sets) == 0 {
		return live
	}
	var out []Frag
	for _, fr := range live {
		for _, st := range sets {
			fr.known |= 1 << st.bit
			if st.val {
				fr.value |= 1 << st.bit
			} else {
				fr.value &^= 1 << st.bit
			}
		}
		out = appendFrag(out, fr)
	}
	return out
}

// flagTest narrows live on a test of a flag (v or !v, negated if neg):
// the fragments where the flag holds what the branch needs, and those
// where it is not known, which then hold it. ok is false when cond is no
// such test.
func (f *Flow) flagTest(live []Frag, cond ast.Expr, neg bool) ([]Frag, bool) {
	if len(f.Flags) == 0 {
		return nil, false
	}
	want := !neg
	x := ast.Unparen(cond)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		want, x = !want, ast.Unparen(u.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := f.Ev.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	bit, tracked := f.Flags[v]
	if !tracked {
		return nil, false
	}
	var out []Frag
	for _, fr := range live {
		if fr.known&(1<<bit) != 0 {
			if (fr.value&(1<<bit) != 0) != want {
				continue
			}
		} else {
			fr.known |= 1 << bit
			if want {
				fr.value |= 1 << bit
			}
		}
		out = appendFrag(out, fr)
	}
	return out, true
}
