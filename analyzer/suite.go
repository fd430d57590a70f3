package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/analyzer/table"
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
}

// New returns a statuslint analyzer configured by cfg: the Analyzer of
// NewSuite(cfg).
func New(cfg Config) *analysis.Analyzer { return NewSuite(cfg).Analyzer }

// NewSuite builds statuslint's passes from cfg. Each suite owns its flags,
// so several can run side by side with different tables. A bad Codes,
// Sinks or Checks value makes every pass fail with that error.
func NewSuite(cfg Config) *Suite {
	s := &settings{codes: tableFlag{spec: cfg.Codes}, constants: cfg.Constants, tests: !cfg.SkipTests,
		showIDs: cfg.ShowIDs, foldRelated: cfg.FoldRelated}
	if cfg.Table != nil {
		s.codes.spec = cfg.Table.Name
		s.codes.once.Do(func() {})
		s.codes.tab = cfg.Table
	}
	s.sinks.err = s.sinks.Set(cfg.Sinks)
	s.checks.err = s.checks.Set(strings.Join(cfg.Checks, ","))

	suite := &Suite{}
	suite.Sinks = newSinksPass(s)
	suite.Codes = newCodesPass(s, suite.Sinks)
	suite.Retry = newRetryPass(s, suite.Sinks)
	suite.Routes = newRoutesPass(s, suite.Sinks)
	a := &analysis.Analyzer{
		Name:     "statuslint",
		Doc:      analyzerDoc(),
		URL:      "https://github.com/statuslint/statuslint#checks",
		Requires: []*analysis.Analyzer{suite.Sinks, suite.Codes, suite.Retry, suite.Routes},
		Run:      func(pass *analysis.Pass) (any, error) { return run(s, suite, pass) },
	}
	a.Flags.Var(&s.codes, "codes", "status-code `table`: a built-in profile ("+strings.Join(table.Profiles(), ", ")+") or a file (.rst, .md, .yaml, .json)")
	a.Flags.StringVar(&s.constants, "constants", cfg.Constants, "import `path` of a package whose status constants fixes use instead of net/http's")
	a.Flags.Var(&s.sinks, "sinks", "more status sinks, comma-separated: pkgpath.Func:argIndex or pkgpath.Type.Method:argIndex")
	a.Flags.BoolVar(&s.tests, "tests", s.tests, "check _test.go files")
	a.Flags.Var(&s.checks, "checks", "checks to run, comma-separated: all, IDs, SL2* and -ID to switch one off (all,-SL2001)")
	// -NAME=false switches a pass off, as go vet's switches do; the pass
	// names are not prefixes of the flags, so -codes stays -codes.
	a.Flags.BoolVar(&s.codesPass, suite.Codes.Name, true, "run the "+suite.Codes.Name+" pass (SL1001-SL1004); same as -checks=all,-SL1001,-SL1002,-SL1003,-SL1004")
	a.Flags.BoolVar(&s.retryPass, suite.Retry.Name, true, "run the "+suite.Retry.Name+" pass (SL2001, SL2002); same as -checks=all,-SL2*")
	a.Flags.BoolVar(&s.routesPass, suite.Routes.Name, true, "run the "+suite.Routes.Name+" pass (SL1005, SL1006, with an OpenAPI table); same as -checks=all,-SL1005,-SL1006")
	a.Flags.BoolVar(&s.routes, "routes", false, "list each route and the OpenAPI operation it is tied to, instead of the findings")
	suite.Analyzer = a
	return suite
}

// configErr is the error every pass fails with when the configuration is
// bad.
func (s *settings) configErr() error {
	if s.sinks.err != nil {
		return configError("sinks", s.sinks.err)
	}
	return configError("checks", s.checks.err)
}

// newSinksPass returns the sinks pass: it finds the status values that
// reach a sink, and the project's wrappers of sinks (with a fact each, for
// other packages). It reports nothing; its result is what it found.
func newSinksPass(s *settings) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "statussinks",
		Doc:        "statussinks: find the status values that reach a status sink, and the wrappers of sinks (reports nothing)",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		Run:        func(pass *analysis.Pass) (any, error) { return runSinks(s, pass) },
		ResultType: reflect.TypeFor[*statuses](),
		FactTypes:  []analysis.Fact{new(sinkFact), new(statusFieldFact)},
	}
}

