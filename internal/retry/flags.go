package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/typesx"
)

// loopFlags returns the flags of a retry loop's body, each with its bit:
// boolean locals of this package given only constants in the body, never
// through a pointer, and tested there.
func (c *retryChecker) loopFlags(body *ast.BlockStmt) map[*types.Var]uint {
	info := c.Pass.TypesInfo
	constOnly := map[*types.Var]bool{}
	var order []*types.Var
	note := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || !typesx.IsBool(v.Type()) || typesx.IsPackageLevel(v) || v.IsField() {
			return
		}
		if _, seen := constOnly[v]; !seen {
			constOnly[v] = true
			order = append(order, v)
		}
		if _, ok := engine.BoolConst(info, rhs); !ok {
			constOnly[v] = false
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok {
					continue
				}
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					rhs = n.Rhs[i]
				}
				note(id, rhs)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				note(id, engine.SpecValue(n, i))
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := info.Uses[id].(*types.Var); ok {
					constOnly[v] = false
				}
			}
		}
		return true
	})
	flags := map[*types.Var]uint{}
	for _, v := range order {
		if constOnly[v] && len(flags) < engine.MaxFlags {
			flags[v] = uint(len(flags))
		}
	}
	return flags
}
