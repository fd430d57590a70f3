package status

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

const indexSrc = `package p

import "net/http"

type result struct{ StatusCode int }

func f(resp *http.Response) bool {
	code := resp.StatusCode
	bumped := resp.StatusCode
	bumped++
	other := len("x")
	var later int
	later = resp.StatusCode
	r := result{StatusCode: 15}
	return code == 503 && bumped > 0 && other > 0 && later > 0 && r.StatusCode == 15
}
`

// newTestIndex type-checks src and indexes it, every file checked.
func newTestIndex(t *testing.T, src string) (*analysis.Pass, *Index) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	x := NewIndex(pass, inspector.New(pass.Files), func(*analysis.Pass, *ast.File) bool { return true })
	return pass, x
}

// local returns the local variable of f named name.
func local(t *testing.T, pass *analysis.Pass, name string) *types.Var {
	t.Helper()
	for id, obj := range pass.TypesInfo.Defs {
		if v, ok := obj.(*types.Var); ok && id.Name == name && !v.IsField() {
			return v
		}
	}
	t.Fatalf("no variable %s", name)
	return nil
}

// TestIndex checks what the index says of a package: its declarations,
// the variables that hold a status (only those given nothing but one),
// what each variable is given, and that a field named as a status but
// given 15 is none.
func TestIndex(t *testing.T) {
	pass, x := newTestIndex(t, indexSrc)
	if len(x.Decls) != 1 || len(x.AllFiles) != 1 || len(x.Checked) != 1 {
		t.Fatalf("index has %d declarations, %d files, %d checked; want 1 each", len(x.Decls), len(x.AllFiles), len(x.Checked))
	}
	FindStatusVars(pass, x)
	for name, want := range map[string]bool{"code": true, "bumped": false, "other": false, "later": true} {
		if got := x.StatusVars[local(t, pass, name)]; got != want {
			t.Errorf("StatusVars[%s] = %v, want %v", name, got, want)
		}
	}
	if vals := x.ValuesOf(local(t, pass, "later")); len(vals) != 2 || vals[0].Expr != nil || vals[1].Expr == nil {
		t.Errorf("ValuesOf(later) = %v, want the declaration's unknown value, then resp.StatusCode", vals)
	}
	field := pass.Pkg.Scope().Lookup("result").Type().Underlying().(*types.Struct).Field(0)
	if IsStatusFieldOf(x, field, pass.Pkg.Scope().Lookup("result").Type()) {
		t.Errorf("result.StatusCode, given 15, is taken for a status field")
	}
}

// TestIndexShared has several passes read one index at the same time, as
// the passes after the sinks pass do: the parts built on first use are
// built once, and every pass sees the same. go test -race checks it.
func TestIndexShared(t *testing.T) {
	pass, x := newTestIndex(t, indexSrc)
	FindStatusVars(pass, x)
	later := local(t, pass, "later")
	field := pass.Pkg.Scope().Lookup("result").Type().Underlying().(*types.Struct).Field(0)
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = len(x.ValuesOf(later))
			if IsStatusFieldOf(x, field, pass.Pkg.Scope().Lookup("result").Type()) {
				got[i] = -1
			}
		}()
	}
	wg.Wait()
	for i, n := range got {
		if n != 2 {
			t.Errorf("pass %d: %d values of later (-1: the field taken for a status), want 2", i, n)
		}
	}
}

const resultSrc = `package p

import "net/http"

func code(resp *http.Response) int { return resp.StatusCode }

func size(resp *http.Response) int { return int(resp.ContentLength) }

func f(resp *http.Response) bool {
	got := code(resp)
	n := size(resp)
	return got == 503 && n > 0
}
`

// TestStatusResults checks that a call of a function of the package that
// returns a status reads one (got := code(resp)) and a call of one that
// returns something else does not, and that each pass keeps its own
// answers over the shared index.
func TestStatusResults(t *testing.T) {
	pass, x := newTestIndex(t, resultSrc)
	pass.Analyzer = &analysis.Analyzer{Name: "first"}
	FindStatusVars(pass, x)
	if !x.StatusVars[local(t, pass, "got")] || x.StatusVars[local(t, pass, "n")] {
		t.Errorf("StatusVars = %v, want got (code returns resp.StatusCode) and not n", x.StatusVars)
	}
	first := x.pass(pass)
	if len(first.statusResults) != 2 {
		t.Errorf("the first pass kept %d answers, want 2 (code and size)", len(first.statusResults))
	}
	other := *pass
	other.Analyzer = &analysis.Analyzer{Name: "second"}
	if x.pass(&other) == first || len(x.pass(&other).statusResults) != 0 {
		t.Errorf("a second pass over the index shares the first pass's answers")
	}
	if x.pass(pass) != first {
		t.Errorf("a pass asked twice got two states")
	}
}
