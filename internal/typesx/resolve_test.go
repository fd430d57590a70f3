package typesx

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/statuslint/statuslint/internal/knowledge"
)

const src = `package p

import "net/http"

type Base interface{ Handle() }

type Builder struct{ Base }

func Pair[K comparable, V any](k K, v V) {}

func One[T any](t T) {}

func f(c *http.Client, req *http.Request, b Builder, h http.Header) {
	c.Do(req)
	Pair[string, int]("a", 1)
	One[int](1)
	(http.Get)("x")
	b.Handle()
	h.Set("a", "b")
}
`

// Resolve sees through instantiations and parentheses, and gives a
// promoted method under the type it is called on.
func TestResolve(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Instances: map[*ast.Ident]types.Instance{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var got [][2]knowledge.Key
	var idents []string
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if key, via, _, ok := Resolve(info, call); ok {
				got = append(got, [2]knowledge.Key{key, via})
				idents = append(idents, CalleeIdent(call).Name)
			}
		}
		return true
	})
	want := [][2]knowledge.Key{
		{{Path: "net/http", Recv: "Client", Name: "Do"}, {Path: "net/http", Recv: "Client", Name: "Do"}},
		{{Path: "p", Recv: "", Name: "Pair"}, {Path: "p", Recv: "", Name: "Pair"}},
		{{Path: "p", Recv: "", Name: "One"}, {Path: "p", Recv: "", Name: "One"}},
		{{Path: "net/http", Recv: "", Name: "Get"}, {Path: "net/http", Recv: "", Name: "Get"}},
		{{Path: "p", Recv: "Base", Name: "Handle"}, {Path: "p", Recv: "Builder", Name: "Handle"}},
		{{Path: "net/http", Recv: "Header", Name: "Set"}, {Path: "net/http", Recv: "Header", Name: "Set"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if want := []string{"Do", "Pair", "One", "Get", "Handle", "Set"}; len(idents) != len(want) || idents[1] != "Pair" || idents[2] != "One" {
		t.Errorf("CalleeIdent: %v", idents)
	}
}

// The tables refer to one another consistently.
