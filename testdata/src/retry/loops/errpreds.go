package loops

import (
	"errors"
	"io"
	"net/http"
	"time"
)

// apiError carries the status, as an SDK's error does.
type apiError struct{ StatusCode int }

func (e *apiError) Error() string { return http.StatusText(e.StatusCode) }

func checkAPI(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return &apiError{StatusCode: resp.StatusCode}
	}
	return nil
}

// isFatal is a decision over an error: a client error that will not
// succeed on retry (anthropic's isFatal4xx).
func isFatal(err error) bool {
	var apiErr *apiError
	if !errors.As(err, &apiErr) {
		return false
	}
	c := apiErr.StatusCode
	return c >= http.StatusBadRequest && c < http.StatusInternalServerError && c != http.StatusRequestTimeout && c != http.StatusConflict && c != http.StatusTooManyRequests
}

// shouldRetryErr retries a broken body whatever the status, and 404 and
// 5xx by the status the error carries (gcs's ShouldRetry).
func shouldRetryErr(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	switch e := err.(type) {
	case *apiError:
		return e.StatusCode == http.StatusNotFound || e.StatusCode >= 500
	}
	return false
}

// onlyBrokenBody decides on no status.
func onlyBrokenBody(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF)
}

// Positive: the loop goes round on every error isFatal does not call
// fatal: 429 and 5xx among those the error carries.
func untilFatal(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		err = checkAPI(resp)
		if err == nil || isFatal(err) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return err
		}
		time.Sleep(time.Second)
	}
}

// Positive: a decision over an error that retries 404 and 5xx.
func whileRetryable(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if err := checkAPI(resp); err != nil && shouldRetryErr(err) { // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return nil
	}
}

// Negative: the transport's error carries no status, whatever the
// decision says of one.
func transportErrOnly(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil && shouldRetryErr(err) {
			continue
		}
		return resp, err
	}
}

// Negative: a decision on no status retries none.
func brokenBodyOnly(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if err := checkAPI(resp); onlyBrokenBody(err) {
			continue
		}
		return nil
	}
}
