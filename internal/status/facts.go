package status

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// StatusFieldFact marks an integer field of a project's own type that
// holds a response's status: every value the package gives it is a status
// (StatusError{Code: resp.StatusCode}) or a constant. Other packages'
// comparisons with it, after errors.As, are status comparisons.
type StatusFieldFact struct{}

func (*StatusFieldFact) AFact() {}

func (*StatusFieldFact) String() string { return "statusField" }

var _ analysis.Fact = (*StatusFieldFact)(nil)

// ImportFact is pass.ImportObjectFact, and then, for an object of a
// package whose facts were found on another view of it, the fact of the
// object with the same path in the same package.
//
// The standalone driver analyzes the module's own imported packages in a
// load of their own (without their tests, which a narrow run does not
// need) and hands their facts to the reported packages, which see those
// packages through export data: the same functions as other objects. The
// go command's vet and the stock drivers have one view and never get here
// with a fact to find. The facts found on another view are indexed once
// per pass, in x.
func ImportFact(pass *analysis.Pass, x *Index, obj types.Object, ptr analysis.Fact) bool {
	if pass.ImportObjectFact(obj, ptr) {
		return true
	}
	if obj.Pkg() == nil || obj.Pkg() == pass.Pkg || pass.AllObjectFacts == nil {
		return false
	}
	ps := x.pass(pass)
	if ps.foreign == nil {
		ps.foreign = foreignFacts(pass)
	}
	pf := ps.foreign[obj.Pkg().Path()]
	if pf == nil || pf.pkg == obj.Pkg() {
		return false // the same view: ImportObjectFact has said
	}
	if pf.facts == nil {
		// Indexed by object path only when another view asks: in one
		// view (./..., go vet) every lookup stops above.
		pf.facts = map[foreignKey]analysis.Fact{}
		for _, of := range pf.all {
			if path, err := pf.enc.For(of.Object); err == nil {
				pf.facts[foreignKey{path, reflect.TypeOf(of.Fact)}] = of.Fact
			}
		}
	}
	path, err := pf.enc.For(obj)
	if err != nil {
		return false
	}
	f, ok := pf.facts[foreignKey{path, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// pkgFacts are the facts of one package as the pass imported them: the
// view they are on, and each by object path and type (once asked for).
type pkgFacts struct {
	pkg   *types.Package
	all   []analysis.ObjectFact
	enc   objectpath.Encoder
	facts map[foreignKey]analysis.Fact
}

type foreignKey struct {
	path objectpath.Path
	typ  reflect.Type
}

// foreignFacts indexes the facts the pass imported by package path.
func foreignFacts(pass *analysis.Pass) map[string]*pkgFacts {
	out := map[string]*pkgFacts{}
	for _, of := range pass.AllObjectFacts() {
		pkg := of.Object.Pkg()
		if pkg == nil || pkg == pass.Pkg {
			continue
		}
		pf := out[pkg.Path()]
		if pf == nil {
			pf = &pkgFacts{pkg: pkg}
			out[pkg.Path()] = pf
		}
		pf.all = append(pf.all, of)
	}
	return out
}

// ImportsFacts reports whether the pass imported facts of its analyzer
// from the packages it imports.
func ImportsFacts(pass *analysis.Pass) bool {
	return pass.AllObjectFacts != nil && len(pass.AllObjectFacts()) > 0
}
