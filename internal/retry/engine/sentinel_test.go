package engine

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
)

// sentinelSrc re-sends through functions of its own that return a
// sentinel error: attemptBefore only before it calls gateway, which
// carries the status; attemptAfter after it too.
const sentinelSrc = `package p

import (
	"errors"
	"net/http"
)

var c = &http.Client{}

var errOpen = errors.New("already open")

var open bool

func gateway(req *http.Request) error {
	_, err := c.Do(req)
	return err
}

func attemptBefore(req *http.Request) error {
	if open {
		return errOpen
	}
	defer func() {}()
	return gateway(req)
}

func attemptAfter(req *http.Request) error {
	err := gateway(req)
	if err != nil && open {
		return errOpen
	}
	return err
}

func before(req *http.Request) {
	for {
		err := attemptBefore(req)
		if err == nil || err == errOpen {
			return
		}
	}
}

func after(req *http.Request) {
	for {
		err := attemptAfter(req)
		if err == nil || err == errOpen {
			return
		}
	}
}
`

// sentinelKnown knows that gateway sends, and whether it may return
// errOpen.
type sentinelKnown struct {
	stubKnown
	gatewayMay bool
}

func (k sentinelKnown) ErrOf(fn *types.Func) (facts.Err, bool) {
	if fn.Name() == "gateway" {
		return facts.Err{Sends: true, Errs: codeset.Range(400, 599)}, true
	}
	return k.stubKnown.ErrOf(fn)
}

func (k sentinelKnown) MayReturn(fn *types.Func, g *types.Var) bool {
	return fn.Name() != "gateway" || k.gatewayMay
}

// TestResentSentinel: an error tested against a sentinel of the
// package that the send's function returns only before it calls what
// carries a status is not that sentinel, for every status (before); one
// it returns after such a call may be (after), and so may one a function
// it calls may return (before, gateway may): the test is not read.
func TestResentSentinel(t *testing.T) {
	sp := loadSSA(t, sentinelSrc)
	fails := codeset.Range(400, 599)
	for _, c := range []struct {
		fn       string
		known    sentinelKnown
		answered bool
	}{
		{"before", sentinelKnown{}, true},
		{"before", sentinelKnown{gatewayMay: true}, false},
		{"after", sentinelKnown{}, false},
	} {
		fn := sp.Func(c.fn)
		edges, answered := Resends(attemptCall(t, fn), fails, c.known)
		if answered != c.answered {
			t.Errorf("%s (gateway may return it: %v): answered %v, want %v", c.fn, c.known.gatewayMay, answered, c.answered)
		}
		var got codeset.Set
		for _, e := range edges {
			got = got.Or(e.Set)
		}
		if answered && got != fails {
			t.Errorf("%s: goes round on %v, want %v", c.fn, got, fails)
		}
	}
}

// attemptCall returns fn's call of a function whose name begins with
// attempt.
func attemptCall(t *testing.T, fn *ssa.Function) *ssa.Call {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil && strings.HasPrefix(call.Call.StaticCallee().Name(), "attempt") {
				return call
			}
		}
	}
	t.Fatalf("%s: no attempt", fn.Name())
	return nil
}
