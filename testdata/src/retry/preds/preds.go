package preds

import (
	"net/http"
	"slices"

	"retry/policy"
)

var retryableCodes = map[int]bool{
	http.StatusNotFound:           true,
	http.StatusServiceUnavailable: true,
	http.StatusBadRequest:         false,
}

var retrySlice = []int{http.StatusBadGateway, http.StatusMethodNotAllowed}

// isRetryable reads a retryable-code set.
func isRetryable(code int) bool {
	return retryableCodes[code] // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\): huaweicloud says`
}

func retriable(resp *http.Response) bool {
	return slices.Contains(retrySlice, resp.StatusCode) // want `retrying on 405 \(Method Not Allowed\): huaweicloud says`
}

func shouldRetry(code int) bool {
	switch {
	case code == http.StatusOK:
		return false
	case code >= 400 && code < 500: // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\) and 405 \(Method Not Allowed\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
		return true
	}
	return false
}

// Negative: retries only what the API allows.
func canRetry(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusBadGateway || code == http.StatusGatewayTimeout
}

// Negative: 429 after reading Retry-After.
func retryThrottled(resp *http.Response) bool {
	return resp.StatusCode == http.StatusTooManyRequests && resp.Header.Get("Retry-After") != ""
}

// A predicate from another package, used in a loop.
func loop(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if policy.ShouldRetry(resp.StatusCode) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		if !policy.IsSuccess(resp.StatusCode) {
			return
		}
		if policy.Transient(resp) {
			continue
		}
		return
	}
}
