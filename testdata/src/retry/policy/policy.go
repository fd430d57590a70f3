// Package policy holds retry decisions that other packages use; facts
// carry what each retries.
package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

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

// Fetch sends a request and makes an error of every status below 200 or
// above 499, as caddy's attemptHttpCall does: a fact says for which.
func Fetch(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("calling %s: %v", req.URL, err)
	} else if resp.StatusCode < 200 || resp.StatusCode > 499 {
		resp.Body.Close()
		return nil, fmt.Errorf("bad status %d", resp.StatusCode)
	}
	return resp, nil
}

// Check makes an error of a response's status, for two of them.
func Check(resp *http.Response) error {
	switch resp.StatusCode {
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusServiceUnavailable:
		return &StatusError{Code: resp.StatusCode}
	}
	var body struct{ Error string }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return fmt.Errorf("decoding: %w", err) // a read error: no status decided it
	}
	return nil
}

// ErrNotFound is a sentinel error.
var ErrNotFound = errors.New("not found")

// StatusError carries a status.
type StatusError struct{ Code int }

func (e *StatusError) Error() string { return fmt.Sprint("status ", e.Code) }

// RateLimitedError is a 429, with the wait its Retry-After gives.
type RateLimitedError struct{ RetryAfter time.Duration }

func (e *RateLimitedError) Error() string { return fmt.Sprint("rate limited for ", e.RetryAfter) }

// CodeError carries every other status but 200.
type CodeError struct{ Code int }

func (e CodeError) Error() string { return fmt.Sprint("status ", e.Code) }

// Connect sends req: a 429 is a RateLimitedError that holds the wait
// Retry-After gives, every other status but 200 a CodeError.
func Connect(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return &RateLimitedError{RetryAfter: time.Duration(secs) * time.Second}
	}
	if resp.StatusCode != http.StatusOK {
		return CodeError{Code: resp.StatusCode}
	}
	return nil
}

// RetryableErr is a decision over an error that carries its status: a
// StatusError from 500 on.
func RetryableErr(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Code >= http.StatusInternalServerError
}

// Run calls attempt again while RetryableErr says its error may be
// retried: a retry helper other packages call.
func Run(ctx context.Context, attempt func(context.Context) error) error {
	for {
		err := attempt(ctx)
		if err == nil || !RetryableErr(err) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Reopen runs send under Run and turns a failed status into a
// StatusError: it sends with send again for the 5xx RetryableErr admits.
func Reopen(ctx context.Context, send func(context.Context) (*http.Response, error)) (*http.Response, error) {
	var res *http.Response
	err := Run(ctx, func(ctx context.Context) error {
		var err error
		if res, err = send(ctx); err != nil {
			return err
		}
		if res.StatusCode >= 400 {
			return &StatusError{Code: res.StatusCode}
		}
		return nil
	})
	return res, err
}

// Get sends req and waits out up to three 429s for what their
// Retry-After says; any other failed status, and the fourth 429, are a
// StatusError. Its waits are for its own re-sends: it hands its caller
// the last 429 with no wait for the caller's re-send of it.
func Get(c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests && attempt < 3 {
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			resp.Body.Close()
			time.Sleep(time.Duration(secs) * time.Second)
			continue
		}
		if resp.StatusCode >= 400 {
			resp.Body.Close()
			return nil, &StatusError{Code: resp.StatusCode}
		}
		return resp, nil
	}
}

// Observed sends req once and makes a StatusError of a failed status. It
// shows the response's headers to labels, a hook that only names them
// (a tracer's attributes): it tells Observed nothing, so it waits for
// nothing.
func Observed(c *http.Client, req *http.Request, labels func(http.Header) []string) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	_ = labels(resp.Header)
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, &StatusError{Code: resp.StatusCode}
	}
	return resp, nil
}

// Hooked is Observed with a hook that answers: delay, given the
// response's headers, says how long to wait, and may read Retry-After.
func Hooked(c *http.Client, req *http.Request, delay func(http.Header) time.Duration) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		time.Sleep(delay(resp.Header))
		resp.Body.Close()
		return nil, &StatusError{Code: resp.StatusCode}
	}
	return resp, nil
}
