package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A router value may carry its prefix in a string field of its own
// (prometheus/common's route.Router: Get registers r.prefix+path, and
// WithPrefix returns a copy whose prefix is r.prefix+prefix; ory/x's
// RouterAdmin: NewRouterAdminWithPrefix sets it). A registrar that puts
// the field before the path (knowledge.Route's PrefixField) registers
// under whatever the value holds: known where the value is made by a
// constructor that leaves the field empty and grown by the type's
// groups; otherwise a prefix not known there.

// RouterValueFact records what a function of a router type's package
// does with the prefix field of the value it returns: Group, that it is
// a group (the receiver's field followed by its argument PrefixArg, as
// knowledge.Groups); Empty, that it is a constructor that leaves the
// field Field empty.
type RouterValueFact struct {
	Field     string
	Group     bool
	PrefixArg int
	Empty     bool
}

// AFact marks RouterValueFact as a fact.
func (*RouterValueFact) AFact() {}

func (f *RouterValueFact) String() string {
	if f.Group {
		return fmt.Sprintf("group {%s}+arg%d", f.Field, f.PrefixArg)
	}
	return "router with {" + f.Field + "} empty"
}

// routerValue returns what fn, a function of this package or of another
// (by its fact), does with the prefix field of the router it returns.
func (c *routeFinder) routerValue(fn *types.Func) (RouterValueFact, bool) {
	if fn == nil {
		return RouterValueFact{}, false
	}
	if f, ok := c.valueFuncs()[fn]; ok {
		return f, true
	}
	var fact RouterValueFact
	if fn.Pkg() != c.Pass.Pkg && status.ImportFact(c.Pass, c.Index, fn, &fact) {
		return fact, true
	}
	return RouterValueFact{}, false
}

// valueFuncs finds, once, the package's groups and constructors of the
// router types whose registrars put a field of the value before the path.
func (c *routeFinder) valueFuncs() map[*types.Func]RouterValueFact {
	if c.values != nil {
		return c.values
	}
	c.values = map[*types.Func]RouterValueFact{}
	// The prefix fields, by the router type they are of.
	fields := map[*types.Named]string{}
	for fn, reg := range c.registrars {
		if reg.knowledge.PrefixField == "" || reg.routerArg != -2 {
			continue
		}
		if named := recvNamed(fn); named != nil {
			fields[named] = reg.knowledge.PrefixField
		}
	}
	if len(fields) == 0 {
		return c.values
	}
	info := c.Pass.TypesInfo
	for _, fn := range typesx.SortedDecls(c.Decls) {
		fd := c.Decls[fn]
		if fd.Body == nil || len(fd.Body.List) != 1 || fn.Signature().Results().Len() != 1 {
			continue
		}
		ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		lit, ok := ast.Unparen(ret.Results[0]).(*ast.CompositeLit)
		if u, isAddr := ast.Unparen(ret.Results[0]).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
			lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
		}
		if !ok {
			continue
		}
		named := typesx.NamedOf(info.TypeOf(lit))
		field, isRouter := fields[named]
		if !isRouter {
			continue
		}
		var value ast.Expr
		keyed := true
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				keyed = false
				break
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				value = kv.Value
			}
		}
		if !keyed {
			continue
		}
		if value == nil {
			c.values[fn] = RouterValueFact{Field: field, Empty: true}
			continue
		}
		// recv.field + param: a group.
		bin, ok := ast.Unparen(value).(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD || recvNamed(fn) != named {
			continue
		}
		sel, ok := ast.Unparen(bin.X).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != field || !c.ofReceiver(fn, sel.X) {
			continue
		}
		if i := typesx.ParamIndex(info, fn.Signature(), bin.Y); i >= 0 {
			c.values[fn] = RouterValueFact{Field: field, Group: true, PrefixArg: i}
		}
	}
	return c.values
}

// exportRouterValues exports the RouterValueFact of the package's
// exported groups and constructors.
func exportRouterValues(c *routeFinder) {
	fns := make([]*types.Func, 0, len(c.valueFuncs()))
	for fn := range c.valueFuncs() {
		if fn.Exported() && !typesx.InTestFile(c.Pass.Fset, fn.Pos()) {
			fns = append(fns, fn)
		}
	}
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		f := c.values[fn]
		c.Pass.ExportObjectFact(fn, &f)
	}
}

// recvNamed returns the named type of fn's receiver, or nil.
func recvNamed(fn *types.Func) *types.Named {
	if recv := fn.Signature().Recv(); recv != nil {
		return typesx.NamedOf(recv.Type())
	}
	return nil
}

// carriesPrefix reports whether t, or what it points to, is a router type
// whose registrars put a field of its value before the path.
func (c *routeFinder) carriesPrefix(t types.Type) bool {
	named := typesx.NamedOf(t)
	if named == nil {
		return false
	}
	for m := range types.NewMethodSet(types.NewPointer(named)).Methods() {
		if fn, ok := m.Obj().(*types.Func); ok {
			if reg, ok := c.registrarFor(fn); ok && reg.routerArg == -2 && reg.knowledge.PrefixField != "" {
				return true
			}
		}
	}
	return false
}
