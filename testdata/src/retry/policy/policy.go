// Package policy holds retry decisions that other packages use; facts
// carry what each retries.
package policy

import "net/http"

// ShouldRetry retries 5xx.
func ShouldRetry(code int) bool {
	return code >= 500 // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
}

// Transient retries only what the API allows.
func Transient(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusRequestTimeout, http.StatusBadGateway, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// IsSuccess is no retry decision, but a fact says what it accepts.
func IsSuccess(code int) bool {
	return code >= 200 && code < 300
}
