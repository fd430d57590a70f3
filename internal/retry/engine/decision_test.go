package engine

import (
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// decisionSrc holds decisions over a response or a status, read alone.
const decisionSrc = `package p

import "net/http"

func serverError(resp *http.Response, err error) bool {
	if err != nil {
		return true
	}
	return resp.StatusCode >= 500
}

func limited(code int) bool {
	switch code {
	case 429, 503:
		return true
	}
	return false
}

func both(resp *http.Response, err error) (bool, error) {
	if resp == nil {
		return false, err
	}
	if limited(resp.StatusCode) || resp.StatusCode == 404 {
		return true, nil
	}
	return false, nil
}

func flag(resp *http.Response, err error) bool {
	again := false
	if resp.StatusCode == 408 {
		again = true
	}
	return again
}

func throttled(resp *http.Response, err error) bool {
	return resp.StatusCode == 429 && resp.Status != ""
}

// override's second test is of something else, and returns at once for
// the statuses the first did not admit: it decides none of them.
func override(resp *http.Response, err error) bool {
	if resp.StatusCode == 429 {
		return true
	}
	if resp.Status == "retry" {
		return true
	}
	return false
}

// guarded's second test is of something else, for the statuses the first
// admitted: they are retried where it holds.
func guarded(resp *http.Response, err error, idempotent bool) bool {
	if resp.StatusCode >= 500 {
		if idempotent {
			return true
		}
	}
	return false
}

type apiError struct{ StatusCode int }

func (e *apiError) Error() string { return "api" }

func (e *apiError) Temporary() bool {
	return e.StatusCode == 429 || e.StatusCode >= 500
}

type temporary interface{ Temporary() bool }

func isTemporary(err error) bool {
	t, ok := err.(temporary)
	return ok && t.Temporary()
}

func none(resp *http.Response, err error) bool {
	return err != nil
}
`

// A decision read alone: its parameters stand for what a send returned,
// and its result is true for the statuses its tests let through to a
// return of true, at those tests.
func TestDecision(t *testing.T) {
	sp := loadSSA(t, decisionSrc)
	for _, c := range []struct {
		fn    string
		resp  bool
		want  codeset.Set
		tests int // the ways it returns true, at a test each
		sure  codeset.Set
	}{
		{"serverError", true, codeset.Relation(token.GEQ, 500), 1, codeset.All},
		{"limited", false, codeset.Single(429).Or(codeset.Single(503)), 2, codeset.All}, // a case each
		{"both", true, codeset.Single(429).Or(codeset.Single(503)).Or(codeset.Single(404)), 2, codeset.All},
		{"flag", true, codeset.Single(408), 1, codeset.All},
		{"none", true, codeset.Set{}, 0, codeset.All},
		{"override", true, codeset.Single(429), 1, codeset.All},
		{"guarded", true, codeset.Relation(token.GEQ, 500), 1, codeset.All},
		// What else of the response it asks is not read: it may be
		// true for 429.
		{"throttled", true, codeset.Single(429), 1, codeset.All},
	} {
		fn := sp.Func(c.fn)
		var resp, status, err = fn.Params[0], fn.Params[0], fn.Params[0]
		if c.resp {
			status, err = nil, fn.Params[1]
		} else {
			resp, err = nil, nil
		}
		var rv, sv, ev = valueOrNil(resp), valueOrNil(status), valueOrNil(err)
		set, sure, edges, ok := Decision(fn, Given{Resp: rv, Status: sv, Err: ev}, 0, codeset.Set{}, stubKnown{})
		if !ok || set != c.want || sure != c.sure || len(edges) != c.tests {
			t.Errorf("%s: true for %v (sure of %v, complete %v), %d ways; want %v, sure of %v, %d ways", c.fn, set, sure, ok, len(edges), c.want, c.sure, c.tests)
		}
		for _, e := range edges {
			if !e.At.IsValid() {
				t.Errorf("%s: a way true for %v is at no test", c.fn, e.Set)
			}
		}
	}
}

// valueOrNil returns p as a value, or nil where p is nil.
func valueOrNil(p *ssa.Parameter) ssa.Value {
	if p == nil {
		return nil
	}
	return p
}

// A method of an error type read alone: its receiver is the error, its
// status the receiver's status field.
func TestDecisionTyped(t *testing.T) {
	sp := loadSSA(t, decisionSrc)
	ptr := types.NewPointer(sp.Pkg.Scope().Lookup("apiError").Type())
	fn := sp.Prog.MethodValue(sp.Prog.MethodSets.MethodSet(ptr).Lookup(sp.Pkg, "Temporary"))
	set, _, edges, ok := Decision(fn, Given{Typed: fn.Params[0]}, 0, codeset.Set{}, stubKnown{})
	want := codeset.Single(429).Or(codeset.Relation(token.GEQ, 500))
	if !ok || set != want || len(edges) != 2 {
		t.Errorf("Temporary: true for %v (complete %v), %d ways; want %v, 2 ways", set, ok, len(edges), want)
	}
	// Without the receiver standing for the error, no status is read.
	if set, _, _, _ := Decision(fn, Given{}, 0, codeset.Set{}, stubKnown{}); !set.Empty() {
		t.Errorf("Temporary with nothing given: true for %v, want none", set)
	}
}

// A decision over an error alone that asks the error a question: the
// question is found (Asked), and the decision is true where it is, as
// the question is answered (Given.Methods).
func TestDecisionAsked(t *testing.T) {
	sp := loadSSA(t, decisionSrc)
	fn := sp.Func("isTemporary")
	if got := Asked(fn, fn.Params[0], stubKnown{}); len(got) != 1 || got[0] != "Temporary" {
		t.Fatalf("isTemporary asks %v, want [Temporary]", got)
	}
	for _, c := range []struct {
		answer, want codeset.Set
	}{
		{codeset.All, codeset.All},
		{codeset.Set{}, codeset.Set{}},
		{codeset.Single(503), codeset.Single(503)},
	} {
		g := Given{Err: fn.Params[0], Methods: map[string]codeset.Set{"Temporary": c.answer}}
		set, _, _, ok := Decision(fn, g, 0, codeset.All, stubKnown{})
		if !ok || set != c.want {
			t.Errorf("isTemporary with Temporary() true for %v: true for %v (complete %v), want %v", c.answer, set, ok, c.want)
		}
	}
	// Unanswered, the question decides nothing.
	if set, _, _, _ := Decision(fn, Given{Err: fn.Params[0]}, 0, codeset.All, stubKnown{}); !set.Empty() {
		t.Errorf("isTemporary unanswered: true for %v, want none", set)
	}
}
