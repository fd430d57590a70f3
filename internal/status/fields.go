package status

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// nonStatusFields returns the integer fields named as statuses (by name
// only, typesx.IsStatusFieldByName) that the package compares with, or
// gives, a number no status is: 1 to 99. Docker's
// container.WaitResponse{StatusCode: 15}, compared with 15 in the
// client's tests, is a container's exit code, not an HTTP status. Zero
// stays a status field's "not set", and a field compared only with
// statuses keeps its name's reading. One walk of the package's files, on
// first use.
func (x *Index) nonStatusFields() map[*types.Var]bool {
	x.nonStatusOnce.Do(func() { x.nonStatus = x.findNonStatus() })
	return x.nonStatus
}

func (x *Index) findNonStatus() map[*types.Var]bool {
	nonStatus := map[*types.Var]bool{}
	info := x.info
	named := func(e ast.Expr) *types.Var {
		var obj types.Object
		switch e := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			obj = info.ObjectOf(e.Sel)
		case *ast.Ident: // a key of a composite literal
			obj = info.ObjectOf(e)
		}
		v, ok := obj.(*types.Var)
		if !ok || !typesx.IsInteger(v.Type()) || !typesx.IsStatusFieldByName(v) {
			return nil
		}
		return v
	}
	notStatus := func(e ast.Expr) bool {
		tv := info.Types[e]
		if tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		n, ok := constant.Int64Val(tv.Value)
		return ok && n >= 1 && n <= 99
	}
	pair := func(a, b ast.Expr) {
		if v := named(a); v != nil && notStatus(b) {
			nonStatus[v] = true
		} else if v := named(b); v != nil && notStatus(a) {
			nonStatus[v] = true
		}
	}
	for _, fc := range x.AllFiles {
		for cur := range fc.Preorder((*ast.BinaryExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.BinaryExpr:
				switch n.Op {
				case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
					pair(n.X, n.Y)
				}
			case *ast.KeyValueExpr:
				pair(n.Key, n.Value)
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						pair(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.SwitchStmt:
				v := named(n.Tag)
				if v == nil {
					continue
				}
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						if notStatus(e) {
							nonStatus[v] = true
						}
					}
				}
			case *ast.CallExpr:
				// assert.Equal(t, 15, result.StatusCode) and the
				// project's own equality helpers.
				fn := typesx.StaticCallee(info, n)
				if fn == nil || !knowledge.EqualityHelperNames.Match(fn.Name()) {
					continue
				}
				for i := range n.Args {
					for j := i + 1; j < len(n.Args); j++ {
						pair(n.Args[i], n.Args[j])
					}
				}
			}
		}
	}
	return nonStatus
}
