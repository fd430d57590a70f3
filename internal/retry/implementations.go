package retry

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Calls through an interface: a package that retries calls its client
// through an interface of its own (dropbox's filetransfer.DownloadClient),
// which a service package it imports implements (files.Client, an
// interface, whose only implementation is files' unexported apiImpl). The
// call sends as the implementations do, when every one that is seen
// sends alike: the types of this package, and the exported types of the
// packages it imports and takes a function from (a driver reads those
// from source, so their facts are there in every mode). An exported
// interface's methods carry the fact its package's implementations give
// them, for the packages that see only the interface. An implementation
// that does not send (a test's fake) does not count against it.

// implErrFact returns what a call of fn, an interface method, tells by
// its error: the fact its sending implementations share.
func (c *retryChecker) implErrFact(fn *types.Func) (facts.Err, bool) {
	if r, ok := c.implFacts[fn]; ok {
		return r.fact, r.ok
	}
	c.implFacts[fn] = errResult{} // an implementation that calls it back
	iface, ok := fn.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return facts.Err{}, false
	}
	var r errResult
	for _, t := range c.implementations(fn.Signature().Recv().Type(), iface) {
		obj, _, _ := types.LookupFieldOrMethod(t, false, fn.Pkg(), fn.Name())
		m, ok := obj.(*types.Func)
		if !ok || m == fn {
			continue
		}
		f, ok := c.errSummary(m)
		if !ok || !f.Sends {
			continue
		}
		if r.ok && !r.fact.Equal(f) {
			c.implFacts[fn] = errResult{}
			return facts.Err{}, false
		}
		r = errResult{f, true}
	}
	c.implFacts[fn] = r
	return r.fact, r.ok
}

// implementations returns the types of implPackages that implement
// iface, the underlying interface of recv: each named type, or a pointer
// to it where only that has the methods. Only the types with the
// interface's first method are tried (byMethod): a package of thousands
// of types and hundreds of service interfaces (gitlab's) made trying each
// against each cost more than the rest of the pass.
func (c *retryChecker) implementations(recv types.Type, iface *types.Interface) []types.Type {
	key := types.TypeString(recv, nil)
	if ts, ok := c.implTypes[key]; ok {
		return ts
	}
	var ts []types.Type
	if iface.NumMethods() > 0 {
		for _, named := range c.byMethod()[iface.Method(0).Name()] {
			if types.Identical(named, recv) {
				continue
			}
			if types.Implements(named, iface) {
				ts = append(ts, named)
			} else if ptr := types.NewPointer(named); types.Implements(ptr, iface) {
				ts = append(ts, ptr)
			}
		}
	}
	c.implTypes[key] = ts
	return ts
}

// byMethod indexes the named types of implPackages, in order, by the
// names of their methods: those they declare, those of an interface, and
// those a struct's embedded fields promote.
func (c *retryChecker) byMethod() map[string][]*types.Named {
	if c.methodIndex != nil {
		return c.methodIndex
	}
	index := map[string][]*types.Named{}
	for _, pkg := range c.implPackages() {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if pkg != c.Pass.Pkg && !token.IsExported(name) {
				continue // not in export data, where a driver reads the package from
			}
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 {
				continue
			}
			if iface, ok := named.Underlying().(*types.Interface); ok {
				for m := range iface.Methods() {
					index[m.Name()] = append(index[m.Name()], named)
				}
				continue
			}
			if st, ok := named.Underlying().(*types.Struct); ok && typesx.HasEmbedded(st) {
				ms := types.NewMethodSet(types.NewPointer(named))
				for i := range ms.Len() {
					index[ms.At(i).Obj().Name()] = append(index[ms.At(i).Obj().Name()], named)
				}
				continue
			}
			for m := range named.Methods() {
				index[m.Name()] = append(index[m.Name()], named)
			}
		}
	}
	c.methodIndex = index
	return index
}

// implPackages returns this package and the imports it takes a function
// from that can carry a fact, by path.
func (c *retryChecker) implPackages() []*types.Package {
	if c.implPkgs != nil {
		return c.implPkgs
	}
	seen := map[*types.Package]bool{c.Pass.Pkg: true}
	for _, obj := range c.Pass.TypesInfo.Uses {
		if pkg := obj.Pkg(); pkg != nil && !seen[pkg] && FactDemand(obj) {
			seen[pkg] = true
		}
	}
	pkgs := make([]*types.Package, 0, len(seen))
	for pkg := range seen {
		pkgs = append(pkgs, pkg)
	}
	slices.SortFunc(pkgs, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	c.implPkgs = pkgs
	return pkgs
}

// exportInterfaceFacts exports, for each method of the package's exported
// interfaces, what its implementations' errors tell, when they send.
func (c *retryChecker) exportInterfaceFacts() {
	scope := c.Pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() || !types.IsInterface(tn.Type()) {
			continue
		}
		iface := tn.Type().Underlying().(*types.Interface)
		for m := range iface.ExplicitMethods() {
			if !m.Exported() {
				continue
			}
			if f, ok := c.implErrFact(m); ok {
				c.Pass.ExportObjectFact(m, &f)
			}
		}
	}
}
