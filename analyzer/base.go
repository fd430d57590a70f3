package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// base is what every pass works on: the pass and the package's files.
type base struct {
	pass *analysis.Pass
	// allFiles are the package's files; checked, those reported on (not
	// generated, not tests under -tests=false).
	allFiles, checked []inspector.Cursor
}

// newBase indexes the package's files; checked says which are reported on.
func newBase(pass *analysis.Pass, in *inspector.Inspector, checked func(*analysis.Pass, *ast.File) bool) base {
	b := base{pass: pass}
	for fc := range in.Root().Children() {
		b.allFiles = append(b.allFiles, fc)
		if checked(pass, fc.Node().(*ast.File)) {
			b.checked = append(b.checked, fc)
		}
	}
	return b
}