// runSinks is the sinks pass.
func runSinks(s *settings, pass *analysis.Pass) (any, error) {
	if err := s.configErr(); err != nil {
		return nil, err
	}
	// A package that imports one whose sinks have facts (a helper
	// package over fasthttp whose API does not show it) reaches too.
	if !reaches(pass.Pkg, s.sinks.user) && !importsFacts(pass) {
		return &statuses{}, nil
	}
	f := &sinkFinder{base: newBase(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), s.checksFile), sinks: s.sinks.index,
		wrappers: map[*types.Func][]wrapperParam{}, statusFuncs: map[*types.Func]bool{}}
	f.findStatusVars()
	f.findStatusFields()
	found := f.findStatuses()
	return &statuses{reached: true, found: found, decls: f.decls, statusVars: f.statusVars, statusFields: f.statusFields}, nil
}

// importsFacts reports whether the pass imported facts of its analyzer
// from the packages it imports.
func importsFacts(pass *analysis.Pass) bool {
	return pass.AllObjectFacts != nil && len(pass.AllObjectFacts()) > 0
}

// collect returns a copy of pass whose Report collects the diagnostics in
// *diags, for the statuslint pass to filter and report.
func collect(pass *analysis.Pass, diags *[]analysis.Diagnostic) *analysis.Pass {
	p := *pass
	p.Report = func(d analysis.Diagnostic) { *diags = append(*diags, d) }
	return &p
}

// newCodesPass returns the codes pass: it checks the statuses the sinks
// pass found against the table (SL1001 to SL1004, with fixes).
func newCodesPass(s *settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "statuscodes",
		Doc:        "statuscodes: check statuses against the API's table (SL1001-SL1004); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{sinks},
		Run:        func(pass *analysis.Pass) (any, error) { return runCodes(s, pass, sinks) },
		ResultType: reflect.TypeFor[[]analysis.Diagnostic](),
	}
}

// runCodes is the codes pass.
func runCodes(s *settings, pass *analysis.Pass, sinks *analysis.Analyzer) (any, error) {
	var diags []analysis.Diagnostic
	if err := s.configErr(); err != nil {
		return diags, err
	}
	found := pass.ResultOf[sinks].(*statuses).found
	if len(found) == 0 || !s.codesPass {
		return diags, nil
	}
	// Read the table only now: under go vet every package is a process of
	// its own, and most of them (the standard library below net/http)
	// find no status.
	tab, err := s.codes.table()
	if err != nil {
		return diags, nil // the statuslint pass reports it, once
	}
	c := &codeChecker{base: base{pass: pass}, tab: tab, constants: s.constants, out: &diags}
	for _, f := range found {
		if !s.checksFile(pass, f.file) {
			continue
		}
		if c.file != f.file {
			c.file, c.imports = f.file, fileImports{}
		}
		c.check(f.e, f.s)
	}
	return diags, nil
}

// newRetryPass returns the retry pass: it finds retries of statuses the
// table forbids re-sending (SL2001 and SL2002), with a fact for each retry
// predicate and error-returning sender.
func newRetryPass(s *settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "statusretry",
		Doc:        "statusretry: find retries of statuses the API says not to re-send (SL2001, SL2002); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{inspect.Analyzer, sinks},
		Run:        func(pass *analysis.Pass) (any, error) { return runRetry(s, pass, sinks) },
		ResultType: reflect.TypeFor[[]analysis.Diagnostic](),
		FactTypes:  []analysis.Fact{new(predFact), new(errFact)},
	}
}

// runRetry is the retry pass.
func runRetry(s *settings, pass *analysis.Pass, sinksPass *analysis.Analyzer) (any, error) {
	var diags []analysis.Diagnostic
	if err := s.configErr(); err != nil {
		return diags, err
	}
	sinks := pass.ResultOf[sinksPass].(*statuses)
	if !s.retryPass || !s.checks.set[CheckRetryNever] && !s.checks.set[CheckRetryAfterWait] {
		return diags, nil
	}
	if !sinks.reached && !importsFacts(pass) {
		return diags, nil // no known package, and no sender or decision imported
	}
	tab, err := s.codes.table()
	if err != nil {
		return diags, nil // the statuslint pass reports it, once
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &retryChecker{base: newBase(collect(pass, &diags), in, s.checksFile), tab: tab, decls: sinks.decls}
	c.statusVars, c.statusFields = sinks.statusVars, sinks.statusFields
	if !sinks.reached {
		c.decls = funcDecls(pass.TypesInfo, pass.Files) // the sinks pass did not look
		c.findStatusVars()
	}
	c.checkRetries()
	return diags, nil
}

// newRoutesPass returns the routes pass: it ties handlers to the
// operations of an OpenAPI table and checks their statuses per operation
// (SL1005 and SL1006).
func newRoutesPass(s *settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "statusroutes",
		Doc:        "statusroutes: check the statuses of each route's handler against its OpenAPI operation (SL1005, SL1006); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{inspect.Analyzer, sinks},
		Run:        func(pass *analysis.Pass) (any, error) { return runRoutes(s, pass, sinks) },
		ResultType: reflect.TypeFor[routeResult](),
	}
}

