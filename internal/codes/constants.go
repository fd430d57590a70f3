package codes

import (
	"cmp"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/typesx"
)

// projectConst is one exported integer constant with a status value.
type projectConst struct {
	Name  string
	Value int64
	// Type is the constant's type as types.TypeString prints it, or "" for
	// an untyped constant, which fits wherever a literal does.
	Type string
}

// statusConstants returns pkg's exported integer constants in 100-999, one
// per value, in declaration order.
func statusConstants(pkg *types.Package) []projectConst {
	var consts []*types.Const
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || !c.Exported() || c.Val().Kind() != constant.Int {
			continue
		}
		v, exact := constant.Int64Val(c.Val())
		if !exact || v < 100 || v > 999 {
			continue
		}
		consts = append(consts, c)
	}
	slices.SortFunc(consts, func(a, b *types.Const) int { return cmp.Compare(a.Pos(), b.Pos()) })
	seen := map[int64]bool{}
	var out []projectConst
	for _, c := range consts {
		v, _ := constant.Int64Val(c.Val())
		if seen[v] {
			continue
		}
		seen[v] = true
		typ := ""
		if b, ok := c.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
			typ = types.TypeString(c.Type(), nil)
		}
		out = append(out, projectConst{Name: c.Name(), Value: v, Type: typ})
	}
	return out
}

// projectConstants returns the status constants of the package at path as
// seen from pass: its own scope when pass is that package, else the scope
// of that package among pass's dependencies, direct or not. Constants are
// in the export data, so this needs no facts and works whichever way the
// dependency was loaded. ok is false when the package is not among pass's
// dependencies, where importing it could make a cycle.
func projectConstants(pass *analysis.Pass, path string) (name string, consts []projectConst, ok bool) {
	if pkg := typesx.FindImport(pass.Pkg, func(p *types.Package) bool { return p.Path() == path }); pkg != nil {
		return pkg.Name(), statusConstants(pkg), true
	}
	return "", nil, false
}
