package analyzer_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// The same code gives the same findings on every run and in every
// declaration order: summaries of functions that call each other do not
// depend on which is asked first, nor on map order. Each run shuffles the
// declarations of the recursive-decision fixture and compares the findings
// by function, line within it and message.
func TestDeterministic(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testdata, "src", "retry", "recursive", "recursive.go"))
	if err != nil {
		t.Fatal(err)
	}
	runs := 20
	if testing.Short() {
		runs = 4
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var first []string
	for i := range runs {
		got := findingsByFunc(t, shuffleDecls(t, src, rng))
		if len(got) == 0 {
			t.Fatal("no findings: the fixture no longer exercises the retry check")
		}
		if i == 0 {
			first = got
			continue
		}
		if !slices.Equal(got, first) {
			t.Fatalf("run %d: findings differ:\n got %q\nwant %q", i, got, first)
		}
	}
}

// shuffleDecls returns src with its function declarations in a random
// order.
func shuffleDecls(t *testing.T, src []byte, rng *rand.Rand) []byte {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var funcs []ast.Decl
	var rest []ast.Decl
	for _, d := range f.Decls {
		if _, ok := d.(*ast.FuncDecl); ok {
			funcs = append(funcs, d)
		} else {
			rest = append(rest, d)
		}
	}
	rng.Shuffle(len(funcs), func(i, j int) { funcs[i], funcs[j] = funcs[j], funcs[i] })
	var buf bytes.Buffer
	buf.WriteString("package recursive\n\nimport \"net/http\"\n")
	for _, d := range funcs {
		buf.WriteString("\n")
		if err := format.Node(&buf, fset, d); err != nil {
			t.Fatal(err)
		}
		buf.WriteString("\n")
	}
	_ = rest // the import, written above
	return buf.Bytes()
}

// findingsByFunc analyzes src as package recursive and returns its
// findings as "func+line: message", sorted.
func findingsByFunc(t *testing.T, src []byte) []string {
	t.Helper()
	dir := t.TempDir()
	pkgDir := filepath.Join(dir, "src", "recursive")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkgDir, "recursive.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOFLAGS=")}
	pkgs, err := packages.Load(cfg, "recursive")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading: %v", err)
	}
	a := analyzer.New(analyzer.Config{})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		file := act.Package.Syntax[0]
		for _, d := range act.Diagnostics {
			name, line := "", 0
			for _, decl := range file.Decls {
				if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= d.Pos && d.Pos < fd.End() {
					name = fd.Name.Name
					line = act.Package.Fset.Position(d.Pos).Line - act.Package.Fset.Position(fd.Pos()).Line
				}
			}
			out = append(out, fmt.Sprintf("%s+%d: %s", name, line, d.Message))
		}
	}
	slices.Sort(out)
	return out
}
