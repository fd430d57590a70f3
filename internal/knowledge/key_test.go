package knowledge

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
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
	var got [][2]Key
	var idents []string
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if key, via, _, ok := Resolve(info, call); ok {
				got = append(got, [2]Key{key, via})
				idents = append(idents, CalleeIdent(call).Name)
			}
		}
		return true
	})
	want := [][2]Key{
		{{"net/http", "Client", "Do"}, {"net/http", "Client", "Do"}},
		{{"p", "", "Pair"}, {"p", "", "Pair"}},
		{{"p", "", "One"}, {"p", "", "One"}},
		{{"net/http", "", "Get"}, {"net/http", "", "Get"}},
		{{"p", "Base", "Handle"}, {"p", "Builder", "Handle"}},
		{{"net/http", "Header", "Set"}, {"net/http", "Header", "Set"}},
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
func TestTablesConsistent(t *testing.T) {
	for key, h := range Hooks {
		for _, marker := range []Key{h.Stop, h.Only, h.Option} {
			if marker != (Key{}) && marker.Path != key.Path {
				t.Errorf("%v: marker %v is in another package", key, marker)
			}
		}
		if h.Kind == HookOperation && h.Stop == (Key{}) && h.Only == (Key{}) {
			t.Errorf("%v: an operation hook with no stop marker", key)
		}
	}
	for key, d := range Defaults {
		if _, ok := Policies[d.Policy]; !ok {
			t.Errorf("%v: default policy %v is not in Policies", key, d.Policy)
		}
		if _, ok := PredicateFields[d.Override]; !ok {
			t.Errorf("%v: override %v is not a predicate field", key, d.Override)
		}
	}
	seen := map[Key]bool{}
	for _, s := range Sinks {
		if seen[s.Key] {
			t.Errorf("sink %v listed twice", s.Key)
		}
		seen[s.Key] = true
	}
}

// Packages lists what the tables name, frameworks that do not import
// net/http among them, and nothing they do not.
func TestPackages(t *testing.T) {
	for _, path := range []string{"net/http", "github.com/valyala/fasthttp", "github.com/gin-gonic/gin", "github.com/hashicorp/go-retryablehttp"} {
		if !IsKnownPackage(path) {
			t.Errorf("%s is not a known package", path)
		}
	}
	for _, path := range []string{"", "fmt", "github.com/valyala/fasthttp/fasthttputil"} {
		if IsKnownPackage(path) {
			t.Errorf("%s is a known package", path)
		}
	}
}
