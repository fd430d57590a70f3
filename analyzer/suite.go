package analyzer

import (
	"cmp"
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/codes"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/directives"
	"github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/routes"
	"github.com/statuslint/statuslint/internal/sinks"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
)

// A Suite is statuslint's passes, built from one Config and sharing its
// settings. Each pass has one concern; Analyzer runs them and is the one
// that tools see (the golangci-lint plugin, //nolint:statuslint).
type Suite struct {
	// Sinks finds the status values that reach a sink, and the project's
	// wrappers of sinks (with a fact each, for other packages). It reports
	// nothing; its result is what it found.
	Sinks *analysis.Analyzer
	// Codes checks the statuses Sinks found against the table: SL1001 to
	// SL1004, with fixes.
	Codes *analysis.Analyzer
	// Retry finds retries of statuses the table forbids re-sending:
	// SL2001 and SL2002, with a fact for each retry predicate.
	Retry *analysis.Analyzer
	// Routes ties handlers to the operations of an OpenAPI table and
	// checks their statuses per operation: SL1005 and SL1006.
	Routes *analysis.Analyzer
	// Analyzer, named statuslint, owns the flags, drops the findings of
	// checks switched off and those that directives silence, reports the
	// rest, and reports malformed and unused directives.
	Analyzer *analysis.Analyzer

	// demand is each pass's FactDemand.
	demand []func(types.Object) bool
	// settings are the flags' and Config's.
	settings *config.Settings
}

// New returns a statuslint analyzer configured by cfg: the Analyzer of
// NewSuite(cfg).
func New(cfg Config) *analysis.Analyzer { return NewSuite(cfg).Analyzer }

// NewSuite builds statuslint's passes from cfg. Each suite owns its flags,
// so several can run side by side with different tables. A bad Codes,
// Sinks or Checks value makes every pass fail with that error.
func NewSuite(cfg Config) *Suite {
	// What Config gives is given explicitly, as a flag is: a
	// configuration file does not override it.
	s := config.NewSettings(map[string]bool{
		"codes":     cfg.Codes != "" || cfg.Table != nil,
		"checks":    len(cfg.Checks) > 0,
		"constants": cfg.Constants != "",
		"tests":     cfg.SkipTests,
	})
	s.Codes, s.Constants, s.Tests = config.NewTableFlag(cfg.Codes, cfg.Table), cfg.Constants, !cfg.SkipTests
	s.ShowIDs, s.FoldRelated = cfg.ShowIDs, cfg.FoldRelated
	s.Sinks.Err = s.Sinks.Set(cfg.Sinks)
	s.Checks.Decls = declared
	s.Checks.Err = s.Checks.Set(strings.Join(cfg.Checks, ","))
	s.Switches = []*config.Switch{
		{Name: codes.Name, On: true, Checks: codes.Checks},
		{Name: retry.Name, On: true, Checks: retry.Checks},
		{Name: routes.Name, On: true, Checks: routes.Checks},
	}

	suite := &Suite{settings: s}
	suite.Sinks = sinks.New(s)
	suite.Codes = codes.New(s, suite.Sinks)
	suite.Retry = retry.New(s, suite.Sinks)
	suite.Routes = routes.New(s, suite.Sinks)
	a := &analysis.Analyzer{
		Name:     "statuslint",
		Doc:      analyzerDoc(),
		URL:      checks.DocsURL + "README.md",
		Requires: []*analysis.Analyzer{suite.Sinks, suite.Codes, suite.Retry, suite.Routes},
		Run:      func(pass *analysis.Pass) (any, error) { return run(s, suite, nil, pass) },
	}
	a.Flags.Var(s.Codes, "codes", "status-code `table`: a built-in profile ("+strings.Join(table.Profiles(), ", ")+") or a file (.rst, .md, .yaml, .json)")
	a.Flags.StringVar(&s.Constants, "constants", cfg.Constants, "import `path` of a package whose status constants fixes use instead of net/http's")
	a.Flags.Var(&s.Sinks, "sinks", "more status sinks, comma-separated: pkgpath.Func:argIndex or pkgpath.Type.Method:argIndex")
	a.Flags.BoolVar(&s.Tests, "tests", s.Tests, "check _test.go files")
	a.Flags.Var(&s.Checks, "checks", "checks to run, comma-separated: all, IDs, SL2* and -ID to switch one off (all,-SL2001)")
	// -NAME=false switches a pass off, as go vet's switches do; the pass
	// names are not prefixes of the flags, so -codes stays -codes.
	for _, sw := range s.Switches {
		ids := checks.IDs(sw.Checks)
		a.Flags.BoolVar(&sw.On, sw.Name, true, fmt.Sprintf("run the %s pass (%s); same as -checks=all,-%s", sw.Name, strings.Join(ids, ", "), strings.Join(ids, ",-")))
	}
	a.Flags.BoolVar(&s.Routes, "routes", false, "list each route and the OpenAPI operation it is tied to, instead of the findings")
	// A flag given is explicit too.
	for name := range s.Explicit {
		f := a.Flags.Lookup(name)
		f.Value = &explicitFlag{Value: f.Value, set: func() { s.Explicit[name] = true }}
	}
	suite.Analyzer = a
	suite.demand = []func(types.Object) bool{sinks.FactDemand, retry.FactDemand, routes.FactDemand(s)}
	suites.Store(a, suite)
	return suite
}

