package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/analyzer/knowledge"
	"github.com/statuslint/statuslint/analyzer/table"
)

// clientSends are net/http's sends whose method is their name; Do takes
// a request made by NewRequest.
var clientSends = map[string]string{"Get": "GET", "Head": "HEAD", "Post": "POST", "PostForm": "POST"}

// requestOp returns the operation a send of net/http calls, when its
// method and URL resolve statically: constants, concatenation,
// fmt.Sprintf's %s, %d and %v, url.JoinPath, with a base URL (a field or
// variable) in front.
func (c *base) requestOp(spec *table.Spec, send *ast.CallExpr) (*table.Operation, bool) {
	key, _, _, ok := knowledge.Resolve(c.pass.TypesInfo, send)
	if !ok || key.Path != "net/http" || len(send.Args) == 0 {
		return nil, false
	}
	method, urlArg := clientSends[key.Name], send.Args[0]
	if key.Name == "Do" && key.Recv == "Client" {
		method, urlArg = c.newRequestArgs(send.Args[0])
	}
	if method == "" || urlArg == nil {
		return nil, false
	}
	tmpl, ok := c.urlTemplate(urlArg, 0)
	if !ok {
		return nil, false
	}
	return spec.MatchClient(method, table.Segments(urlPath(tmpl)))
}

// newRequestArgs returns the method and URL a request variable was made
// with by http.NewRequest or NewRequestWithContext.
func (c *base) newRequestArgs(e ast.Expr) (string, ast.Expr) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return "", nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return "", nil
	}
	vals := c.valuesOf(v)
	if len(vals) != 1 || vals[0].index != 0 {
		return "", nil
	}
	call, ok := ast.Unparen(vals[0].expr).(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	fn, ok := c.pass.TypesInfo.Uses[knowledge.CalleeIdent(call)].(*types.Func)
	if !ok {
		return "", nil
	}
	k := knowledge.FuncKey(fn)
	arg := -1
	switch {
	case k.Path != "net/http":
	case k.Name == "NewRequest":
		arg = 0
	case k.Name == "NewRequestWithContext":
		arg = 1
	}
	if arg < 0 || arg+1 >= len(call.Args) {
		return "", nil
	}
	tv := c.pass.TypesInfo.Types[call.Args[arg]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", nil
	}
	method := strings.ToUpper(constant.StringVal(tv.Value))
	if method == "" {
		method = "GET"
	}
	return method, call.Args[arg+1]
}

// urlTemplate renders a URL expression with "{}" for what is not known.
func (c *base) urlTemplate(e ast.Expr, depth int) (string, bool) {
	info := c.pass.TypesInfo
	if depth > 16 {
		return "", false
	}
	if tv := info.Types[e]; tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return tv.Value.ExactString(), true // a number in %d
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, ok1 := c.urlTemplate(x.X, depth+1)
		r, ok2 := c.urlTemplate(x.Y, depth+1)
		return l + r, ok1 && ok2
	case *ast.CallExpr:
		fn, ok := info.Uses[knowledge.CalleeIdent(x)].(*types.Func)
		if !ok {
			return "{}", true
		}
		switch knowledge.FuncKey(fn) {
		case knowledge.Key{Path: "fmt", Name: "Sprintf"}:
			if len(x.Args) == 0 {
				return "", false
			}
			tv := info.Types[x.Args[0]]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return "", false
			}
			var args []string
			for _, a := range x.Args[1:] {
				t, ok := c.urlTemplate(a, depth+1)
				if !ok {
					t = "{}"
				}
				args = append(args, t)
			}
			return sprintfTemplate(constant.StringVal(tv.Value), args)
		case knowledge.Key{Path: "net/url", Name: "JoinPath"}:
			var parts []string
			for _, a := range x.Args {
				p, ok := c.urlTemplate(a, depth+1)
				if !ok {
					return "", false
				}
				parts = append(parts, strings.Trim(p, "/"))
			}
			return strings.Join(parts, "/"), true
		}
		return "{}", true // strconv.Itoa(id), url.PathEscape(name)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return "", false
		}
		if vals := c.valuesOf(v); len(vals) == 1 && vals[0].expr != nil && !isPackageLevel(v) {
			if vals[0].index == 0 {
				return c.urlTemplate(vals[0].expr, depth+1)
			}
			return "", false
		}
		return "{}", true // a parameter, a base URL
	case *ast.SelectorExpr:
		return "{}", true // a base-URL field
	}
	return "", false
}

// sprintfTemplate renders a format with its arguments' templates for %s,
// %d and %v; any other verb makes the URL unknown.
func sprintfTemplate(format string, args []string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'd', 'v':
			if len(args) == 0 {
				return "", false
			}
			b.WriteString(args[0])
			args = args[1:]
		default:
			return "", false
		}
	}
	return b.String(), true
}

// urlPath returns the path of a URL template: without scheme and host,
// without a base URL that is not known ("{}" in front), without query.
func urlPath(tmpl string) string {
	tmpl = strings.TrimPrefix(table.URLPath(tmpl), "{}")
	if i := strings.IndexAny(tmpl, "?#"); i >= 0 {
		tmpl = tmpl[:i]
	}
	// A part not known inside a segment ("pet-{}") makes the segment a
	// parameter.
	segs := strings.Split(tmpl, "/")
	for i, s := range segs {
		if strings.Contains(s, "{}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// checkClients flags comparisons of a response's status with codes its
// operation never returns.
func checkClients(c *routeFinder, tab *table.Table, res *routeResult) {
	info := c.pass.TypesInfo
	for _, fc := range c.checked {
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			send := cur.Node().(*ast.CallExpr)
			op, ok := c.requestOp(tab.Spec, send)
			if !ok {
				continue
			}
			resp := assignedResponse(info, cur, send)
			fn, ok := enclosingFuncCursor(cur)
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
					tv := info.Types[p[1]]
					if tv.Value == nil || tv.Value.Kind() != constant.Int {
						continue
					}
					code, exact := constant.Int64Val(tv.Value)
					if !exact || code < table.MinCode || code > table.MaxCode {
						continue
					}
					res.tied[p[1].Pos()] = true
					if op.Documents(int(code)) {
						continue
					}
					res.diags = append(res.diags, analysis.Diagnostic{Pos: p[1].Pos(), End: p[1].End(), Category: CheckOperation,
						Message: fmt.Sprintf("status %s in comparison with %s: %s %s never returns it (documented: %s), so this comparison never matches; compare with a documented status or add the response to the spec",
							describe(code), types.ExprString(p[0]), op.Method, op.Path, op.Documented()),
						Related: related(
							analysis.RelatedInformation{Pos: send.Pos(), End: send.End(), Message: fmt.Sprintf("the request for %s is sent here", op.Name())},
							analysis.RelatedInformation{Pos: specPos(c.pass.Fset, tab.Spec, op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())},
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

// isStatusOf reports whether e is resp.StatusCode.
func isStatusOf(info *types.Info, e ast.Expr, resp *types.Var) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.Uses[id] == resp
}
