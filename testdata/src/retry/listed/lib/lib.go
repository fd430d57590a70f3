// Package lib re-sends what its callers list, as go-autorest's
// DoRetryForStatusCodes does: the loop's decision is a membership test on
// a list parameter, handed on through a closure.
package lib

import (
	"net/http"
	"time"
)

// A Sender sends a request.
type Sender func(*http.Request) (*http.Response, error)

// Defaults are the statuses retried by default.
var Defaults = []int{http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusServiceUnavailable}

// hasStatus is a membership test behind a nil guard.
func hasStatus(resp *http.Response, codes ...int) bool {
	if resp == nil {
		return false
	}
	return containsInt(codes, resp.StatusCode)
}

func containsInt(ints []int, n int) bool {
	for _, i := range ints {
		if i == n {
			return true
		}
	}
	return false
}

// doRetry re-sends req while the status is one of codes; it waits a fixed
// time, never as Retry-After says.
func doRetry(c *http.Client, req *http.Request, attempts int, codes ...int) (resp *http.Response, err error) {
	for attempt := 0; attempt < attempts; attempt++ {
		resp, err = c.Do(req)
		if err != nil || !hasStatus(resp, codes...) {
			return resp, err
		}
		time.Sleep(time.Second)
	}
	return resp, err
}

// RetryFor returns a sender that re-sends on the statuses listed.
func RetryFor(c *http.Client, codes ...int) Sender {
	return func(r *http.Request) (*http.Response, error) {
		return doRetry(c, r, 3, codes...)
	}
}

// Positive: the package's own call lists 503.
func getUnavailable(c *http.Client, req *http.Request) {
	_, _ = doRetry(c, req, 3, http.StatusServiceUnavailable) // want `retrying on 503 \(Service Unavailable\) \(through doRetry, whose loop re-sends at lib.go:38 the statuses it is given\)`
}

// Negative: 504 may be re-sent.
func getGatewayTimeout(c *http.Client, req *http.Request) {
	_, _ = doRetry(c, req, 3, http.StatusGatewayTimeout)
}
