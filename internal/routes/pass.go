package routes

import (
	"go/ast"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
)

// Name is the pass's name, and its switch's: -statusroutes=false.
const Name = "statusroutes"

// New returns the routes pass: it ties handlers to the
// operations of an OpenAPI table and checks their statuses per operation
// (SL1005 and SL1006).
func New(s *config.Settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        Name + ": check the statuses of each route's handler against its OpenAPI operation (" + strings.Join(checks.IDs(Checks), ", ") + "); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{sinks, inspect.Analyzer},
		Run:        func(pass *analysis.Pass) (any, error) { return runRoutes(s, pass, sinks) },
		ResultType: reflect.TypeFor[RouteResult](),
		FactTypes:  []analysis.Fact{new(HandlerFact), new(OperationFact), new(RoutesFact), new(RegistrarFact), new(RouterFieldFact), new(CarriesFact), new(WritesCarriedFact), new(APIRoutersFact), new(PlainErrorFact), new(RouterValueFact), new(RejectsFact)},
	}
}

// runRoutes is the routes pass; it does nothing unless the table is an
// OpenAPI spec.
func runRoutes(s *config.Settings, pass *analysis.Pass, sinksPass *analysis.Analyzer) (any, error) {
	// The settings of the package's directory: the flags', with what
	// its configuration files set.
	s, err := s.For(pass)
	if err != nil {
		return RouteResult{}, err
	}
	if !status.OfDependency(pass) || !DeclaresRouters(pass.Pkg) || config.Known(pass.Pkg.Path(), s.AllSinks()) {
		// A dependency's router types and the functions that register
		// on a router they are given are the routes of the packages
		// that use them: their facts are kept (DeclaresRouters). A
		// library statuslint knows is data (internal/knowledge), not
		// facts.
		pass = status.FactScope(pass)
	}
	sinks := pass.ResultOf[sinksPass].(*status.Statuses)
	if !s.PassOn(Name) || !s.Routes && !s.AnyOn(Checks) {
		return RouteResult{}, nil
	}
	tab, err := s.Codes.Table()
	if err != nil || tab.Spec == nil {
		return RouteResult{}, nil
	}
	// A store that speaks no HTTP declares the errors its callers'
	// writers compare with, and returns them: its facts say so.
	exportPlainErrors(pass)
	if !sinks.Reached {
		x := status.NewIndex(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), func(*analysis.Pass, *ast.File) bool { return true })
		f := newRouteFinder(pass, x)
		f.carried(nil).export()
		exportRejects(f)
		return RouteResult{}, nil
	}
	return checkRoutes(newRouteFinder(pass, sinks.Index), tab, sinks.Found), nil
}
