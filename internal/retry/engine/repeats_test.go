package engine

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// helpersSrc holds retry helpers: each calls the attempt it is given
// again, as its comment says.
const helpersSrc = `package p

// While p holds for the error.
func retry(f func() error, p func(error) bool) error {
	for i := 0; ; i++ {
		err := f()
		if err == nil {
			return nil
		}
		if !p(err) {
			return err
		}
	}
}

// Whatever the error: no status decides.
func times(f func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// A condition handed to a helper that calls it again while it is not
// done: not done while p holds for the attempt's error.
func wrapped(f func() error, p func(error) bool) (err error) {
	cond := func() (bool, error) {
		err = f()
		if p(err) {
			return false, nil
		}
		return true, err
	}
	poll(cond)
	return
}

// Until the condition says it is done.
func poll(cond func() (bool, error)) error {
	for {
		if ok, err := cond(); err != nil || ok {
			return err
		}
	}
}
`

// bound is stubKnown with a helper's bindings.
type bound struct {
	stubKnown
	pred   codeset.Set
	done   codeset.Set
	isDone bool
}

func (b bound) BoundCall(v *types.Var) (codeset.Set, bool) { return b.pred, v.Name() == "p" }

func (b bound) BoundResult(i int) (codeset.Set, bool) { return b.done, i == 0 && b.isDone }

// TestRepeats: a helper's call of its attempt goes round where a test
// bound to some statuses lets it (retry's predicate holding for the
// failures, poll's done for the successes), not where the binding is a
// constant (the predicate holding for none, done for all), and not
// where only whether the attempt failed is tested (times).
func TestRepeats(t *testing.T) {
	sp := loadSSA(t, helpersSrc)
	fails := codeset.All.And(codeset.Range(200, 299).Not())
	for i, c := range []struct {
		fn    string
		known Known
		want  codeset.Set
	}{
		{"retry", bound{pred: fails}, fails},
		{"retry", bound{pred: codeset.Set{}}, codeset.Set{}},
		{"retry", stubKnown{}, codeset.Set{}},
		{"times", stubKnown{}, codeset.Set{}},
		{"poll", bound{done: codeset.Range(200, 299), isDone: true}, fails},
		{"poll", bound{done: codeset.All, isDone: true}, codeset.Set{}},
	} {
		fn := sp.Func(c.fn)
		edges, _ := Repeats(attemptIn(t, fn), fails, c.known)
		var got codeset.Set
		for _, e := range edges {
			if !e.Unread {
				got = got.Or(e.Set)
			}
		}
		if got != c.want {
			t.Errorf("case %d, %s: goes round on %v, want %v", i, c.fn, got, c.want)
		}
	}
}

// TestRepeatsOnFailure: where whether the attempt failed decides, a
// helper that calls it again whenever it fails (times) goes round for
// every failure; one that goes round when it succeeded (poll, not done)
// or where its predicate, not bound, may stop it (retry) does not say.
func TestRepeatsOnFailure(t *testing.T) {
	sp := loadSSA(t, helpersSrc)
	fails := codeset.All.And(codeset.Range(200, 299).Not())
	for _, c := range []struct {
		fn       string
		want     codeset.Set
		answered bool
	}{
		{"times", fails, true},
		{"poll", codeset.Set{}, true},
		{"retry", codeset.Set{}, false},
	} {
		edges, answered := RepeatsOnFailure(attemptIn(t, sp.Func(c.fn)), fails, stubKnown{})
		var got codeset.Set
		for _, e := range edges {
			if !e.Unread {
				got = got.Or(e.Set)
			}
		}
		if got != c.want || answered != c.answered {
			t.Errorf("%s: goes round on %v (answered %v), want %v (%v)", c.fn, got, answered, c.want, c.answered)
		}
	}
}

// TestUndone: a condition handed to a helper is not done where the
// predicate it asks, bound, holds; bound to hold for none, it is done.
func TestUndone(t *testing.T) {
	sp := loadSSA(t, helpersSrc)
	fails := codeset.All.And(codeset.Range(200, 299).Not())
	cond := sp.Func("wrapped").AnonFuncs[0]
	var call *ssa.Call
	for _, b := range cond.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok && c.Call.Signature().Params().Len() == 0 {
				call = c
			}
		}
	}
	if call == nil {
		t.Fatal("no call of the attempt in the condition")
	}
	for _, c := range []struct {
		pred, want codeset.Set
	}{
		{fails, fails},
		{codeset.Set{}, codeset.Set{}},
	} {
		edges, _ := Undone(call, fails, bound{pred: c.pred})
		var got codeset.Set
		for _, e := range edges {
			if !e.Unread {
				got = got.Or(e.Set)
			}
		}
		if got != c.want {
			t.Errorf("predicate holding for %v: not done for %v, want %v", c.pred, got, c.want)
		}
	}
}

// attemptIn returns fn's call of a function it is given.
func attemptIn(t *testing.T, fn *ssa.Function) *ssa.Call {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if p, ok := call.Call.Value.(*ssa.Parameter); ok && p == fn.Params[0] {
					return call
				}
			}
		}
	}
	t.Fatalf("%s: no call of its attempt", fn.Name())
	return nil
}
