package codes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/statuslint/statuslint/internal/corpus"
)

// pathStmt is what the index replaces: the statement, spec or literal
// element holding n, found on the path from the file's root.
func pathStmt(f *ast.File, n ast.Node) token.Pos {
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	for i, p := range path {
		switch p.(type) {
		case ast.Stmt, ast.Spec:
			return p.Pos()
		case *ast.CompositeLit:
			if i > 0 {
				return path[i-1].Pos()
			}
		}
	}
	return token.NoPos
}

// The index gives, for every expression of real files (the fixtures, the
// corpus, this package), what the walk from the root gives.
func TestStmtIndex(t *testing.T) {
	files := map[string]string{"corpus.go": corpus.Generate(20)}
	for _, pattern := range []string{"../../testdata/src/*/*.go", "../../testdata/src/*/*/*.go", "*.go"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = string(data)
		}
	}
	n := 0
	for name, src := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			continue // a fixture that is not Go on purpose
		}
		x := newStmtIndex(f)
		ast.Inspect(f, func(e ast.Node) bool {
			if e, ok := e.(ast.Expr); ok {
				n++
				if got, want := x.enclosing(e), pathStmt(f, e); got != want {
					t.Errorf("%s: %T at %s: index says %s, path %s", name, e, fset.Position(e.Pos()), fset.Position(got), fset.Position(want))
				}
			}
			return true
		})
	}
	if n < 10000 {
		t.Errorf("only %d expressions checked", n)
	}
}
