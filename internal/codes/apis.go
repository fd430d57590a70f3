package codes

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Comparisons by the API the request went to: where the configuration
// names the tables of the APIs a client calls (apis entries), a status
// compared with resp.StatusCode is judged by the table of the API that
// resp came from, when every request assigned to resp goes to one such
// API; otherwise, by the package's table.

// tableOf returns the table that judges f: the table of the API its
// comparison's response came from, else the package's.
func (c *codeChecker) tableOf(f status.Found) *table.Table {
	if c.settings == nil || len(c.settings.APIs) == 0 || f.S.Writes {
		return c.tab
	}
	e := f.E
	if f.S.Via != nil {
		e = f.S.Via // the constant travels to the comparison
	}
	resp := responseVar(c.Pass.TypesInfo, c.comparedOf(f.File)[e])
	if resp == nil {
		return c.tab
	}
	// Every value the variable is given (status.Index.ValuesOf): each must
	// be the response of a request to the same API. A parameter is given
	// none here; a zero declaration or a taken address is a value not
	// known.
	var api *config.TableFlag
	for _, v := range c.ValuesOf(resp) {
		call, ok := ast.Unparen(v.Expr).(*ast.CallExpr)
		if !ok || v.Index != 0 {
			return c.tab
		}
		u, ok := c.requests.URL(call)
		if !ok {
			return c.tab
		}
		a := c.settings.API(u)
		if a == nil || api != nil && a != api {
			return c.tab
		}
		api = a
	}
	if api == nil {
		return c.tab
	}
	t, err := api.Table()
	if err != nil {
		return c.tab
	}
	return t
}

// comparedOf returns, for file, the expression each operand of a
// comparison or a switch case is compared with, building it on first use.
func (c *codeChecker) comparedOf(file *ast.File) map[ast.Expr]ast.Expr {
	if x := c.compared[file]; x != nil {
		return x
	}
	x := map[ast.Expr]ast.Expr{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				x[ast.Unparen(n.X)], x[ast.Unparen(n.Y)] = n.Y, n.X
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cl := range n.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						x[ast.Unparen(e)] = n.Tag
					}
				}
			}
		}
		return true
	})
	if c.compared == nil {
		c.compared = map[*ast.File]map[ast.Expr]ast.Expr{}
	}
	c.compared[file] = x
	return x
}

// responseVar returns the variable e reads the status of: resp in
// resp.StatusCode, where resp is a local variable.
func responseVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(typesx.StatusOf(info, e)).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || typesx.IsPackageLevel(v) {
		return nil // a field or a package variable: assigned anywhere
	}
	return v
}
