package knowledge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A Key names a function, a method or a field: its package path, the name
// of its receiver (or struct) type, "" for a function, and its name.
type Key struct {
	Path, Recv, Name string
}

// Resolve returns the Key of what call calls, through parentheses and
// generic instantiations (f[T](x), r.M[T, U](x)). A method promoted from
// an embedded interface is declared on the interface; via is then the Key
// under the type it is called on (failsafe-go's builders), else via equals
// key. A package-level function variable (huma.NewError) has a key too,
// and a nil fn. ok is false for calls of other function values, builtins
// and conversions.
func Resolve(info *types.Info, call *ast.CallExpr) (key, via Key, fn *types.Func, ok bool) {
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Func:
		if obj.Pkg() == nil {
			return Key{}, Key{}, nil, false
		}
		fn, key = obj, FuncKey(obj)
	case *types.Var:
		// A package-level function variable (huma.NewError): its key is
		// its name; fn stays nil.
		if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
			return Key{}, Key{}, nil, false
		}
		return Key{obj.Pkg().Path(), "", obj.Name()}, Key{obj.Pkg().Path(), "", obj.Name()}, nil, true
	default:
		return Key{}, Key{}, nil, false
	}
	via = key
	if sel, isSel := ast.Unparen(unindex(call.Fun)).(*ast.SelectorExpr); isSel {
		if s, isMethod := info.Selections[sel]; isMethod {
			if path, name, named := TypeName(s.Recv()); named {
				via = Key{path, name, fn.Name()}
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
func FuncKey(fn *types.Func) Key {
	recv := ""
	if r := fn.Signature().Recv(); r != nil {
		_, recv, _ = TypeName(r.Type())
	}
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path()
	}
	return Key{path, recv, fn.Name()}
}

// FieldKey returns the Key of a struct field, with the struct type it was
// selected from; ok is false for other objects.
func FieldKey(obj types.Object, structType types.Type) (Key, bool) {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil {
		return Key{}, false
	}
	_, name, _ := TypeName(structType)
	return Key{v.Pkg().Path(), name, v.Name()}, true
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

// Lookup finds what a table knows of a call: under its key, or under the
// key of the method it was promoted from (Resolve's via).
func Lookup[V any](m map[Key]V, key, via Key) (V, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	v, ok := m[via]
	return v, ok
}
