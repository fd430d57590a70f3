package loops

import (
	"errors"
	"net/http"
	"time"
)

// failure is what newFailure makes of a response.
type failure struct{ code int }

func (f failure) Error() string { return http.StatusText(f.code) }

// newFailure returns an error on every path: an error constructor.
func newFailure(resp *http.Response) error {
	f := failure{code: resp.StatusCode}
	return f
}

// checkFamily fails on a 4xx or a 5xx, by the status's class kept in a
// variable (oci's checkForSuccessfulResponse).
func checkFamily(resp *http.Response) error {
	family := resp.StatusCode / 100
	if family == 4 || family == 5 {
		return newFailure(resp)
	}
	return nil
}

// callChecked sends, and fails for the statuses checkFamily fails for
// (oci's BaseClient.Call).
func callChecked(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, checkFamily(resp)
}

// Positive: a failure goes round unless it is a 4xx: 5xx is re-sent (oci's
// federation clients).
func familyRetry(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := callChecked(c, req)
		if err == nil {
			return nil
		}
		if resp != nil && resp.StatusCode >= http.StatusBadRequest && resp.StatusCode < http.StatusInternalServerError { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return err
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// maybeFailure may return nil: no error constructor.
func maybeFailure(resp *http.Response) error {
	if resp.Header.Get("X-Ignore") != "" {
		return nil
	}
	return failure{code: resp.StatusCode}
}

// Negative: maybeFailure fails whatever the status, unless a header says
// not to: the loop repeats, no status test decides it.
func maybeRetry(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if err := maybeFailure(resp); err == nil {
			return nil
		}
	}
	return errors.New("gave up")
}
