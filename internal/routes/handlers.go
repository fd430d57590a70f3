package routes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/analyzer/table"
	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// HandlerFact records the statuses a function writes, itself or through
// the functions of its package it calls, for routes registered in other
// packages: real services keep their routes in one package and their
// handlers in others.
type HandlerFact struct {
	Writes []Written
}

// Written is a constant status a handler writes, and where ("file.go:12").
type Written struct {
	Code int
	At   string
}

// AFact marks HandlerFact as a fact.
func (*HandlerFact) AFact() {}

func (f *HandlerFact) String() string {
	var codes []int
	for _, w := range f.Writes {
		codes = append(codes, w.Code)
	}
	return fmt.Sprintf("writes%v", codes)
}

// exportHandlers exports a HandlerFact for each exported function and
// method of the package that writes a constant status, itself or through
// the functions of the package it calls.
func exportHandlers(f *routeFinder, found []status.Found) {
	var writes []status.Found
	for _, fd := range found {
		if _, ok := constCode(f.Pass.TypesInfo, fd.E); ok && fd.S.Writes {
			writes = append(writes, fd)
		}
	}
	if len(writes) == 0 {
		return
	}
	for _, fn := range typesx.SortedDecls(f.decls) {
		if !fn.Exported() {
			continue
		}
		bodies := f.bodies(f.decls[fn])
		var fact HandlerFact
		for _, fd := range writes {
			if inAny(bodies, fd.E.Pos()) {
				code, _ := constCode(f.Pass.TypesInfo, fd.E)
				p := f.Pass.Fset.Position(fd.E.Pos())
				fact.Writes = append(fact.Writes, Written{code, fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)})
			}
		}
		if len(fact.Writes) > 0 {
			f.Pass.ExportObjectFact(fn, &fact)
		}
	}
}

// constCode returns the status e holds, a constant in 100-999.
func constCode(info *types.Info, e ast.Expr) (int, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	code, exact := constant.Int64Val(tv.Value)
	if !exact || code < table.MinCode || code > table.MaxCode {
		return 0, false
	}
	return int(code), true
}

// importedHandler returns the function of another package that the
// handler expression e names (handlers.Create, h.Create of an imported
// type, http.HandlerFunc(handlers.Create)), or nil.
func (c *routeFinder) importedHandler(e ast.Expr) *types.Func {
	info := c.Pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return c.importedHandler(x.Args[0])
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := info.Uses[typesx.NameIdent(x)].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg() != c.Pass.Pkg {
			return fn
		}
	}
	return nil
}

// checkImported reports the statuses the handler fn of another package
// writes that op does not document, at the route's registration.
func checkImported(c *routeFinder, fn *types.Func, r route, ops []*table.Operation, specAt func(int) token.Pos) []analysis.Diagnostic {
	var fact HandlerFact
	if !c.ImportFact(fn, &fact) {
		return nil
	}
	var diags []analysis.Diagnostic
	for _, op := range ops {
		var undocumented []Written
		for _, w := range fact.Writes {
			if !op.Documents(w.Code) && !slices.ContainsFunc(undocumented, func(u Written) bool { return u.Code == w.Code }) {
				undocumented = append(undocumented, w)
			}
		}
		for _, w := range undocumented {
			diags = append(diags, analysis.Diagnostic{Pos: r.at.Pos(), End: r.at.End(), Category: checks.Operation,
				Message: fmt.Sprintf("status %s written by %s (%s) is not documented for %s %s (documented: %s): its clients do not expect it; write a documented status or add the response to the spec",
					status.Describe(int64(w.Code)), handlerName(fn), w.At, op.Method, op.Path, op.Documented()),
				Related: related(analysis.RelatedInformation{Pos: specAt(op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())})})
		}
	}
	return diags
}

// handlerName names fn as its callers write it: pkg.F or pkg.T.M.
func handlerName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if _, name, ok := typesx.TypeName(recv.Type()); ok {
			return fn.Pkg().Name() + "." + name + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

var _ analysis.Fact = (*HandlerFact)(nil)