// Only returns an analyzer that runs one pass of the suite, p, with the
// sinks pass it stands on, and reports p's findings as the suite's
// Analyzer does (directives applied, the other passes' checks off): a
// pass's tests run that pass alone.
func (s *Suite) Only(p *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "only_" + p.Name,
		Doc:      "only_" + p.Name + ": the " + p.Name + " pass alone, reported as statuslint reports it",
		Requires: []*analysis.Analyzer{s.Sinks, p},
		Run:      func(pass *analysis.Pass) (any, error) { return run(s.settings, s, p, pass) },
	}
}

// suites maps each Suite's Analyzer to its Suite, for FactDemand.
var suites sync.Map

// FactDemand returns what a driver must read from source for a, an
// analyzer made by New or NewSuite: it reports whether obj, an object of
// an imported package that a package being analyzed uses, can carry a fact
// of one of a's passes, so that the package declaring obj must be analyzed
// first (its facts read from source, as go vet does for the main module's
// packages). Each pass declares its own demand beside its fact types; a
// named type stands for its methods and fields. For any other analyzer,
// FactDemand returns nil.
func FactDemand(a *analysis.Analyzer) func(obj types.Object) bool {
	v, ok := suites.Load(a)
	if !ok {
		return nil
	}
	return v.(*Suite).demands
}

// demands reports whether obj, or a method or field of obj's type if obj
// is a type name, can carry a fact of one of the suite's passes.
func (s *Suite) demands(obj types.Object) bool {
	if tn, ok := obj.(*types.TypeName); ok {
		return typeDemands(tn.Type(), s.demandsObj)
	}
	return s.demandsObj(obj)
}

func (s *Suite) demandsObj(obj types.Object) bool {
	for _, d := range s.demand {
		if d(obj) {
			return true
		}
	}
	return false
}

// typeDemands reports whether a method of t, of its interface, or a field
// of its struct satisfies demand.
func typeDemands(t types.Type, demand func(types.Object) bool) bool {
	if named, ok := types.Unalias(t).(*types.Named); ok {
		for m := range named.Methods() {
			if demand(m) {
				return true
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		for m := range u.Methods() {
			if demand(m) {
				return true
			}
		}
	case *types.Struct:
		for f := range u.Fields() {
			if demand(f) {
				return true
			}
		}
	}
	return false
}

// run is the statuslint pass: it reports the findings of the codes, retry
// and routes passes that the checks selected and no directive silences;
// with -routes, the route listing instead.
func run(s *config.Settings, suite *Suite, only *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	// The settings of the package's directory: the flags', with what
	// its configuration files set.
	s, err := s.For(pass)
	if err != nil {
		return nil, err
	}
	if only != nil {
		// One pass alone: the others' checks did not run, and their
		// directives are not judged.
		alone := *s
		alone.Switches = nil
		for _, sw := range s.Switches {
			alone.Switches = append(alone.Switches, &config.Switch{Name: sw.Name, On: sw.Name == only.Name, Checks: sw.Checks})
		}
		s = &alone
	}
	ran := func(p *analysis.Analyzer) bool { return only == nil || only == p }
	if pass.ResultOf[suite.Sinks].(*status.Statuses).Reached {
		// A package that can hold no finding needs no table, and does
		// not fail on a bad one.
		if _, err := s.Codes.Table(); err != nil {
			return nil, err
		}
	}
	var files []*ast.File
	for _, f := range pass.Files {
		if s.ChecksFile(pass, f) {
			files = append(files, f)
		}
	}
	var tied routes.RouteResult
	if ran(suite.Routes) {
		tied = pass.ResultOf[suite.Routes].(routes.RouteResult)
	}
	if s.Routes {
		for _, d := range tied.Listing {
			pass.Report(d)
		}
		return nil, nil
	}
	var found []analysis.Diagnostic
	for _, p := range []*analysis.Analyzer{suite.Codes, suite.Retry} {
		if ran(p) {
			found = append(found, pass.ResultOf[p].([]analysis.Diagnostic)...)
		}
	}
	var all []analysis.Diagnostic
	for _, d := range found {
		if d.Category == codes.Undocumented && tied.Tied[d.Pos] {
			continue // checked against its operations instead
		}
		all = append(all, d)
	}
	all = append(all, tied.Diags...)
	// By position, so that the same code gives the same output in the
	// same order, whatever order the passes found it in.
	slices.SortStableFunc(all, func(a, b analysis.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Message, b.Message))
	})
	shown := *pass
	show := present(s, pass)
	shown.Report = func(d analysis.Diagnostic) { pass.Report(show(d)) }
	report, done := directives.FilterReports(&shown, files, s.ChecksOn())
	for _, d := range all {
		report(d)
	}
	done()
	return nil, nil
}

// present returns how the host shows a finding: with its check ID in the
// message, its related positions folded in, as Config asks.
func present(s *config.Settings, pass *analysis.Pass) func(analysis.Diagnostic) analysis.Diagnostic {
	return func(d analysis.Diagnostic) analysis.Diagnostic {
		if s.FoldRelated {
			for _, r := range d.Related {
				p := pass.Fset.Position(r.Pos)
				d.Message += fmt.Sprintf("; %s at %s:%d", strings.TrimSuffix(r.Message, " here"), filepath.Base(p.Filename), p.Line)
			}
			d.Related = nil
		}
		if _, isCheck := checks.Lookup(d.Category); s.ShowIDs && isCheck {
			d.Message += " (" + d.Category + ")"
		}
		return d
	}
}

// explicitFlag is a flag that records that it was set: configuration
// files do not override it.
type explicitFlag struct {
	flag.Value
	set func()
}

func (f *explicitFlag) Set(v string) error {
	if err := f.Value.Set(v); err != nil {
		return err
	}
	f.set()
	return nil
}

// IsBoolFlag keeps -tests a boolean flag.
func (f *explicitFlag) IsBoolFlag() bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
