package values

import (
	"fmt"
	"go/constant"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// walkSrc picks values by its branches: what a path knows of them depends
// on the way it came.
const walkSrc = `package p

func sink(int) {}

func pick(err error, other bool) {
	code := 500
	if err == nil {
		code = 200
	}
	if other {
		sink(1)
	}
	sink(code)
}

func loop(n int, c bool) {
	again := false
	for i := 0; i < n; i++ {
		if c {
			again = true
		}
		if again {
			sink(7)
			continue
		}
		sink(8)
	}
}

func unknown(c bool) {
	if c {
		sink(3)
	}
	sink(4)
}
`

// sunk walks fn with decide and returns the constants its paths hand to
// sink, as "code" or "?" where the path does not know it.
func sunk(t *testing.T, sp *ssa.Package, name string, decide func(ssa.Value, Env) Branch) []string {
	t.Helper()
	fn := sp.Func(name)
	if fn == nil {
		t.Fatalf("no function %s", name)
	}
	var out []string
	complete := Walk(fn, decide, func(instr ssa.Instruction, env Env) bool {
		call, ok := instr.(*ssa.Call)
		if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "sink" {
			return true
		}
		d := "?"
		if c, ok := env.Const(call.Call.Args[0]); ok {
			d = fmt.Sprint(c.Int64())
		}
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
		return true
	})
	if !complete {
		t.Errorf("%s: the walk stopped before it followed every path", name)
	}
	slices.Sort(out)
	return out
}

func TestWalk(t *testing.T) {
	sp, _, _ := load(t, walkSrc)
	// errNotNil decides err == nil as false (the error given is not
	// nil), and everything else either way.
	errNotNil := func(cond ssa.Value, env Env) Branch {
		if b, ok := cond.(*ssa.BinOp); ok && b.Op == token.EQL {
			if p, ok := b.X.(*ssa.Parameter); ok && p.Name() == "err" {
				return Else
			}
		}
		if c, ok := env.Const(cond); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
			if constant.BoolVal(c.Value) {
				return Then
			}
			return Else
		}
		return Both
	}
	for _, c := range []struct {
		fn     string
		decide func(ssa.Value, Env) Branch
		want   []string
	}{
		// The default the path keeps, not the one the other branch sets;
		// a branch that does not matter goes both ways.
		{"pick", errNotNil, []string{"1", "500"}},
		// A flag set in one round is known in the next: both sinks are
		// reached, and the walk ends although the loop does not.
		{"loop", errNotNil, []string{"7", "8"}},
		// A branch not known ends the path: no sink past it is reached.
		{"unknown", func(ssa.Value, Env) Branch { return Neither }, nil},
	} {
		if got := sunk(t, sp, c.fn, c.decide); !slices.Equal(got, c.want) {
			t.Errorf("%s: sunk %v, want %v", c.fn, got, c.want)
		}
	}
	// Without the flag's value, the loop's second sink would be reached
	// on the first round: a path that has not set it yet never takes
	// the flag's branch.
	flagOnly := func(cond ssa.Value, env Env) Branch {
		if c, ok := env.Const(cond); ok {
			if constant.BoolVal(c.Value) {
				return Then
			}
			return Else
		}
		if p, ok := cond.(*ssa.Parameter); ok && p.Name() == "c" {
			return Else // c is false: again stays false
		}
		return Both
	}
	if got := sunk(t, sp, "loop", flagOnly); !slices.Equal(got, []string{"8"}) {
		t.Errorf("loop with c false: sunk %v, want [8]", got)
	}
}

// A path forgets what a φ-node took once nothing ahead reads it: a
// function whose fourteen branches each set a value only the next call
// reads is walked whole (2^14 paths, but one state per branch once each
// value is read), and each value is still known where it is read.
func TestWalkForgets(t *testing.T) {
	var src strings.Builder
	src.WriteString("package p\n\nfunc sink(int) {}\n\nfunc many(a []bool) {\n")
	for i := range 14 {
		fmt.Fprintf(&src, "\tx%d := 0\n\tif a[%d] {\n\t\tx%d = 1\n\t}\n\tsink(x%d)\n", i, i, i, i)
	}
	src.WriteString("\tsink(9)\n}\n")
	sp, _, _ := load(t, src.String())
	if got := sunk(t, sp, "many", func(ssa.Value, Env) Branch { return Both }); !slices.Equal(got, []string{"0", "1", "9"}) {
		t.Errorf("many: sunk %v, want [0 1 9]", got)
	}
}

// freeVarSrc holds closures that store into a variable of their
// function and read it back.
const freeVarSrc = `package p

func sink(int) {}

func owned() func() {
	x := 0
	return func() {
		x = 5
		sink(x)
	}
}

func shared() (func(), func()) {
	x := 0
	set := func() { x = 6 }
	return func() {
		x = 5
		set()
		sink(x)
	}, set
}
`

// A closure's free variable is a cell of the walk where only the closure
// writes it while it runs: what it stored is what it reads. Where
// another closure of the function may set it in between, nothing is
// known of it.
func TestWalkFreeVars(t *testing.T) {
	sp, _, _ := load(t, freeVarSrc)
	for _, c := range []struct {
		fn   string
		want []string
	}{
		{"owned", []string{"5"}},
		{"shared", []string{"?"}},
	} {
		fn := sp.Func(c.fn)
		if fn == nil || len(fn.AnonFuncs) == 0 {
			t.Fatalf("no closure in %s", c.fn)
		}
		var got []string
		Walk(fn.AnonFuncs[len(fn.AnonFuncs)-1], func(ssa.Value, Env) Branch { return Both }, func(instr ssa.Instruction, env Env) bool {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "sink" {
				return true
			}
			d := "?"
			if k, ok := env.Const(call.Call.Args[0]); ok {
				d = fmt.Sprint(k.Int64())
			}
			got = append(got, d)
			return true
		})
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: sunk %v, want %v", c.fn, got, c.want)
		}
	}
}
