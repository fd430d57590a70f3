package engine

import (
	"testing"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// waitsSrc goes round after a wait that answers whether it waited as
// Retry-After says (go-autorest's DelayWithRetryAfter), and after tests of
// the type of an error the send returns for no status.
const waitsSrc = `package p

import "net/http"

var c = &http.Client{}

func sleep() {}

// waitRetryAfter waits as the response asks (its Status stands for the
// header here): whether it did is its answer.
func waitRetryAfter(resp *http.Response) bool {
	if resp == nil || resp.Status == "" {
		return false
	}
	sleep()
	return true
}

// backoff waits, and says whether it was cut short.
func backoff() bool {
	sleep()
	return true
}

// 503: whether the wait waited says when the request goes again, not
// whether.
func waited(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != 503 {
			return
		}
		if !waitRetryAfter(resp) && !backoff() {
			return
		}
	}
}

// pauseRetryAfter is waitRetryAfter, but not known as a wait.
func pauseRetryAfter(resp *http.Response) bool {
	if resp == nil || resp.Status == "" {
		return false
	}
	sleep()
	return true
}

// Not answered: what pauseRetryAfter answers is not known to be a wait's.
func paused(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != 503 {
			return
		}
		if !pauseRetryAfter(resp) && !backoff() {
			return
		}
	}
}

// waitUnlessBusy waits, but only for some statuses it reads in a way the
// flow does not.
func waitUnlessBusy(resp *http.Response) bool {
	if resp.StatusCode%7 == 3 && resp.Status == "" {
		return false
	}
	sleep()
	return true
}

// Not answered: the wait's answer is made of the status.
func waitedByStatus(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != 503 {
			return
		}
		if !waitUnlessBusy(resp) {
			return
		}
	}
}

type refreshError interface {
	error
	Refresh() bool
}

func isRefreshError(err error) bool {
	_, ok := err.(refreshError)
	return ok
}

// 503: the send's error is nil wherever there is a status, so it is of no
// type there.
func typedNil(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != 503 || isRefreshError(err) {
			return
		}
	}
}
`

func TestResendsWaits(t *testing.T) {
	sp := loadSSA(t, waitsSrc)
	for _, c := range []struct {
		fn       string
		errs     codeset.Set
		answered bool
		want     codeset.Set
	}{
		{"waited", codeset.Set{}, true, codeset.Single(503)},
		{"paused", codeset.Set{}, false, codeset.Set{}},
		{"waitedByStatus", codeset.Set{}, false, codeset.Set{}},
		{"typedNil", codeset.Set{}, true, codeset.Single(503)},
		// An error for every status may be of any type.
		{"typedNil", codeset.All, false, codeset.Set{}},
	} {
		edges, answered := Resends(sendIn(t, sp.Func(c.fn)), c.errs, stubKnown{})
		var got codeset.Set
		for _, e := range edges {
			if !e.Unread {
				got = got.Or(e.Set)
			}
		}
		if answered != c.answered || got != c.want {
			t.Errorf("%s (errors for %v): answered %v, re-sends %v; want %v, %v", c.fn, c.errs, answered, got, c.answered, c.want)
		}
	}
}
