package facts

import (
	"testing"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/testenv"
)

// Facts cross process boundaries (go vet, Bazel's nogo) gob-encoded: every
// field must survive the trip.
func TestGobRoundTrip(t *testing.T) {
	fives := codeset.Range(500, 599)
	testenv.GobRoundTrip(t,
		&Pred{Arg: 1, Set: fives, Waited: codeset.Single(429), List: 2, OfErr: true, Result: 1, Method: "Temporary"},
		&Err{Sends: true, Errs: codeset.Range(400, 999), Types: []TypedErr{{Type: "*example.com/sdk.RateLimitError", Codes: codeset.Single(403)}}, List: 1, Unless: fives, From: 2},
		&Repeat{Param: 1, Set: fives, Waits: true, Sends: true, Pred: 2, Cond: true, Op: true, Stop: knowledge.Key{Path: "example.com/retry", Name: "Stop"}, Only: knowledge.Key{Path: "example.com/retry", Name: "Again"}},
		&Hook{Params: []HookParam{{Index: 1, Hook: knowledge.Key{Path: "example.com/retry", Name: "If"}, Call: true, Waits: true}}},
		&ListRepeat{Param: 1, Set: fives, Waited: codeset.Single(429), Send: "retry.go:12"},
		&Codes{Set: fives},
		&ErrMethod{Set: fives},
		&Wait{},
	)
}

func TestErrEqualAndTypeCodes(t *testing.T) {
	rate := TypedErr{Type: "*example.com/sdk.RateLimitError", Codes: codeset.Single(403)}
	a := Err{Sends: true, Errs: codeset.Range(400, 999), Types: []TypedErr{rate}}
	b := a
	b.Types = []TypedErr{rate}
	if !a.Equal(b) {
		t.Error("facts that say the same must be equal")
	}
	if b.Unless = codeset.Single(404); a.Equal(b) {
		t.Error("facts that differ in Unless must not be equal")
	}
	if got, ok := a.TypeCodes(rate.Type); !ok || got != rate.Codes {
		t.Errorf("TypeCodes(%s) = %v, %v", rate.Type, got, ok)
	}
	if _, ok := a.TypeCodes("*example.com/sdk.Other"); ok {
		t.Error("a type the fact does not name has no codes")
	}
}

func TestStrings(t *testing.T) {
	for _, c := range []struct {
		f    interface{ String() string }
		want string
	}{
		{&Pred{Set: codeset.Range(500, 599)}, "retries[500-599]"},
		{&Pred{List: 2}, "retries the statuses of argument 1"},
		{&Codes{Set: codeset.Single(429)}, "codes[429]"},
		{&Wait{}, "readsRetryAfter"},
	} {
		if got := c.f.String(); got != c.want {
			t.Errorf("%#v: %q, want %q", c.f, got, c.want)
		}
	}
}
