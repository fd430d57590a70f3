// Package callerwait judges a retry decision with its callers: the loop
// that uses it waits as Retry-After says, directly or through a function
// that returns the decision's answer.
package callerwait

import (
	"net/http"
	"strconv"
	"time"
)

// shouldRetry re-sends 429 and the 5xx: its 503 is at fault; its 429 waits
// in the loop.
func shouldRetry(res *http.Response) bool {
	if res == nil {
		return true
	}
	return res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500 // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
}

// shouldRetryDroppedBody returns shouldRetry's answer: its callers judge.
func shouldRetryDroppedBody(res *http.Response) bool {
	return shouldRetry(nil)
}

func retryDelay(res *http.Response) time.Duration {
	if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil {
		return time.Duration(s) * time.Second
	}
	return time.Second
}

func send(c *http.Client, req *http.Request) (*http.Response, error) {
	for tries := 0; ; tries++ {
		res, err := c.Do(req)
		retry := err == nil && shouldRetry(res)
		if err != nil {
			retry = shouldRetryDroppedBody(res)
		}
		if !retry || tries == 3 {
			return res, err
		}
		time.Sleep(retryDelay(res))
	}
}

// isRetryable re-sends 429, called by a loop that does not wait.
func isRetryable(res *http.Response) bool {
	return res.StatusCode == http.StatusTooManyRequests // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
}

func wrapped(res *http.Response) bool { return isRetryable(res) }

func sendFixed(c *http.Client, req *http.Request) {
	for tries := 0; tries < 3; tries++ {
		res, err := c.Do(req)
		if err != nil || !wrapped(res) { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}

// mustRetry re-sends 429, called by a loop that reads Retry-After only
// to log it.
func mustRetry(res *http.Response) bool {
	return res.StatusCode == http.StatusTooManyRequests // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
}

func sendLogged(c *http.Client, req *http.Request) {
	for tries := 0; tries < 3; tries++ {
		res, err := c.Do(req)
		if err != nil || !mustRetry(res) {
			return
		}
		println("retry after", res.Header.Get("Retry-After"))
		time.Sleep(time.Second)
	}
}
