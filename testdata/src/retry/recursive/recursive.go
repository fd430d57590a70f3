package recursive

import "net/http"

// Retry decisions that call each other are evaluated together, to the
// least fixed point: what each returns true for, whichever is asked first.
// For 500 (not 503) both recurse forever and never return true.

func shouldRetry(code int) bool {
	if code == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
		return true
	}
	if code >= 500 {
		return isRetryable(code)
	}
	return false
}

func isRetryable(code int) bool {
	if code == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
		return true
	}
	if code >= 400 && code < 500 {
		return false
	}
	return shouldRetry(code) // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
}

// A decision that calls itself on another code: 404 and 503 by itself,
// 503 again through 502.
func retryable(code int) bool {
	switch code {
	case http.StatusNotFound, http.StatusServiceUnavailable: // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\): huaweicloud says`
		return true
	case http.StatusBadGateway:
		return retryable(http.StatusServiceUnavailable)
	}
	return false
}

// Negative: a decision that negates itself has no fixed point; it is left
// unknown and reports nothing.
func retryFlip(code int) bool {
	if code == http.StatusNotFound {
		return !retryFlip(code)
	}
	return false
}
