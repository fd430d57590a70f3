package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// checkClients flags comparisons of a response's status with codes its
// operation never returns.
func checkClients(c *routeFinder, tab *table.Table, res *RouteResult) {
	info := c.Pass.TypesInfo
	for _, fc := range c.Checked {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			send := cur.Node().(*ast.CallExpr)
			op, ok := c.requests.Op(tab.Spec, send)
			if !ok {
				continue
			}
			resp := assignedResponse(info, cur, send)
			fn, ok := typesx.EnclosingFuncCursor(cur)
			if resp == nil || !ok {
				continue
			}
			for n := range fn.Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
				var pairs [][2]ast.Expr // status, constant
				switch x := n.Node().(type) {
				case *ast.BinaryExpr:
					if x.Op == token.EQL || x.Op == token.NEQ {
						pairs = append(pairs, [2]ast.Expr{x.X, x.Y}, [2]ast.Expr{x.Y, x.X})
					}
				case *ast.SwitchStmt:
					if x.Tag != nil {
						for _, cl := range x.Body.List {
							for _, e := range cl.(*ast.CaseClause).List {
								pairs = append(pairs, [2]ast.Expr{x.Tag, e})
							}
						}
					}
				}
				for _, p := range pairs {
					if !isStatusOf(info, p[0], resp) {
						continue
					}
					code, ok := constCode(info, p[1])
					if !ok {
						continue
					}
					res.Tied[p[1].Pos()] = true
					if op.Documents(code) {
						continue
					}
					res.Diags = append(res.Diags, analysis.Diagnostic{Pos: p[1].Pos(), End: p[1].End(), Category: Operation,
						Message: fmt.Sprintf("status %s in comparison with %s: %s %s never returns it (documented: %s), so this comparison never matches; compare with a documented status or add the response to the spec",
							status.Describe(int64(code)), types.ExprString(p[0]), op.Method, op.Path, op.Documented()),
						Related: related(
							analysis.RelatedInformation{Pos: send.Pos(), End: send.End(), Message: fmt.Sprintf("the request for %s is sent here", op.Name())},
							analysis.RelatedInformation{Pos: specPos(c.Pass.Fset, tab.Spec, op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())},
						)})
				}
			}
		}
	}
}

// assignedResponse returns the variable the response of send, at cur,
// is assigned to (resp, err := client.Do(req)).
func assignedResponse(info *types.Info, cur inspector.Cursor, send *ast.CallExpr) *types.Var {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != send || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// isStatusOf reports whether e reads the status of resp: resp.StatusCode.
func isStatusOf(info *types.Info, e ast.Expr, resp *types.Var) bool {
	id, ok := ast.Unparen(typesx.StatusOf(info, e)).(*ast.Ident)
	return ok && info.Uses[id] == resp
}
