package analyzer

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/routes"
	"github.com/statuslint/statuslint/internal/sinks"
)

// Facts cross process boundaries (go vet, Bazel's nogo) gob-encoded.
func TestFactsGobRoundTrip(t *testing.T) {
	for _, f := range []analysis.Fact{
		&sinks.SinkFact{Params: []int{1, 3}},
		&facts.Pred{Arg: 1, Set: codeset.Range(500, 599)},
		&facts.Err{Sends: true, Errs: codeset.Range(500, 999)},
		&routes.HandlerFact{Writes: []routes.Written{{Code: 409, At: "create.go:12"}}},
	} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("%T: %v", f, err)
		}
		got := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(&buf).Decode(got); err != nil {
			t.Fatalf("%T: %v", f, err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("%T: got %+v, want %+v", f, got, f)
		}
	}
}

func TestAnalyzerIsValid(t *testing.T) {
	for _, a := range []*analysis.Analyzer{Analyzer, New(Config{Codes: "iana"})} {
		if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
			t.Fatal(err)
		}
	}
}
