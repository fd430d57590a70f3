package knowledge

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

func TestTablesConsistent(t *testing.T) {
	for key, r := range Repeats {
		for _, marker := range []Key{r.Stop, r.Only, r.Option} {
			if marker != (Key{}) && marker.Path != key.Path {
				t.Errorf("%v: marker %v is in another package", key, marker)
			}
		}
		if r.Stop == (Key{}) && r.Only == (Key{}) {
			t.Errorf("%v: a library's repeat with no marker", key)
		}
		if _, ok := Hooks[key]; ok {
			t.Errorf("%v: both a hook and a repeat", key)
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

// Every table of names in the package, a map keyed by Key (or the Sinks
// list), is one of tables(): the catalog, the docs' library list and
// Packages are made from that list, so a table left out of it would make
// its names undocumented and its packages unknown.
func TestTablesRegistered(t *testing.T) {
	registered := map[string]bool{}
	for _, tb := range tables() {
		if registered[tb.name] {
			t.Errorf("%s is registered twice", tb.name)
		}
		registered[tb.name] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if i < len(vs.Values) && (keyedByKey(vs.Values[i]) || id.Name == "Sinks") {
						found++
						if !registered[id.Name] {
							t.Errorf("%s: table %s is not in tables()", fset.Position(id.Pos()), id.Name)
						}
					}
				}
			}
		}
	}
	if found < 10 {
		t.Errorf("found %d tables: the test no longer recognizes them", found)
	}
}

// keyedByKey reports whether e makes a map keyed by Key: a literal, or
// with(literal, ...).
func keyedByKey(e ast.Expr) bool {
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) > 0 {
		e = call.Args[0]
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	m, ok := lit.Type.(*ast.MapType)
	if !ok {
		return false
	}
	id, ok := m.Key.(*ast.Ident)
	return ok && id.Name == "Key"
}