// runRoutes is the routes pass; it does nothing unless the table is an
// OpenAPI spec.
func runRoutes(s *settings, pass *analysis.Pass, sinksPass *analysis.Analyzer) (any, error) {
	if err := s.configErr(); err != nil {
		return routeResult{}, err
	}
	sinks := pass.ResultOf[sinksPass].(*statuses)
	if !s.routesPass || !sinks.reached || !s.routes && !s.checks.set[CheckOperation] && !s.checks.set[CheckRoute] {
		return routeResult{}, nil
	}
	tab, err := s.codes.table()
	if err != nil || tab.Spec == nil {
		return routeResult{}, nil
	}
	b := newBase(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), s.checksFile)
	return checkRoutes(&routeFinder{base: &b, decls: sinks.decls}, tab, sinks.found), nil
}

// run is the statuslint pass: it reports the findings of the codes, retry
// and routes passes that the checks selected and no directive silences;
// with -routes, the route listing instead.
func run(s *settings, suite *Suite, pass *analysis.Pass) (any, error) {
	if err := s.configErr(); err != nil {
		return nil, err
	}
	if pass.ResultOf[suite.Sinks].(*statuses).reached {
		// A package that can hold no finding needs no table, and does
		// not fail on a bad one.
		if _, err := s.codes.table(); err != nil {
			return nil, err
		}
	}
	var files []*ast.File
	for _, f := range pass.Files {
		if s.checksFile(pass, f) {
			files = append(files, f)
		}
	}
	routes := pass.ResultOf[suite.Routes].(routeResult)
	if s.routes {
		for _, d := range routes.listing {
			pass.Report(d)
		}
		return nil, nil
	}
	var all []analysis.Diagnostic
	for _, d := range slices.Concat(pass.ResultOf[suite.Codes].([]analysis.Diagnostic), pass.ResultOf[suite.Retry].([]analysis.Diagnostic)) {
		if d.Category == CheckUndocumented && routes.tied[d.Pos] {
			continue // checked against its operations instead
		}
		all = append(all, d)
	}
	all = append(all, routes.diags...)
	// By position, so that the same code gives the same output in the
	// same order, whatever order the passes found it in.
	slices.SortStableFunc(all, func(a, b analysis.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Message, b.Message))
	})
	shown := *pass
	show := present(s, pass)
	shown.Report = func(d analysis.Diagnostic) { pass.Report(show(d)) }
	report, done := filterReports(&shown, files, s.checks.set)
	for _, d := range all {
		report(d)
	}
	done()
	return nil, nil
}

// present returns how the host shows a finding: with its check ID in the
// message, its related positions folded in, as Config asks.
func present(s *settings, pass *analysis.Pass) func(analysis.Diagnostic) analysis.Diagnostic {
	return func(d analysis.Diagnostic) analysis.Diagnostic {
		if s.foldRelated {
			for _, r := range d.Related {
				p := pass.Fset.Position(r.Pos)
				d.Message += fmt.Sprintf("; %s at %s:%d", strings.TrimSuffix(r.Message, " here"), filepath.Base(p.Filename), p.Line)
			}
			d.Related = nil
		}
		if _, isCheck := LookupCheck(d.Category); s.showIDs && isCheck {
			d.Message += " (" + d.Category + ")"
		}
		return d
	}
}

// checksFile reports whether f is reported on: generated files are not
// (their author cannot fix them by hand), nor test files with -tests=false.
func (s *settings) checksFile(pass *analysis.Pass, f *ast.File) bool {
	if ast.IsGenerated(f) {
		return false
	}
	return s.tests || !strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
}
