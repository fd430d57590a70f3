package travel

import "net/http"

// A package's list of statuses, through a constructor's field, ranged over
// and compared: each element is a status.
var defaultRetryCodes = []int{429, 503} // want `raw status code 429 in comparison with resp.StatusCode \(through defaultRetryCodes\): use http.StatusTooManyRequests` `raw status code 503 in comparison with resp.StatusCode \(through defaultRetryCodes\): use http.StatusServiceUnavailable`

type retryOptions struct{ codes []int }

func newRetryOptions() *retryOptions {
	return &retryOptions{codes: defaultRetryCodes}
}

func (o *retryOptions) retryable(resp *http.Response) bool {
	for _, c := range o.codes {
		if resp.StatusCode == c {
			return true
		}
	}
	return false
}

// A local list, ranged over and compared.
func okStatus(resp *http.Response) bool {
	good := []int{200, http.StatusCreated} // want `raw status code 200 in comparison with resp.StatusCode \(through good\): use http.StatusOK`
	for _, c := range good {
		if resp.StatusCode == c {
			return true
		}
	}
	return false
}

// Negative: a list of sizes ranged over and compared with a length.
var sizes = []int{16, 32}

func fits(b []byte) bool {
	for _, n := range sizes {
		if len(b) == n {
			return true
		}
	}
	return false
}
