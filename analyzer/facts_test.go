package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/routes"
	"github.com/statuslint/statuslint/internal/sinks"
	"github.com/statuslint/statuslint/internal/testenv"
)

// Facts cross process boundaries (go vet, Bazel's nogo) gob-encoded: one
// of each pass's (the retry pass's own are all in its facts package's
// test).
func TestFactsGobRoundTrip(t *testing.T) {
	testenv.GobRoundTrip(t,
		&sinks.SinkFact{Params: []int{1, 3}},
		&facts.Pred{Arg: 1, Set: codeset.Range(500, 599)},
		&facts.Err{Sends: true, Errs: codeset.Range(500, 999)},
		&routes.HandlerFact{Writes: []routes.Written{{Code: 409, At: "create.go:12"}}},
		&routes.CarriesFact{Result: 1, Carried: []routes.Carried{{Type: "example.com/util.ServiceError", Code: 500, At: "service.go:160"}}},
		&routes.WritesCarriedFact{Params: []routes.CarriedParam{{Index: 0, Type: "example.com/util.ServiceError"}}},
		&routes.APIRoutersFact{Types: []string{"*example.com/x.RouterPublic"}},
	)
}

func TestAnalyzerIsValid(t *testing.T) {
	for _, a := range []*analysis.Analyzer{Analyzer, New(Config{Codes: "iana"})} {
		if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
			t.Fatal(err)
		}
	}
}
