package values

import (
	"go/ast"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/testenv"
)

const dependsSrc = `package p

import (
	"context"
	"errors"
	"time"
)

func delay(err error, attempt int) time.Duration {
	if errors.Is(err, context.Canceled) {
		return 0
	}
	return time.Duration(attempt) * time.Second
}

// wait returns the context's error or nil: which, the time decides (the
// timer's delay is computed from err, but not what wait returns).
func wait(ctx context.Context, attempt, max int, err error) error {
	if attempt+1 >= max {
		return nil
	}
	timer := time.NewTimer(delay(err, attempt))
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// sleepUntil stops its timer if the context ends first: whether Stop
// finds it fired is the time's too, not decided by reset.
func sleepUntil(ctx context.Context, reset time.Time) error {
	timer := time.NewTimer(time.Until(reset) + time.Second)
	select {
	case <-ctx.Done():
		if !timer.Stop() {
			<-timer.C
		}
		return ctx.Err()
	case <-timer.C:
	}
	return nil
}

// classify returns nil for some errors: err decides.
func classify(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return ctx.Err()
}

// wrapped returns what it is given, wrapped.
func wrapped(err error, note string) error {
	return errors.Join(err, errors.New("x"))
}

// loop calls itself: each parameter is taken to decide.
func loop(n int, err error) error {
	if n == 0 {
		return nil
	}
	return loop(n-1, err)
}

func use(ctx context.Context, err error) {
	if wait(ctx, 0, 3, err) != nil {
		println()
	}
	if classify(ctx, err) != nil {
		println()
	}
	if wrapped(err, "") != nil {
		println()
	}
}
`

func TestParamsDecide(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, dependsSrc)
	sp := BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	for _, c := range []struct {
		fn   string
		want []bool
	}{
		{"wait", []bool{true, true, true, false}},
		{"sleepUntil", []bool{true, false}},
		{"classify", []bool{true, true}},
		{"wrapped", []bool{true, false}},
		{"delay", []bool{true, true}},
		{"loop", []bool{true, true}},
	} {
		if got := ParamsDecide(sp.Func(c.fn)); !slices.Equal(got, c.want) {
			t.Errorf("%s: parameters decide %v, want %v", c.fn, got, c.want)
		}
	}
	// In use, the tests of wait's result do not depend on err; those of
	// classify's and wrapped's do.
	use := sp.Func("use")
	errParam := use.Params[1]
	var got []bool
	for _, b := range use.Blocks {
		if jump, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			got = append(got, DependsOn(jump.Cond, func(v ssa.Value) bool { return v == errParam }))
		}
	}
	if want := []bool{false, true, true}; !slices.Equal(got, want) {
		t.Errorf("use: tests depend on err %v, want %v", got, want)
	}
}

// What a value accepted by past is made of does not count: the test of
// classify's result depends on err, but not past classify's call.
func TestDependsOnAtPast(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, dependsSrc)
	sp := BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	use := sp.Func("use")
	errParam := use.Params[1]
	is := func(v ssa.Value) bool { return v == errParam }
	pastClassify := func(v ssa.Value) bool {
		call, ok := v.(*ssa.Call)
		return ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == "classify"
	}
	var got []bool
	for _, b := range use.Blocks {
		if jump, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			got = append(got, DependsOnAtPast(jump.Cond, Env{}, is, pastClassify))
		}
	}
	if want := []bool{false, false, true}; !slices.Equal(got, want) {
		t.Errorf("use: tests depend on err past classify %v, want %v", got, want)
	}
}
