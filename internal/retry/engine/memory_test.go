package engine

import (
	"slices"
	"testing"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// memorySrc re-sends its request where the SSA form keeps a variable in
// memory (a named result under a defer), where one of two sends is
// picked by a value the loop does not change, and where the wait a
// response asks for is capped.
const memorySrc = `package p

import (
	"errors"
	"net/http"
	"time"
)

var c = &http.Client{}

func named(req *http.Request) (resp *http.Response, err error) {
	defer func() {}()
	for {
		resp, err = c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

func namedWrapped(req *http.Request) (resp *http.Response, err error) {
	defer func() {
		if err != nil {
			err = errors.New("wrapped")
		}
	}()
	for {
		resp, err = c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

func perTry(req *http.Request, timeout int) (resp *http.Response, err error) {
	defer func() {}()
	for {
		if timeout == 0 {
			resp, err = c.Do(req)
		} else {
			resp, err = c.Do(req)
		}
		if err != nil {
			return
		}
		if resp.StatusCode != 503 {
			return
		}
	}
}

func leftBySelect(req *http.Request, done chan struct{}) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode < 500 {
			return
		}
		wait := 1
		if resp.StatusCode == 503 {
			wait = 2
		}
		select {
		case <-done:
			return
		default:
		}
		_ = wait
	}
}

func capped(req *http.Request, max time.Duration) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		if time.Duration(len(resp.Status)) > max {
			return
		}
	}
}
`

// TestResendsMemory: what a path stores in a variable kept in memory is
// what it loads (named), but not where a deferred closure sets it again
// (namedWrapped: not followed, unanswered); a branch of the loop only one way of which
// leads to the send, on a value the loop does not change, goes that way
// again (perTry: the other send's error is not this one's); a branch
// on the length of a wait the response asks for says when the request
// goes round, not whether its status does: either way (capped); a path
// that leaves by a branch after its last test (a select on a channel)
// does not make that test where what goes round parts from what does
// not (leftBySelect: the test of 5xx is, not the one of 503).
func TestResendsMemory(t *testing.T) {
	sp := loadSSA(t, memorySrc)
	for _, c := range []struct {
		fn       string
		answered bool
		lines    []int
		unread   bool
	}{
		{"named", true, []int{7}, false},
		{"namedWrapped", false, []int{11}, true},
		{"perTry", true, []int{11}, false},
		{"leftBySelect", true, []int{3}, false},
		{"capped", true, []int{3}, false},
	} {
		fn := sp.Func(c.fn)
		edges, answered := Resends(sendIn(t, fn), codeset.Set{}, stubKnown{})
		if answered != c.answered {
			t.Errorf("%s: answered %v, want %v", c.fn, answered, c.answered)
		}
		start := fn.Prog.Fset.Position(fn.Pos()).Line
		var lines []int
		for _, e := range edges {
			lines = append(lines, fn.Prog.Fset.Position(e.At).Line-start)
			if e.Unread != c.unread {
				t.Errorf("%s: edge unread %v, want %v", c.fn, e.Unread, c.unread)
			}
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%s: edges at lines %v of the function, want %v", c.fn, lines, c.lines)
		}
	}
}
