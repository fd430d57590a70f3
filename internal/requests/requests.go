// Package requests reads the request a client's send makes: its method
// and URL template, through the package's own request helpers, and the
// operation of an OpenAPI spec it calls. The codes pass picks an API's
// table by the URL, the retry pass an operation's statuses, the routes
// pass the operation whose documented statuses a response is compared
// with.
package requests

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A Reader reads the requests of one package's sends. It is not safe for
// concurrent use: each pass makes its own.
type Reader struct {
	info *types.Info
	pkg  *types.Package
	// decl returns the declaration of a function of the package.
	decl func(*types.Func) *ast.FuncDecl
	// values says what a variable of the package is given
	// (status.Index.ValuesOf).
	values func(*types.Var) []status.Value
	// helpers memoizes the summaries of request helpers (helperRequest).
	helpers map[*types.Func]helperSummary
}

// New returns a Reader of the package pkg: info its types, decl the
// declarations of its functions, values what its variables are given.
func New(info *types.Info, pkg *types.Package, decl func(*types.Func) *ast.FuncDecl, values func(*types.Var) []status.Value) *Reader {
	return &Reader{info: info, pkg: pkg, decl: decl, values: values, helpers: map[*types.Func]helperSummary{}}
}

// Op returns the operation a send of net/http calls, when its
// method and URL resolve statically: constants, concatenation,
// fmt.Sprintf's %s, %d and %v, url.JoinPath, with a base URL (a field or
// variable) in front.
func (c *Reader) Op(spec *table.Spec, send *ast.CallExpr) (*table.Operation, bool) {
	method, tmpl, ok := c.sendRequest(send)
	if !ok {
		return nil, false
	}
	return spec.MatchClient(method, table.Segments(urlPath(tmpl)))
}

// URL returns the URL template of send, a send of net/http or a
// call of the package's helper that makes and sends one request: "{}"
// stands for what is not known ("https://kafka.example.com/v2/{}/instances").
func (c *Reader) URL(send *ast.CallExpr) (string, bool) {
	_, tmpl, ok := c.sendRequest(send)
	return tmpl, ok
}

// sendRequest returns the method and URL template of send: a send of
// net/http, or a call of one of the package's request helpers.
func (c *Reader) sendRequest(send *ast.CallExpr) (method, tmpl string, ok bool) {
	method, tmpl, ok = c.request(send, nil)
	if !ok {
		method, tmpl, ok = c.helperRequest(send, nil)
	}
	return method, tmpl, ok
}

// request returns the method and URL template of a send of net/http;
// params stands in for parameters of the function that holds it (see
// helperRequest), a method among them as its placeholder.
func (c *Reader) request(send *ast.CallExpr, params map[*types.Var]string) (method, tmpl string, ok bool) {
	key, _, _, ok := typesx.Resolve(c.info, send)
	if !ok || key.Path != knowledge.NetHTTP || len(send.Args) == 0 {
		return "", "", false
	}
	method, urlArg := knowledge.ClientSends[key.Name], send.Args[0]
	if key.Name == "Do" && key.Recv == "Client" {
		method, urlArg = c.newRequestArgs(send.Args[0], params)
	}
	if method == "" || urlArg == nil {
		return "", "", false
	}
	tmpl, ok = c.urlTemplate(urlArg, 0, params)
	return method, tmpl, ok
}

// helperSummary describes a client's own helper (c.get(ctx,
// "/pets/"+id)) that makes and sends one request from its parameters: its
// method and URL template, with a placeholder for each parameter, filled
// in at each call.
type helperSummary struct {
	method, tmpl string
	ok           bool
}

// helperRequest returns the method and URL template of call, a call of a
// function of this package that sends one net/http request made from its
// parameters, itself or through another such helper, and returns the
// response: the helper's request with the call's arguments in place of
// the parameters. params are the caller's own, where it is a helper too.
func (c *Reader) helperRequest(call *ast.CallExpr, params map[*types.Var]string) (method, tmpl string, ok bool) {
	fn := typesx.StaticCallee(c.info, call)
	if fn == nil || fn.Pkg() != c.pkg || !returnsResponse(fn) {
		return "", "", false
	}
	h, seen := c.helpers[fn]
	if !seen {
		c.helpers[fn] = helperSummary{} // a helper that calls itself is none
		h = c.summarizeHelper(fn)
		c.helpers[fn] = h
	}
	if !h.ok {
		return "", "", false
	}
	// Every placeholder at once (strings.Replacer does not look again at
	// what it put in): an argument's template may hold the caller's own
	// placeholders.
	var pairs []string
	for _, m := range placeholders.FindAllStringSubmatch(h.method+h.tmpl, -1) {
		i, _ := strconv.Atoi(m[1])
		if i >= len(call.Args) || call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			return "", "", false // a variadic argument
		}
		v, known := c.urlTemplate(call.Args[i], 0, params)
		if !known {
			v = "{}"
		}
		pairs = append(pairs, m[0], v)
	}
	method = h.method
	if strings.Contains(method, "\x00") {
		m := placeholders.FindStringSubmatch(method)
		if m == nil || m[0] != method {
			return "", "", false
		}
		i, _ := strconv.Atoi(m[1])
		if method = c.methodOf(call.Args[i], params); method == "" {
			return "", "", false // a method that is no constant
		}
	}
	tmpl = strings.NewReplacer(pairs...).Replace(h.tmpl)
	return method, tmpl, true
}

