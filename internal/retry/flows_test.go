package retry_test

import (
	"fmt"
	"go/ast"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/values"
)

// flowsAgreeFloor is how many of the fixtures' retry loops the SSA flow
// (engine.Resent) answers as the AST flow does: it rises as the SSA flow
// learns what the AST flow's cases know, until the AST flow retires. Where
// the SSA flow answers alone and differs, its answer is the reported one
// (a goto, a timeout that grows, a rate-limit error a fact names, a
// decision of two flags whose body says which decides).
const flowsAgreeFloor = 223

// flowsAnsweredFloor is how many of those loops the SSA flow answers
// alone (engine.Resends): its answer is the one reported there; the
// others take the AST flow's.
const flowsAnsweredFloor = 200

// The SSA flow, on every retry loop of the fixtures that the AST flow
// follows (each package's loops twice: with its tests and without): the
// statuses a status test sends round, compared. A loop the SSA flow
// answers otherwise is listed with both answers.
func TestFlowsAgree(t *testing.T) {
	type loop struct {
		at          string
		astSet, ssa codeset.Set
		ssaComplete bool
		answered    bool
	}
	var (
		mu    sync.Mutex
		loops []loop
		built = map[*analysis.Pass]map[int]*ssa.Call{}
	)
	retry.SetFlowCompared(func(pass *analysis.Pass, send *ast.CallExpr, errs, resent codeset.Set, known engine.Known) {
		mu.Lock()
		defer mu.Unlock()
		calls := built[pass]
		if calls == nil {
			calls = map[int]*ssa.Call{}
			for _, fn := range values.Funcs(values.Build(pass, nil), pass.Files, pass.TypesInfo) {
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						if call, ok := instr.(*ssa.Call); ok {
							calls[int(call.Pos())] = call
						}
					}
				}
			}
			built[pass] = calls
		}
		l := loop{at: pass.Fset.Position(send.Pos()).String(), astSet: resent}
		if call := calls[int(send.Lparen)]; call != nil {
			l.ssa, l.ssaComplete = engine.Resent(call, errs, known)
			_, l.answered = engine.Resends(call, errs, known)
		}
		loops = append(loops, l)
	})
	defer retry.SetFlowCompared(nil)
	suite := analyzer.NewSuite(analyzer.Config{})
	analysistest.Run(&quiet{t}, testdata, suite.Only(suite.Retry), "retry/loops", "retry/policy", "retry/preds", "retry/pipeline", "retry/layered/transfer", "retry/handed/app", "retry/listed/app")
	agree, answered := 0, 0
	slices.SortFunc(loops, func(a, b loop) int { return cmpStrings(a.at, b.at) })
	for _, l := range loops {
		if l.answered {
			answered++
		}
		if l.astSet == l.ssa && l.ssaComplete {
			agree++
			continue
		}
		t.Logf("%s: the AST flow retries %v, the SSA flow %v (every path: %v, answered alone: %v)", l.at, l.astSet, l.ssa, l.ssaComplete, l.answered)
	}
	t.Logf("%d of %d retry loops answered alike; the SSA flow answers %d alone", agree, len(loops), answered)
	if agree < flowsAgreeFloor {
		t.Errorf("the SSA flow answers %d retry loops as the AST flow does, fewer than %d", agree, flowsAgreeFloor)
	}
	if answered < flowsAnsweredFloor {
		t.Errorf("the SSA flow answers %d retry loops alone (no branch it cannot read, no call it cannot see into), fewer than %d", answered, flowsAnsweredFloor)
	}
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// quiet is a testing.T for analysistest whose findings are not this
// test's concern: the fixtures' expectations are TestFixtures'.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) { _ = fmt.Sprintf(format, args...) }
