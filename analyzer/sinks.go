package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A site says where a status value was found, for the diagnostic.
type site struct {
	// what names the sink: "WriteHeader", "http.Error", or for fields the
	// status expression it is compared with, assigned to or set in.
	what string
	// writes is true where the value is produced (a call, an assignment, a
	// literal) rather than compared.
	writes bool
}

// statusFuncs are the net/http functions that take a status, by argument.
var statusFuncs = map[string]int{
	"Error":           2,
	"Redirect":        3,
	"RedirectHandler": 1,
	"StatusText":      0,
}

// callSink returns the status argument of call, if call is a status sink.
func (c *checker) callSink(call *ast.CallExpr) (ast.Expr, string, bool) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, "", false
	}
	sig := fn.Signature()
	if sig.Recv() == nil {
		if i, ok := statusFuncs[fn.Name()]; ok && fn.Pkg().Path() == "net/http" && i < len(call.Args) {
			return call.Args[i], "http." + fn.Name(), true
		}
		return nil, "", false
	}
	if fn.Name() == "WriteHeader" && len(call.Args) == 1 && isResponseWriter(sig.Recv().Type()) {
		return call.Args[0], "WriteHeader", true
	}
	return nil, "", false
}

// isResponseWriter reports whether t has http.ResponseWriter's methods. It
// matches by method shape so that wrappers and interfaces that embed
// ResponseWriter count, without needing net/http's type object.
func isResponseWriter(t types.Type) bool {
	header, _, _ := types.LookupFieldOrMethod(t, true, nil, "Header")
	fn, ok := header.(*types.Func)
	if !ok || fn.Signature().Results().Len() != 1 {
		return false
	}
	named, ok := types.Unalias(fn.Signature().Results().At(0).Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "net/http" || named.Obj().Name() != "Header" {
		return false
	}
	write, _, _ := types.LookupFieldOrMethod(t, true, nil, "Write")
	_, ok = write.(*types.Func)
	return ok
}

// isStatusField reports whether obj is a field that holds an HTTP status.
func isStatusField(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil {
		return false
	}
	switch v.Pkg().Path() {
	case "net/http":
		return v.Name() == "StatusCode"
	case "net/http/httptest":
		return v.Name() == "Code"
	}
	return false
}

// isStatusExpr reports whether e reads a status field, like resp.StatusCode.
func (c *checker) isStatusExpr(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && isStatusField(c.pass.TypesInfo.Uses[sel.Sel])
}

// visit checks the status values that n passes to a sink.
func (c *checker) visit(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		if arg, what, ok := c.callSink(n); ok {
			c.check(arg, site{what: what, writes: true})
		}
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			return // relational comparisons test a class, not a code
		}
		if c.isStatusExpr(n.X) {
			c.check(n.Y, site{what: "comparison with " + c.render(n.X)})
		} else if c.isStatusExpr(n.Y) {
			c.check(n.X, site{what: "comparison with " + c.render(n.Y)})
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
			return
		}
		for i, lhs := range n.Lhs {
			if c.isStatusExpr(lhs) {
				c.check(n.Rhs[i], site{what: "assignment to " + c.render(lhs), writes: true})
			}
		}
	case *ast.CompositeLit:
		c.compositeLit(n)
	case *ast.SwitchStmt:
		if n.Tag == nil || !c.isStatusExpr(n.Tag) {
			return
		}
		s := site{what: "case of switch on " + c.render(n.Tag)}
		for _, stmt := range n.Body.List {
			for _, e := range stmt.(*ast.CaseClause).List {
				c.check(e, s)
			}
		}
	}
}

func (c *checker) compositeLit(lit *ast.CompositeLit) {
	typ := c.pass.TypesInfo.TypeOf(lit)
	if ptr, ok := types.Unalias(typ).(*types.Pointer); ok {
		typ = ptr.Elem() // &T elided in a []*T literal
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var field types.Object
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				field = c.pass.TypesInfo.Uses[key]
			}
			value = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil && isStatusField(field) {
			c.check(value, site{what: types.TypeString(typ, pkgName) + " literal", writes: true})
		}
	}
}

// pkgName qualifies type names by package name, as code spells them.
func pkgName(p *types.Package) string { return p.Name() }
