// Command noop is a go/analysis checker that does nothing, with the
// inspector statuslint builds on: the baseline for whole-run comparisons.
// With NOOP_FACTS=0 its analyzer has no fact type, so drivers skip
// dependencies.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type fact struct{}

func (*fact) AFact() {}

func main() {
	a := &analysis.Analyzer{
		Name:     "noop",
		Doc:      "noop: does nothing",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if os.Getenv("NOOP_FACTS") != "0" {
		a.FactTypes = []analysis.Fact{new(fact)}
	}
	singlechecker.Main(a)
}
