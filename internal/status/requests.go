package status

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/statuslint/statuslint/analyzer/table"
	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// RequestOp returns the operation a send of net/http calls, when its
// method and URL resolve statically: constants, concatenation,
// fmt.Sprintf's %s, %d and %v, url.JoinPath, with a base URL (a field or
// variable) in front.
func (c *Base) RequestOp(spec *table.Spec, send *ast.CallExpr) (*table.Operation, bool) {
	key, _, _, ok := typesx.Resolve(c.Pass.TypesInfo, send)
	if !ok || key.Path != knowledge.NetHTTP || len(send.Args) == 0 {
		return nil, false
	}
	method, urlArg := knowledge.ClientSends[key.Name], send.Args[0]
	if key.Name == "Do" && key.Recv == "Client" {
		method, urlArg = c.NewRequestArgs(send.Args[0])
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

// NewRequestArgs returns the method and URL a request variable was made
// with by http.NewRequest or NewRequestWithContext.
func (c *Base) NewRequestArgs(e ast.Expr) (string, ast.Expr) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return "", nil
	}
	v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return "", nil
	}
	vals := c.ValuesOf(v)
	if len(vals) != 1 || vals[0].Index != 0 {
		return "", nil
	}
	call, ok := ast.Unparen(vals[0].Expr).(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	fn := typesx.Callee(c.Pass.TypesInfo, call)
	if fn == nil {
		return "", nil
	}
	b, ok := knowledge.RequestBuilders[typesx.FuncKey(fn)]
	if !ok || b.MethodArg >= len(call.Args) || b.URLArg >= len(call.Args) {
		return "", nil
	}
	tv := c.Pass.TypesInfo.Types[call.Args[b.MethodArg]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", nil
	}
	method := strings.ToUpper(constant.StringVal(tv.Value))
	if method == "" {
		method = "GET"
	}
	return method, call.Args[b.URLArg]
}

// urlTemplate renders a URL expression with "{}" for what is not known.
func (c *Base) urlTemplate(e ast.Expr, depth int) (string, bool) {
	info := c.Pass.TypesInfo
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
		fn := typesx.Callee(info, x)
		if fn == nil {
			return "{}", true
		}
		switch typesx.FuncKey(fn) {
		case knowledge.Sprintf:
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
		case knowledge.JoinPath:
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
		if vals := c.ValuesOf(v); len(vals) == 1 && vals[0].Expr != nil && !typesx.IsPackageLevel(v) {
			if vals[0].Index == 0 {
				return c.urlTemplate(vals[0].Expr, depth+1)
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
