package codes

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/analyzer/table"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
)

// Comparisons by the API the request went to: where the configuration
// names the tables of the APIs a client calls (apis entries), a status
// compared with resp.StatusCode is judged by the table of the API that
// resp came from, when every request assigned to resp in its file goes to
// one such API; otherwise, by the package's table.

// apiIndex is what tableOf needs of a file, built once per file: the
// expression each status operand is compared with, and the calls each
// variable is assigned from (nil for an assignment that is not a call's
// first result).
type apiIndex struct {
	compared map[ast.Expr]ast.Expr
	assigned map[*types.Var][]*ast.CallExpr
	// defined are the variables declared in the file's statements, not
	// parameters: only their every value is known.
	defined map[*types.Var]bool
}

// tableOf returns the table that judges f: the table of the API its
// comparison's response came from, else the package's.
func (c *codeChecker) tableOf(f status.Found) *table.Table {
	if c.settings == nil || len(c.settings.APIs) == 0 || f.S.Writes {
		return c.tab
	}
	x := c.apiIndexOf(f.File)
	e := f.E
	if f.S.Via != nil {
		e = f.S.Via // the constant travels to the comparison
	}
	resp := responseVar(c.Pass.TypesInfo, x.compared[e])
	if resp == nil || !x.defined[resp] {
		return c.tab
	}
	var api *config.TableFlag
	for _, call := range x.assigned[resp] {
		if call == nil {
			return c.tab
		}
		u, ok := c.RequestURL(call)
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

// apiIndexOf returns the index of file, building it on first use.
func (c *codeChecker) apiIndexOf(file *ast.File) *apiIndex {
	if x := c.apiIndexes[file]; x != nil {
		return x
	}
	info := c.Pass.TypesInfo
	x := &apiIndex{compared: map[ast.Expr]ast.Expr{}, assigned: map[*types.Var][]*ast.CallExpr{}, defined: map[*types.Var]bool{}}
	assign := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			if info.Defs[id] == v {
				x.defined[v] = true
			}
			if len(rhs) == 0 {
				continue // var resp *http.Response: nil until assigned
			}
			var call *ast.CallExpr
			if i == 0 && len(rhs) == 1 {
				call, _ = ast.Unparen(rhs[0]).(*ast.CallExpr)
			}
			x.assigned[v] = append(x.assigned[v], call)
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				x.compared[ast.Unparen(n.X)], x.compared[ast.Unparen(n.Y)] = n.Y, n.X
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cl := range n.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						x.compared[ast.Unparen(e)] = n.Tag
					}
				}
			}
		case *ast.AssignStmt:
			assign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(lhs, n.Values)
		}
		return true
	})
	if c.apiIndexes == nil {
		c.apiIndexes = map[*ast.File]*apiIndex{}
	}
	c.apiIndexes[file] = x
	return x
}

// responseVar returns the variable e reads the status of: resp in
// resp.StatusCode, where resp is a variable of the function.
func responseVar(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a field or a package variable: assigned anywhere
	}
	return v
}
