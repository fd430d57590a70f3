package engine

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// operationSrc holds operations a retry library runs again while they
// return an error it retries: one not nil and not wrapped in permanent.
const operationSrc = `package p

import (
	"errors"
	"net/http"
)

var c = &http.Client{}

func permanent(err error) error { return err }

// 503: a made error for 503, nil for the rest.
func busy(req *http.Request) func() error {
	return func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == 503 {
			return errors.New("busy")
		}
		return nil
	}
}

// Nothing: 503 is wrapped in the marker that stops the library.
func stopped(req *http.Request) func() error {
	return func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == 503 {
			return permanent(errors.New("busy"))
		}
		return nil
	}
}

// 400 and above but 404: a failure is retried unless it is a 404.
func failures(req *http.Request) func() error {
	return func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == 404 {
			return permanent(errors.New("gone"))
		}
		if resp.StatusCode >= 400 {
			return errors.New(resp.Status)
		}
		return nil
	}
}

// 429: the operation keeps the response in a variable of its function
// (okta's doWithRetries), and a function of the package reads it.
func shared(req *http.Request) func() error {
	var resp *http.Response
	var err error
	return func() error {
		resp, err = c.Do(req)
		if err != nil {
			return permanent(err)
		}
		if !tooMany(resp) {
			return nil
		}
		return errors.New("too many requests")
	}
}

func tooMany(r *http.Response) bool { return r != nil && r.StatusCode == 429 }

// Nothing: the transport's error is nil wherever there is a status.
func transport(req *http.Request) func() error {
	return func() error {
		_, err := c.Do(req)
		return err
	}
}
`

func TestOperation(t *testing.T) {
	sp := loadSSA(t, operationSrc)
	retried := func(v ssa.Value) bool {
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			return false
		}
		if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		}
		call, ok := v.(*ssa.Call)
		return !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "permanent"
	}
	for _, c := range []struct {
		fn   string
		errs codeset.Set
		want codeset.Set
	}{
		{"busy", codeset.Set{}, codeset.Single(503)},
		{"stopped", codeset.Set{}, codeset.Set{}},
		{"failures", codeset.Set{}, codeset.Range(400, 999).And(codeset.Single(404).Not())},
		{"transport", codeset.Set{}, codeset.Set{}},
		{"shared", codeset.Set{}, codeset.Single(429)},
		// An error that carries every failing status: the return decides.
		{"transport", codeset.Range(400, 599), codeset.Range(400, 599)},
	} {
		fn := sp.Func(c.fn)
		if fn == nil || len(fn.AnonFuncs) == 0 {
			t.Fatalf("no operation in %s", c.fn)
		}
		edges, answered := Operation(sendIn(t, fn.AnonFuncs[0]), c.errs, stubKnown{}, retried)
		var got codeset.Set
		for _, e := range edges {
			got = got.Or(e.Set)
		}
		if !answered || got != c.want {
			t.Errorf("%s (errors for %v): answered %v, re-sends %v; want %v", c.fn, c.errs, answered, got, c.want)
		}
	}
}
