package loops

import (
	"errors"
	"net/http"
)

// Name rule status-param: positive: the parameter named code holds the
// status, so checkCode's error stands for 404, and a loop that goes round
// on it re-sends after a 404.
func checkCode(code int) error {
	if code == http.StatusNotFound {
		return errors.New("not found")
	}
	return nil
}

func fetchChecked(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if err := checkCode(resp.StatusCode); err == nil { // want `retrying on 404 \(Not Found\): huaweicloud says`
			return
		}
	}
}

// Name rule status-param: negative: an attempt count compared with 404 is
// no status, so checkAttempt's error says nothing of one.
func checkAttempt(attempt int) error {
	if attempt == 404 {
		return errors.New("too many attempts")
	}
	return nil
}

func fetchCounted(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if err := checkAttempt(resp.StatusCode); err == nil {
			return
		}
	}
}

// Negative: a retry condition named as one that nothing uses reaches no
// re-send (linodego keeps such conditions under //nolint:unused).
//
//nolint:unused
func unusedServiceUnavailableRetryCondition(resp *http.Response, _ error) bool {
	return resp.StatusCode == http.StatusServiceUnavailable
}

// Negative: one that only a test calls, to check its answer, reaches no
// re-send either (linodego's conditions, called by retries_http_test.go).
func testedBadRequestRetryCondition(resp *http.Response, _ error) bool {
	return resp.StatusCode == http.StatusBadRequest
}
