package sinks

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
)

// New returns the sinks pass: it finds the status values that
// reach a sink, and the project's wrappers of sinks (with a fact each, for
// other packages). It reports nothing; its result is what it found.
func New(s *config.Settings) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "statussinks",
		Doc:        "statussinks: find the status values that reach a status sink, and the wrappers of sinks (reports nothing)",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		Run:        func(pass *analysis.Pass) (any, error) { return runSinks(s, pass) },
		ResultType: reflect.TypeFor[*status.Statuses](),
		FactTypes:  []analysis.Fact{new(SinkFact), new(status.StatusFieldFact)},
	}
}

// runSinks is the sinks pass.
func runSinks(s *config.Settings, pass *analysis.Pass) (any, error) {
	pass = status.FactScope(pass)
	// The settings of the package's directory: the flags', with what
	// its configuration files set.
	s, err := s.For(pass)
	if err != nil {
		return nil, err
	}
	// A package that imports one whose sinks have facts (a helper
	// package over fasthttp whose API does not show it) reaches too.
	if !config.Reaches(pass.Pkg, s.Sinks.User) && !status.ImportsFacts(pass) {
		return &status.Statuses{}, nil
	}
	f := newSinkFinder(pass, s)
	return &status.Statuses{Reached: true, Found: f.findStatuses(), Index: f.Index}, nil
}

// newSinkFinder returns the sinks pass's state for pass, complete: the
// package's function declarations, the variables that hold a status and
// the fields that carry one.
func newSinkFinder(pass *analysis.Pass, s *config.Settings) *sinkFinder {
	x := status.NewIndex(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), s.ChecksFile)
	f := &sinkFinder{Pass: pass, Index: x, sinks: s.Sinks.Index,
		wrappers: map[*types.Func][]wrapperParam{}, statusFuncs: map[*types.Func]bool{}}
	status.FindStatusVars(f.Pass, f.Index)
	f.findStatusFields()
	return f
}
