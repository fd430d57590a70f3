// Package ownerrors decides on statuses its own error types carry, and
// another package's, found by data flow.
package ownerrors

import (
	"errors"
	"net/http"

	retrygo "github.com/avast/retry-go/v4"

	"ownerr"
)

// statusError is this package's own status-carrying error.
type statusError struct{ code int }

func (e *statusError) Error() string { return "status" }

func fetchOwn(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return &statusError{code: resp.StatusCode}
	}
	return nil
}

func ownNotFound(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.code == 404 // want `raw status code 404 in comparison with se.code: use http.StatusNotFound`
}

// Another package's type, through its fact.
func theirsNotFound(err error) bool {
	var se *ownerr.StatusError
	return errors.As(err, &se) && se.Code == 404 // want `raw status code 404 in comparison with se.Code: use http.StatusNotFound`
}

// Negative: a field that holds no status.
func jobDone(j *ownerr.Job) bool { return j.Code == 404 }

// retry-go's RetryIf deciding on the status the error carries.
func retryOwn(c *http.Client, req *http.Request) error {
	return retrygo.Do(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return &statusError{code: resp.StatusCode}
		}
		return nil
	}, retrygo.RetryIf(func(err error) bool {
		var se *statusError
		if errors.As(err, &se) {
			return se.code == http.StatusBadRequest // want `retrying on 400 \(Bad Request\): huaweicloud says`
		}
		return false
	}))
}
