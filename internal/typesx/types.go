package typesx

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
)

func IsConversion(info *types.Info, call *ast.CallExpr) bool {
	return len(call.Args) == 1 && info.Types[call.Fun].IsType()
}

// IsPackageLevel reports whether v is declared at package level: other
// packages, and init order, may set it.
func IsPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func IsBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func IsError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func IsRequestPtr(t types.Type) bool {
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && Is(t, knowledge.HTTPRequest)
}

// NamedOf returns the named type t is or points to, or nil.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// IsResponseWriter reports whether t has http.ResponseWriter's methods. It
// matches by method shape so that wrappers and interfaces that embed
// ResponseWriter count, without needing net/http's type object.
func IsResponseWriter(t types.Type) bool {
	header, _, _ := types.LookupFieldOrMethod(t, true, nil, "Header")
	fn, ok := header.(*types.Func)
	if !ok || fn.Signature().Results().Len() != 1 {
		return false
	}
	if !Is(fn.Signature().Results().At(0).Type(), knowledge.HTTPHeader) {
		return false
	}
	write, _, _ := types.LookupFieldOrMethod(t, true, nil, "Write")
	_, ok = write.(*types.Func)
	return ok
}

// IsStatusField reports whether obj, a field of the struct type recv (nil
// if unknown), holds an HTTP status: by identity for the fields the
// knowledge package lists, and by name for integer fields named
// StatusCode, HTTPStatus or HttpStatusCode (the cloud SDK's responses
// carry HttpStatusCode, its errors StatusCode) in a package that speaks
// HTTP.
func IsStatusField(obj types.Object, recv types.Type) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || !IsInteger(v.Type()) {
		return false
	}
	if IsStatusFieldByName(v) {
		// By name only where the type speaks HTTP: Docker's
		// container.WaitResponse.StatusCode is an exit code.
		return speaksHTTP(v.Pkg()) || recv != nil && hasHTTPField(recv)
	}
	return IsKnownStatusField(v, recv)
}

// StatusOf returns x where e reads the status field of x (IsStatusField):
// resp in resp.StatusCode; nil for anything else.
func StatusOf(info *types.Info, e ast.Expr) ast.Expr {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || !IsStatusField(s.Obj(), s.Recv()) {
		return nil
	}
	return sel.X
}

// IsKnownStatusField reports whether v, a field of the struct type recv
// (nil if unknown), is one the knowledge package lists as a status.
func IsKnownStatusField(v *types.Var, recv types.Type) bool {
	if recv == nil {
		return false
	}
	key, _ := FieldKey(v, recv)
	return knowledge.StatusFields[key]
}

// IsStatusFieldByName reports whether v is an integer field that
// IsStatusField would take for a status by its name alone (StatusCode,
// HTTPStatus, HttpStatusCode), where knowledge does not list it: what the
// package does with it may still say it holds something else.
func IsStatusFieldByName(v *types.Var) bool {
	return v.IsField() && knowledge.StatusFieldNames.Match(v.Name())
}

// speaksHTTP reports whether pkg is a package statuslint knows, or
// imports one (for a package from export data, one its API mentions): an
// SDK's response and error types sit beside its client.
func speaksHTTP(pkg *types.Package) bool {
	if knowledge.IsKnownPackage(pkg.Path()) || slices.ContainsFunc(knowledge.StatusFieldModules, func(m string) bool {
		return pkg.Path() == m || strings.HasPrefix(pkg.Path(), m+"/")
	}) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if knowledge.IsKnownPackage(imp.Path()) {
			return true
		}
	}
	return false
}

// hasHTTPField reports whether the struct t (or *t) has a field of a type
// from a package statuslint knows: azcore's ResponseError has its
// RawResponse *http.Response. (Its package, seen through another's export
// data, may show no imports at all.)
func hasHTTPField(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		ft := f.Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		if n, ok := types.Unalias(ft).(*types.Named); ok && n.Obj().Pkg() != nil && knowledge.IsKnownPackage(n.Obj().Pkg().Path()) {
			return true
		}
	}
	return false
}

func IsInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// LitFields calls fn for each field a struct literal sets, keyed or not,
// with the value and the struct type (&T elided in a []*T literal
// included).
func LitFields(info *types.Info, lit *ast.CompositeLit, fn func(field types.Object, value ast.Expr, typ types.Type)) {
	typ := info.TypeOf(lit)
	if ptr, ok := types.Unalias(typ).(*types.Pointer); ok {
		typ = ptr.Elem()
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
				field = info.Uses[key]
			}
			value = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil {
			fn(field, value, typ)
		}
	}
}

// PkgName qualifies type names by package name, as code spells them.
func PkgName(p *types.Package) string { return p.Name() }

// HasEmbedded reports whether st embeds a field, whose methods it may
// promote.
func HasEmbedded(st *types.Struct) bool {
	for f := range st.Fields() {
		if f.Embedded() {
			return true
		}
	}
	return false
}
