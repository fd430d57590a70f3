package recursive

import (
	"net/http"
	"time"
)

// respError keeps the response's headers, as gophercloud's
// ErrUnexpectedResponseCode does.
type respError struct {
	Status int
	Header http.Header
}

type hookClient struct {
	hc *http.Client
	// backoff is the user's: it is handed the error with the headers.
	backoff func(*respError, int) error
	// pause is the user's too, but given only the attempt.
	pause func(attempt int) time.Duration
	// listen is told of each response (huaweicloud's ResponseHandlers):
	// it answers nothing, so nothing waits on it.
	listen func(http.Response)
}

// Negative: on 429 the re-send waits for the user's hook, handed the
// response's headers: how long is the user's to choose, Retry-After
// included.
func (c *hookClient) do(req *http.Request, tries int) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests && c.backoff != nil && tries < 3 {
		if err := c.backoff(&respError{Status: resp.StatusCode, Header: resp.Header}, tries); err != nil {
			return nil, err
		}
		return c.do(req, tries+1)
	}
	return resp, nil
}

// Positive: a hook handed only the attempt cannot read Retry-After.
func (c *hookClient) doPaused(req *http.Request, tries int) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests && tries < 3 { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
		time.Sleep(c.pause(tries))
		return c.doPaused(req, tries+1)
	}
	return resp, nil
}

// Positive: a listener handed the response answers nothing the re-send
// could wait on.
func (c *hookClient) doListened(req *http.Request, tries int) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if c.listen != nil {
		c.listen(*resp)
	}
	if resp.StatusCode == http.StatusTooManyRequests && tries < 3 { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
		time.Sleep(time.Second)
		return c.doListened(req, tries+1)
	}
	return resp, nil
}
