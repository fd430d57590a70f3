package retry_test

import (
	"fmt"
	"go/types"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/testenv"
)

// sentErrorsAlike is how many of the fixtures' senders the flow on SSA
// (engine.SentErrors) gives the facts.Err the flow on syntax gives: the
// floor rises as the SSA flow learns what the syntax flow reads, until it
// can take its place.
const sentErrorsAlike = 153

// TestSentErrorsAgree runs both flows on every sender of the retry
// fixtures and logs where they differ.
func TestSentErrorsAgree(t *testing.T) {
	var alike, all int
	var diffs []string
	var mu sync.Mutex // the checker analyzes packages in parallel
	defer retry.CompareSentErrors(func(fn *types.Func, syn, ssa facts.Err, ok bool) {
		mu.Lock()
		defer mu.Unlock()
		all++
		if ok && syn.Errs == ssa.Errs && slices.Equal(syn.Types, ssa.Types) {
			alike++
			return
		}
		diffs = append(diffs, fmt.Sprintf("%s: syntax %v, SSA %v (ok %v)", fn.FullName(), syn, ssa, ok))
	})()
	suite := analyzer.NewSuite(analyzer.Config{})
	pkgs := testenv.LoadTestdata(t, testdata, packages.LoadAllSyntax, fixtures...)
	if _, err := checker.Analyze([]*analysis.Analyzer{suite.Analyzer}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	slices.Sort(diffs)
	for _, d := range diffs {
		t.Log(d)
	}
	t.Logf("%d of %d senders alike", alike, all)
	if alike < sentErrorsAlike {
		t.Errorf("%d of %d senders alike, fewer than the floor %d", alike, all, sentErrorsAlike)
	}
}
