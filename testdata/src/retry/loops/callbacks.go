package loops

import (
	"net/http"
	"time"
)

// A retry policy with a user callback (azcore's shape): the callback,
// when set, decides; otherwise the policy's own status test does, and
// what it lets through is re-sent.
type RetryOptions struct {
	ShouldRetry func(*http.Response, error) bool
}

// Positive: without a callback, 503 is re-sent.
func doWithPolicy(c *http.Client, req *http.Request, o RetryOptions) (*http.Response, error) {
	for try := 0; ; try++ {
		resp, err := c.Do(req)
		if o.ShouldRetry != nil {
			if !o.ShouldRetry(resp, err) {
				return resp, err
			}
		} else if err == nil && resp.StatusCode != http.StatusRequestTimeout && resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, err
		}
		time.Sleep(time.Second)
	}
}

// Negative: without a callback, only 408 is re-sent.
func doWithSafePolicy(c *http.Client, req *http.Request, o RetryOptions) (*http.Response, error) {
	for try := 0; ; try++ {
		resp, err := c.Do(req)
		if o.ShouldRetry != nil {
			if !o.ShouldRetry(resp, err) {
				return resp, err
			}
		} else if err == nil && resp.StatusCode != http.StatusRequestTimeout {
			return resp, err
		}
		time.Sleep(time.Second)
	}
}
