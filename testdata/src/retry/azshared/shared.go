// Package azshared holds what azcore's pipeline shares between its
// packages: a list membership test and the Retry-After reader, which the
// retry pass exports facts for.
package azshared

import (
	"net/http"
	"strconv"
	"time"
)

// HasStatusCode reports whether resp's status is one of statusCodes.
func HasStatusCode(resp *http.Response, statusCodes ...int) bool {
	if resp == nil {
		return false
	}
	for _, sc := range statusCodes {
		if resp.StatusCode == sc {
			return true
		}
	}
	return false
}

// RetryAfter returns the wait the response's Retry-After asks for.
func RetryAfter(resp *http.Response) time.Duration {
	if resp == nil {
		return 0
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
		return time.Duration(s) * time.Second
	}
	return 0
}
