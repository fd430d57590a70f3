package engine

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// afterSrc reads the Retry-After header through readAfter (the stub's
// reader, afterStub) and does what each function's comment says with
// it.
const afterSrc = `package p

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

func readAfter() string { return "" }

// A parser of the package: its result is made of what it read.
func afterOf() time.Duration {
	n, _ := strconv.Atoi(readAfter())
	return time.Duration(n) * time.Second
}

// sleepFor waits as long as it is given.
func sleepFor(d time.Duration) { time.Sleep(d) }

// logs only prints it.
func logs(d time.Duration) { fmt.Println("waiting", d) }

type rateErr struct{ after time.Duration }

func (*rateErr) Error() string { return "" }

func slept()            { time.Sleep(afterOf()) }
func sleptByHelper()    { sleepFor(afterOf()) }
func logged()           { logs(afterOf()); time.Sleep(time.Second) }
func printed()          { fmt.Printf("%v", afterOf()); time.Sleep(time.Second) }
func messaged() error   { return fmt.Errorf("after %v", afterOf()) }
func madeError() error  { return errors.New(readAfter()) }
func returned() time.Duration { return afterOf() }
func handed(f func(time.Duration)) { f(afterOf()) }
func compared()         { if afterOf() > time.Minute { return } }
func field() {
	e := &rateErr{after: afterOf()}
	if e != nil {
		t := time.NewTimer(e.after)
		<-t.C
	}
}
func nilOnly() {
	var err error = &rateErr{after: afterOf()}
	if err == nil {
		return
	}
	time.Sleep(time.Second)
}
func captured() { d := afterOf(); go func() { time.Sleep(d) }() }
func recursive(n int) time.Duration {
	if n == 0 {
		return afterOf()
	}
	return recursive(n - 1)
}
func throughRecursion() { time.Sleep(recursive(3)) }
`

// afterStub says readAfter reads Retry-After.
type afterStub struct{}

func (afterStub) ReadsAfter(call *ssa.CallCommon) bool {
	fn := call.StaticCallee()
	return fn != nil && fn.Name() == "readAfter"
}

func TestAfterWaits(t *testing.T) {
	sp := loadSSA(t, afterSrc)
	for _, c := range []struct {
		fn    string
		exits bool
		want  bool
	}{
		{"slept", true, true},
		{"sleptByHelper", true, true},
		{"logged", true, false},
		{"printed", true, false},
		{"messaged", true, false}, // a message is text for people
		{"madeError", true, false},
		{"returned", true, false}, // the repetition ends with it
		{"returned", false, true}, // the caller may wait with it
		{"handed", true, true},    // a function value may wait
		{"compared", true, true},  // a branch on it: not followed
		{"field", true, true},     // through a struct's field to a timer
		{"nilOnly", true, false},  // only whether it holds one is asked
		{"captured", true, true},  // a closure's code: not followed
		{"throughRecursion", true, true},
	} {
		fn := sp.Func(c.fn)
		if fn == nil {
			t.Fatalf("no function %s", c.fn)
		}
		got := NewAfter(afterStub{}).Waits(fn, fn.Syntax().Pos(), fn.Syntax().End(), c.exits)
		if got != c.want {
			t.Errorf("%s (exits %v): waits %v, want %v", c.fn, c.exits, got, c.want)
		}
	}
}

// A wait Skip names (another loop's) is not one.
func TestAfterSkip(t *testing.T) {
	sp := loadSSA(t, afterSrc)
	fn := sp.Func("slept")
	a := NewAfter(afterStub{})
	a.Skip = func(token.Pos) bool { return true }
	if a.Waits(fn, fn.Syntax().Pos(), fn.Syntax().End(), true) {
		t.Error("slept: a skipped wait counted")
	}
}
