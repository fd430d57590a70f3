package typesx

import (
	"go/types"
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
