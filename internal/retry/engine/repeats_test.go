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
