package values

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// sourcesSrc makes errors in every way Sources looks through.
const sourcesSrc = `package p

import "errors"

type E struct{ code int }

func (e *E) Error() string { return "" }

func mk(code int) *E { return &E{code} }

func pick(a, b error, first bool) error {
	if first {
		return a
	}
	return b
}

func two() (int, error) { return 0, mk(1) }

func viaPhi(c bool) error {
	var err error
	if c {
		err = mk(1)
	} else {
		err = errors.New("x")
	}
	return err
}

func viaExtract() error { _, err := two(); return err }

func viaParam(x error) error { return pick(x, nil, true) }

func viaAs(err error) error {
	var e *E
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func viaClosure() error {
	err := errors.New("y")
	f := func() error { return err }
	return f()
}

func viaAssert(err error) error {
	if e, ok := err.(*E); ok {
		return e
	}
	return errors.ErrUnsupported
}
`

// describeSource names a source: "alloc", "param x", "const", "call two#1".
func describeSource(s Source) string {
	switch v := s.Value.(type) {
	case *ssa.Alloc:
		return "alloc"
	case *ssa.Parameter:
		return "param " + v.Name()
	case *ssa.Const:
		return "const"
	case *ssa.Call:
		name := "?"
		if fn := v.Call.StaticCallee(); fn != nil {
			name = fn.Name()
		}
		return fmt.Sprintf("call %s#%d", name, s.Index)
	}
	return fmt.Sprintf("%T", s.Value)
}

// returnSources returns the sources of the single error each return of
// fn returns, described and sorted.
func returnSources(t *testing.T, sp *ssa.Package, fn string, enter func(*ssa.Call) bool) []string {
	t.Helper()
	f := sp.Func(fn)
	if f == nil {
		t.Fatalf("no function %s", fn)
	}
	var out []string
	for _, b := range f.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, s := range Sources(ret.Results[len(ret.Results)-1], enter) {
				if d := describeSource(s); !slices.Contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestSources(t *testing.T) {
	sp, _, _ := load(t, sourcesSrc)
	for _, c := range []struct {
		fn   string
		want []string // each must be among the sources
		not  []string // none may be
	}{
		// Phis; a call of the package entered to the literal it returns;
		// another package's call is a source.
		{"viaPhi", []string{"alloc", "call New#0"}, []string{"call mk#0"}},
		// A tuple's element through the callee's return of it.
		{"viaExtract", []string{"alloc"}, []string{"call two#1", "call two#0"}},
		// A parameter of the callee stands for the call's argument.
		{"viaParam", []string{"param x", "const"}, []string{"param a", "param b"}},
		// What errors.As is handed, through the target's address.
		{"viaAs", []string{"param err"}, nil},
		// A closure's free variable through what its maker binds.
		{"viaClosure", []string{"call New#0"}, nil},
		// A type assertion's value.
		{"viaAssert", []string{"param err"}, nil},
	} {
		got := returnSources(t, sp, c.fn, nil)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: sources %v lack %q", c.fn, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%s: sources %v hold %q", c.fn, got, n)
			}
		}
	}
	// A call enter refuses is a source itself, with the result it gives.
	if got := returnSources(t, sp, "viaExtract", func(*ssa.Call) bool { return false }); !slices.Equal(got, []string{"call two#1"}) {
		t.Errorf("viaExtract, entering nothing: sources %v, want [call two#1]", strings.Join(got, " "))
	}
}
