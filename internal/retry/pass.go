package retry

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/requests"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
)

// collect returns a copy of pass whose Report collects the diagnostics in
// *diags, for the statuslint pass to filter and report.
func collect(pass *analysis.Pass, diags *[]analysis.Diagnostic) *analysis.Pass {
	p := *pass
	p.Report = func(d analysis.Diagnostic) { *diags = append(*diags, d) }
	return &p
}

// Name is the pass's name, and its switch's: -statusretry=false.
const Name = "statusretry"

// New returns the retry pass: it finds retries of statuses the
// table forbids re-sending (SL2001 and SL2002), with a fact for each retry
// predicate, error-returning sender and reader of Retry-After.
func New(s *config.Settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        Name + ": find retries of statuses the API says not to re-send (" + strings.Join(checks.IDs(Checks), ", ") + "); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{inspect.Analyzer, sinks},
		Run:        func(pass *analysis.Pass) (any, error) { return runRetry(s, pass, sinks) },
		ResultType: reflect.TypeFor[[]analysis.Diagnostic](),
		FactTypes:  []analysis.Fact{new(facts.Pred), new(facts.Err), new(facts.Wait), new(facts.Repeat), new(facts.Hook), new(facts.ListRepeat), new(facts.Codes), new(facts.ErrMethod)},
	}
}

// runRetry is the retry pass.
func runRetry(s *config.Settings, pass *analysis.Pass, sinksPass *analysis.Analyzer) (any, error) {
	pass = status.FactScope(pass)
	var diags []analysis.Diagnostic
	// The settings of the package's directory: the flags', with what
	// its configuration files set.
	s, err := s.For(pass)
	if err != nil {
		return diags, err
	}
	sinks := pass.ResultOf[sinksPass].(*status.Statuses)
	if !s.AnyOn(Checks) {
		return diags, nil
	}
	// A package that reaches no known package and imports no sender or
	// decision is only looked at for retry helpers, which need no HTTP
	// (go-containerregistry's internal/retry over a copy of
	// apimachinery's wait).
	helpersOnly := !sinks.Reached && !status.ImportsFacts(pass)
	if helpersOnly && !DeclaresHelpers(pass.Pkg) {
		return diags, nil
	}
	tab, err := s.Codes.Table()
	if err != nil {
		return diags, nil // the statuslint pass reports it, once
	}
	// The APIs' tables are read now, so that a bad one is an error
	// whichever requests go to it.
	for _, api := range s.APIs {
		if _, err := api.Codes.Table(); err != nil {
			return diags, err
		}
	}
	c := newRetryChecker(collect(pass, &diags), s, tab, sinks)
	c.settings = s
	if helpersOnly {
		c.exportRepeats()
		return diags, nil
	}
	c.checkRetries()
	return diags, nil
}

// DeclaresHelpers reports whether pkg exports a function that may be a
// retry helper: one given a function that returns an error, its attempt.
// Such a package can hold facts of this pass though it reaches no known
// package; drivers that leave those unloaded ask it.
func DeclaresHelpers(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if fn, ok := scope.Lookup(name).(*types.Func); ok && fn.Exported() && takesAttempt(fn) {
			return true
		}
	}
	return false
}

// takesAttempt reports whether fn has a parameter that is a function
// returning an error.
func takesAttempt(fn *types.Func) bool {
	for p := range fn.Signature().Params().Variables() {
		if sig, ok := p.Type().Underlying().(*types.Signature); ok && returnsError(sig) {
			return true
		}
	}
	return false
}

// newRetryChecker returns the retry pass's state, complete: the package's
// function declarations and the variables that hold a status, from the
// sinks pass or, where it did not look (a package that reaches HTTP only
// through imported facts), found here.
func newRetryChecker(pass *analysis.Pass, s *config.Settings, tab *table.Table, sinks *status.Statuses) *retryChecker {
	x := sinks.Index
	if !sinks.Reached {
		x = status.NewIndex(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), s.ChecksFile)
	}
	c := &retryChecker{Pass: pass, Index: x, tab: tab,
		sums: map[*types.Func]summary{}, solving: map[*types.Func]*summary{},
		funcSeen: map[*types.Var]bool{}, litFuncs: map[*ast.FuncLit]*ssa.Function{}, sets: map[*types.Var]codeset.Set{}, reported: map[string]bool{}, waits: map[*types.Func]waitInfo{},
		fields: map[*types.Var][]ast.Expr{}, libWaits: map[string]bool{}, repeatSums: map[*types.Func]facts.Repeat{}, nonNil: map[*types.Func]bool{}, implFacts: map[*types.Func]errResult{}, implTypes: map[string][]types.Type{}, mayReturn: map[*types.Var]map[*types.Func]bool{}}
	if !sinks.Reached {
		status.FindStatusVars(c.Pass, c.Index) // on an index of its own, not yet shared
	}
	c.requests = requests.New(pass.TypesInfo, pass.Pkg, c.FuncDecl, c.ValuesOf)
	return c
}

// tableFor returns the table that judges the re-sends of send: that of
// the API its URL goes to (the configuration's apis), else the package's.
func (c *retryChecker) tableFor(send ast.Node) *table.Table {
	call, ok := send.(*ast.CallExpr)
	if !ok || c.settings == nil || len(c.settings.APIs) == 0 {
		return c.tab
	}
	u, ok := c.requests.URL(call)
	if !ok {
		return c.tab
	}
	if api := c.settings.API(u); api != nil {
		if t, err := api.Table(); err == nil {
			return t
		}
	}
	return c.tab
}