// methodOf returns the method arg gives: a constant, upper case ("" is
// GET, as net/http takes it), or the placeholder of one of params; "" if
// neither.
func (c *Reader) methodOf(arg ast.Expr, params map[*types.Var]string) string {
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok {
			if p, ok := params[v]; ok {
				return p
			}
		}
	}
	tv := c.info.Types[arg]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return strings.ToUpper(cmp.Or(constant.StringVal(tv.Value), "GET"))
}

// summarizeHelper finds the one net/http send of fn and its request.
func (c *Reader) summarizeHelper(fn *types.Func) helperSummary {
	decl := c.decl(fn)
	if decl == nil || decl.Body == nil {
		return helperSummary{}
	}
	params := map[*types.Var]string{}
	i := 0
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if v, ok := c.info.Defs[name].(*types.Var); ok {
				params[v] = placeholder(i)
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	var sends []*ast.CallExpr
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if key, _, _, ok := typesx.Resolve(c.info, call); ok && knowledge.Sends[key] == knowledge.ErrTransport && key.Path == knowledge.NetHTTP {
				sends = append(sends, call)
			} else if callee := typesx.StaticCallee(c.info, call); callee != nil && callee != fn && callee.Pkg() == c.pkg && returnsResponse(callee) {
				sends = append(sends, call) // another helper
			}
		}
		return true
	})
	if len(sends) != 1 {
		return helperSummary{}
	}
	method, tmpl, ok := c.request(sends[0], params)
	if !ok {
		method, tmpl, ok = c.helperRequest(sends[0], params)
	}
	return helperSummary{method, tmpl, ok}
}

// placeholder stands for the i-th parameter of a helper in its summary;
// placeholders finds them.
func placeholder(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

var placeholders = regexp.MustCompile("\x00([0-9]+)\x00")

// returnsResponse reports whether fn returns an *http.Response.
func returnsResponse(fn *types.Func) bool {
	for v := range fn.Signature().Results().Variables() {
		if _, isPtr := types.Unalias(v.Type()).(*types.Pointer); isPtr && typesx.Is(v.Type(), knowledge.HTTPResponse) {
			return true
		}
	}
	return false
}

// NewRequestArgs returns the method and URL a request variable was made
// with by http.NewRequest or NewRequestWithContext.
func (c *Reader) NewRequestArgs(e ast.Expr) (string, ast.Expr) {
	return c.newRequestArgs(e, nil)
}

// newRequestArgs is NewRequestArgs where a method that is one of params
// is its placeholder.
func (c *Reader) newRequestArgs(e ast.Expr, params map[*types.Var]string) (string, ast.Expr) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return "", nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return "", nil
	}
	vals := c.values(v)
	if len(vals) != 1 || vals[0].Index != 0 {
		return "", nil
	}
	call, ok := ast.Unparen(vals[0].Expr).(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	fn := typesx.Callee(c.info, call)
	if fn == nil {
		return "", nil
	}
	b, ok := knowledge.RequestBuilders[typesx.FuncKey(fn)]
	if !ok || b.MethodArg >= len(call.Args) || b.URLArg >= len(call.Args) {
		return "", nil
	}
	method := c.methodOf(call.Args[b.MethodArg], params)
	if method == "" {
		return "", nil
	}
	return method, call.Args[b.URLArg]
}

// urlTemplate renders a URL expression with "{}" for what is not known.
func (c *Reader) urlTemplate(e ast.Expr, depth int, params map[*types.Var]string) (string, bool) {
	info := c.info
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
		l, ok1 := c.urlTemplate(x.X, depth+1, params)
		r, ok2 := c.urlTemplate(x.Y, depth+1, params)
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
				t, ok := c.urlTemplate(a, depth+1, params)
				if !ok {
					t = "{}"
				}
				args = append(args, t)
			}
			return sprintfTemplate(constant.StringVal(tv.Value), args)
		case knowledge.JoinPath:
			var parts []string
			for _, a := range x.Args {
				p, ok := c.urlTemplate(a, depth+1, params)
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
		if p, ok := params[v]; ok {
			return p, true // a helper's parameter, filled in at its call
		}
		if vals := c.values(v); len(vals) == 1 && vals[0].Expr != nil && !typesx.IsPackageLevel(v) {
			if vals[0].Index == 0 {
				return c.urlTemplate(vals[0].Expr, depth+1, params)
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
