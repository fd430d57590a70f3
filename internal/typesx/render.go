package typesx

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
)

// Render returns the source text of n, an expression or statement of a
// file in fset, as gofmt prints it, for a diagnostic: "resp.StatusCode".
// A node the printer cannot print is rendered by types.ExprString.
func Render(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, n); err != nil {
		if e, ok := n.(ast.Expr); ok {
			return types.ExprString(e)
		}
		return ""
	}
	return buf.String()
}
