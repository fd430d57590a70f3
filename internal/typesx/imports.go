package typesx

import (
	"go/types"
	"strings"
)

// FindImport returns pkg itself or the first package it imports, directly
// or not, for which match is true; nil if there is none.
func FindImport(pkg *types.Package, match func(*types.Package) bool) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if match(p) {
			return p
		}
		for _, imp := range p.Imports() {
			if found := walk(imp); found != nil {
				return found
			}
		}
		return nil
	}
	return walk(pkg)
}

// TypeOfKey returns the type a key names as facts name error types
// ("*example.com/sdk.Error", "example.com/sdk.Error"), found in from or a
// package it imports, directly or not; nil if none of them has it.
func TypeOfKey(from *types.Package, key string) types.Type {
	name, ptr := strings.CutPrefix(key, "*")
	dot := strings.LastIndex(name, ".")
	if dot < 0 || from == nil {
		return nil
	}
	path, name := name[:dot], name[dot+1:]
	pkg := FindImport(from, func(p *types.Package) bool { return p.Path() == path })
	if pkg == nil {
		return nil
	}
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	if ptr {
		return types.NewPointer(tn.Type())
	}
	return tn.Type()
}
