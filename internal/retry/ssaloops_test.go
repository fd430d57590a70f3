package retry

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestTestAt places the SSA form's tests in the source as a finding
// names them: a comparison by its operator, a call by its parenthesis
// (through the negation and parentheses around it), a case's value, or
// its clause when it lists more than one.
func TestTestAt(t *testing.T) {
	const src = `package p

func f() {
	if resp.StatusCode == 503 {
	}
	if !(retryable(err)) {
	}
	if off || !retryOn[resp.StatusCode] {
	}
	switch resp.StatusCode {
	case 429:
	case 500, 503:
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	body := f.Decls[0].(*ast.FuncDecl).Body
	at := func(s string, off int) token.Pos {
		i := strings.Index(src, s)
		if i < 0 {
			t.Fatalf("no %q", s)
		}
		return fset.File(f.Pos()).Pos(i + off)
	}
	text := func(n ast.Node) string {
		if n == nil {
			return "<nil>"
		}
		return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset]
	}
	for _, c := range []struct {
		pos  token.Pos
		want string
	}{
		{at("== 503", 0), "resp.StatusCode == 503"},
		{at("(err)", 0), "!(retryable(err))"},
		{at("[resp", 0), "!retryOn[resp.StatusCode]"},
		{at("429", 0), "429"},
		{at("500, 503", 0), "case 500, 503:"},
	} {
		if got := text(testAt(body, c.pos)); got != c.want {
			t.Errorf("at %v: %q, want %q", fset.Position(c.pos), got, c.want)
		}
	}
}
