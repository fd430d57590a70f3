package sinks

import (
	"go/types"
	"reflect"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/status"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// newSinksPass returns the sinks pass: it finds the status values that
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
	if err := s.ConfigErr(); err != nil {
		return nil, err
	}
	// A package that imports one whose sinks have facts (a helper
	// package over fasthttp whose API does not show it) reaches too.
	if !config.Reaches(pass.Pkg, s.Sinks.User) && !status.ImportsFacts(pass) {
		return &status.Statuses{}, nil
	}
	f := &sinkFinder{Base: status.NewBase(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), s.ChecksFile), sinks: s.Sinks.Index,
		wrappers: map[*types.Func][]wrapperParam{}, statusFuncs: map[*types.Func]bool{}}
	f.FindStatusVars()
	f.findStatusFields()
	found := f.findStatuses()
	return &status.Statuses{Reached: true, Found: found, Decls: f.decls, StatusVars: f.StatusVars, StatusFields: f.StatusFields}, nil
}
