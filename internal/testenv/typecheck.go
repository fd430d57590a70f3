package testenv

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// A Stub is a package given by its source in place of the real one
// (net/http as far as a test needs it).
type Stub struct {
	Path, Src string
}

// TypeCheck type-checks src as package p, importing each stub from its
// source and any other package from the toolchain, and returns its file
// set, package, file and complete type information.
func TypeCheck(t testing.TB, src string, stubs ...Stub) (*token.FileSet, *types.Package, *ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	stubbed := map[string]*types.Package{}
	for _, s := range stubs {
		f, err := parser.ParseFile(fset, s.Path+".go", s.Src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check(s.Path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		stubbed[s.Path] = pkg
	}
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if pkg, ok := stubbed[path]; ok {
			return pkg, nil
		}
		return importer.Default().Import(path)
	})
	pkg, err := (&types.Config{Importer: imp}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return fset, pkg, f, info
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
