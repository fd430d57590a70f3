package requests

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

const src = `package p

import (
	"fmt"
	"net/http"
	"net/url"
)

const base = "https://api.example.com/v2"

func sends(c *http.Client, id string, n int) {
	c.Get(base + "/pets/" + id)
	http.Post(fmt.Sprintf("%s/pets/%d/toys", base, n), "application/json", nil)
	u, _ := url.JoinPath(base, "stores", "7")
	http.Head(u)
	req, _ := http.NewRequest("DELETE", base+"/pets/"+id, nil)
	c.Do(req)
	get(c, "/stores/"+id)
	http.Get(fmt.Sprintf("%q", id))
}

// get is a request helper: its calls are requests.
func get(c *http.Client, path string) (*http.Response, error) {
	return c.Get(base + path)
}
`

// The requests of a package's sends, read from their arguments: constants,
// concatenation, fmt.Sprintf's %s and %d, url.JoinPath, a request
// variable's http.NewRequest (through the values it is given), a helper's
// request with the call's arguments; a verb it cannot render makes the URL
// unknown. Op ties each to the spec's operation.
func TestURLAndOp(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	// What each local variable is given, as status.Index.ValuesOf says.
	given := map[*types.Var][]status.Value{}
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			for i, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					if v, ok := info.Defs[id].(*types.Var); ok {
						given[v] = append(given[v], status.Value{Expr: as.Rhs[0], Index: i})
					}
				}
			}
		}
		return true
	})
	decls := typesx.FuncDecls(info, []*ast.File{f})
	r := New(info, pkg, func(fn *types.Func) *ast.FuncDecl { return decls[fn] }, func(v *types.Var) []status.Value { return given[v] })

	var sends []*ast.CallExpr
	for fn, d := range decls {
		if fn.Name() != "sends" {
			continue
		}
		for _, stmt := range d.Body.List {
			if es, ok := stmt.(*ast.ExprStmt); ok {
				sends = append(sends, es.X.(*ast.CallExpr))
			}
		}
	}
	want := []struct {
		url string
		ok  bool
	}{
		{"https://api.example.com/v2/pets/{}", true},
		{"https://api.example.com/v2/pets/{}/toys", true},
		{"https://api.example.com/v2/stores/7", true},
		{"https://api.example.com/v2/pets/{}", true},
		{"https://api.example.com/v2/stores/{}", true},
		{"", false},
	}
	if len(sends) != len(want) {
		t.Fatalf("%d sends, want %d", len(sends), len(want))
	}
	for i, send := range sends {
		u, ok := r.URL(send)
		if u != want[i].url || ok != want[i].ok {
			t.Errorf("send %d: URL %q, %v; want %q, %v", i, u, ok, want[i].url, want[i].ok)
		}
	}

	spec := &table.Spec{}
	for _, p := range [][2]string{{"GET", "/v2/pets/{petId}"}, {"DELETE", "/v2/pets/{petId}"}, {"POST", "/v2/pets/{petId}/toys"}, {"GET", "/v2/stores/{storeId}"}} {
		spec.Operations = append(spec.Operations, &table.Operation{Method: p[0], Path: p[1], Segments: table.Segments(p[1])})
	}
	for i, wantOp := range []string{"GET /v2/pets/{petId}", "POST /v2/pets/{petId}/toys", "", "DELETE /v2/pets/{petId}", "GET /v2/stores/{storeId}", ""} {
		op, ok := r.Op(spec, sends[i])
		got := ""
		if ok {
			got = op.Method + " " + op.Path
		}
		if got != wantOp {
			t.Errorf("send %d: operation %q, want %q", i, got, wantOp)
		}
	}
}
