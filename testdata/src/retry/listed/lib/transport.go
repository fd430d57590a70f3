package lib

import (
	"io"
	"net/http"
	"time"
)

// A retrying transport whose statuses are a field its options fill, as
// go-containerregistry's retryTransport: WithStatuses(codes...) sets
// options.codes, NewRetryTransport copies it to the transport's codes, and
// each attempt, a closure retryWhile calls again while the predicate holds
// for its error, fails on the statuses listed. What a caller lists is
// re-sent (WithStatuses' facts.ListRepeat), as far as the predicate says so.

// An Option configures NewRetryTransport.
type Option func(*options)

type options struct {
	codes []int
	pred  func(error) bool
}

// WithStatuses sets the statuses to retry.
func WithStatuses(codes ...int) Option {
	return func(o *options) {
		o.codes = codes
	}
}

type retryTransport struct {
	inner http.RoundTripper
	codes []int
	pred  func(error) bool
}

// NewRetryTransport returns a transport that re-sends on the statuses its
// options list.
func NewRetryTransport(inner http.RoundTripper, opts ...Option) http.RoundTripper {
	o := &options{pred: isTemporary}
	for _, opt := range opts {
		opt(o)
	}
	return &retryTransport{inner: inner, codes: o.codes, pred: o.pred}
}

// StatusError is a response's status as an error.
type StatusError struct {
	Code      int
	temporary bool
}

func (e *StatusError) Error() string { return http.StatusText(e.Code) }

// Temporary reports whether the request may succeed later.
func (e *StatusError) Temporary() bool {
	if e.temporary {
		return true
	}
	return e.Code == http.StatusTooManyRequests || e.Code >= 500
}

// statusError reads the body, as go-containerregistry's retryError does
// before it makes its *Error: where the read succeeds, the error is the
// status's.
func statusError(resp *http.Response) error {
	if _, err := io.ReadAll(resp.Body); err != nil {
		return err
	}
	e := &StatusError{Code: resp.StatusCode}
	e.temporary = true
	return e
}

type temporary interface{ Temporary() bool }

func isTemporary(err error) bool {
	t, ok := err.(temporary)
	return ok && t.Temporary()
}

// retryWhile calls f again while pred holds for its error.
func retryWhile(f func() error, pred func(error) bool) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f(); err == nil || !pred(err) {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

func (t *retryTransport) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	attempt := func() error {
		resp, err = t.inner.RoundTrip(req)
		if err != nil {
			return err
		}
		for _, code := range t.codes {
			if resp.StatusCode == code {
				return statusError(resp)
			}
		}
		return nil
	}
	_ = retryWhile(attempt, t.pred)
	return resp, err
}
