package typesx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/statuslint/statuslint/internal/knowledge"
)

// Resolve returns the Key of what call calls, through parentheses and
// generic instantiations (f[T](x), r.M[T, U](x)). A method promoted from
// an embedded interface is declared on the interface; via is then the Key
// under the type it is called on (failsafe-go's builders), else via equals
// key. A package-level function variable (huma.NewError) has a key too,
// and a nil fn. ok is false for calls of other function values, builtins
// and conversions.
func Resolve(info *types.Info, call *ast.CallExpr) (key, via knowledge.Key, fn *types.Func, ok bool) {
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Func:
		if obj.Pkg() == nil {
			return knowledge.Key{}, knowledge.Key{}, nil, false
		}
		fn, key = obj, FuncKey(obj)
	case *types.Var:
		// A package-level function variable (huma.NewError): its key is
		// its name; fn stays nil.
		if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
			return knowledge.Key{}, knowledge.Key{}, nil, false
		}
		return knowledge.Key{Path: obj.Pkg().Path(), Recv: "", Name: obj.Name()}, knowledge.Key{Path: obj.Pkg().Path(), Recv: "", Name: obj.Name()}, nil, true
	default:
		return knowledge.Key{}, knowledge.Key{}, nil, false
	}
	via = key
	if sel, isSel := ast.Unparen(unindex(call.Fun)).(*ast.SelectorExpr); isSel {
		if s, isMethod := info.Selections[sel]; isMethod {
			if path, name, named := TypeName(s.Recv()); named {
				via = knowledge.Key{Path: path, Recv: name, Name: fn.Name()}
			}
		}
	}
	return key, via, fn, true
}

// unindex removes the type arguments of an instantiation.
func unindex(e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return x.X
	case *ast.IndexListExpr:
		return x.X
	}
	return e
}

// CalleeIdent returns the identifier that names what call calls (f in
// f(x), pkg.F[T](x), r.M(x)), or nil.
func CalleeIdent(call *ast.CallExpr) *ast.Ident {
	return NameIdent(unindex(call.Fun))
}

// NameIdent returns the identifier an expression names: x itself, or Sel
// of x.Sel; nil for anything else.
func NameIdent(e ast.Expr) *ast.Ident {
	switch f := ast.Unparen(e).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// FuncKey returns the Key of a function or method.
func FuncKey(fn *types.Func) knowledge.Key {
	recv := ""
	if r := fn.Signature().Recv(); r != nil {
		_, recv, _ = TypeName(r.Type())
	}
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path()
	}
	return knowledge.Key{Path: path, Recv: recv, Name: fn.Name()}
}

// FieldKey returns the Key of a struct field, with the struct type it was
// selected from; ok is false for other objects.
func FieldKey(obj types.Object, structType types.Type) (knowledge.Key, bool) {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil {
		return knowledge.Key{}, false
	}
	_, name, _ := TypeName(structType)
	return knowledge.Key{Path: v.Pkg().Path(), Recv: name, Name: v.Name()}, true
}

// TypeName returns the package path and name of the named type t is or
// points to; ok is false for other types and predeclared ones.
func TypeName(t types.Type) (path, name string, ok bool) {
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t = p.Elem()
	}
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return "", "", false
	}
	return n.Obj().Pkg().Path(), n.Obj().Name(), true
}

// Callee returns the function or method call calls, or nil: a call of a
// function value, a builtin or a conversion calls none. With Resolve, it is
// the one way from a call to what it calls.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// StaticCallee is Callee for calls whose callee is known statically: not
// a method of an interface.
func StaticCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	return typeutil.StaticCallee(info, call)
}

// IsBuiltin reports whether call calls the builtin function name.
func IsBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	b, ok := typeutil.Callee(info, call).(*types.Builtin)
	return ok && b.Name() == name
}

// Is reports whether t is, or points to, the named type k (a Key with no
// receiver: its package path and name).
func Is(t types.Type, k knowledge.Key) bool {
	path, name, ok := TypeName(t)
	return ok && path == k.Path && name == k.Name
}
