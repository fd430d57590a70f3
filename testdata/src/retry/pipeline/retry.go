// Package pipeline is a pipeline's retry policy in azcore's shape: each
// try sends a clone of the request to the next policy (req.Clone(ctx).Next()),
// a user's ShouldRetry overrides the status list, and the default list
// comes from setDefaults; the list test and the Retry-After reader are in
// another package.
package pipeline

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"retry/azshared"
)

func setDefaults(o *policy.RetryOptions) {
	if o.MaxRetries == 0 {
		o.MaxRetries = 3
	}
	if o.StatusCodes == nil {
		o.StatusCodes = []int{
			http.StatusRequestTimeout,
			http.StatusTooManyRequests,
			http.StatusInternalServerError,
			http.StatusServiceUnavailable,
		}
	}
}

// HasStatusCode wraps the shared test, as azcore's runtime does.
func HasStatusCode(resp *http.Response, statusCodes ...int) bool {
	return azshared.HasStatusCode(resp, statusCodes...)
}

type retryPolicy struct{ options policy.RetryOptions }

// Positive: 503 of the default list is re-sent unchanged; 429 waits for
// Retry-After (azshared.RetryAfter), so it is no SL2002. The send is in
// both branches of a per-try timeout, each building its clone first.
func (p *retryPolicy) Do(req *policy.Request) (resp *http.Response, err error) {
	options := p.options
	setDefaults(&options)
	try := int32(1)
	for {
		resp = nil
		if err = req.RewindBody(); err != nil {
			return
		}
		var clone *policy.Request
		if options.MaxRetries > 5 {
			clone = req.Clone(req.Raw().Context())
			resp, err = clone.Next()
		} else {
			ctx, cancel := context.WithTimeout(req.Raw().Context(), time.Minute)
			clone = req.Clone(ctx)
			resp, err = clone.Next()
			cancel()
		}
		if ctxErr := req.Raw().Context().Err(); ctxErr != nil {
			err = ctxErr
			return
		}
		if options.ShouldRetry != nil {
			if !options.ShouldRetry(resp, err) {
				return
			}
		} else if err == nil && !HasStatusCode(resp, options.StatusCodes...) { // want `retrying on 503 \(Service Unavailable\)`
			return
		}
		if try == options.MaxRetries+1 {
			return
		}
		delay := azshared.RetryAfter(resp)
		if delay <= 0 {
			delay = time.Second
		}
		select {
		case <-time.After(delay):
			try++
		case <-req.Raw().Context().Done():
			return
		}
	}
}

// Negative: each try but the first marks the request before it sends it,
// through the request's Raw(): a changed request.
func (p *retryPolicy) DoMarked(req *policy.Request) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		if try > 0 {
			req.Raw().Header.Set("X-Retry-Count", strconv.Itoa(try))
			resp, err = req.Next()
		} else {
			resp, err = req.Next()
		}
		if err == nil && !HasStatusCode(resp, http.StatusServiceUnavailable) {
			return
		}
	}
	return
}

// Negative: the request is changed after the send, through Raw().
func (p *retryPolicy) DoChanged(req *policy.Request) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		resp, err = req.Next()
		if err == nil && !HasStatusCode(resp, http.StatusServiceUnavailable) {
			return
		}
		req.Raw().Header.Set("X-Retry-Count", strconv.Itoa(try))
		time.Sleep(time.Second)
	}
	return
}

// Negative: the same policy with a list that holds no status the table
// forbids re-sending, and waits of its own.
func (p *retryPolicy) DoTransient(req *policy.Request) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		resp, err = req.Clone(req.Raw().Context()).Next()
		if err == nil && !HasStatusCode(resp, http.StatusRequestTimeout, http.StatusBadGateway) {
			return
		}
		time.Sleep(time.Second)
	}
	return
}

// Positive: without Retry-After read, 429 in the list is SL2002.
func (p *retryPolicy) DoNoWait(req *policy.Request) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		resp, err = req.Next()
		if err == nil && !HasStatusCode(resp, http.StatusTooManyRequests) { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
	return
}

// Negative: a list the caller gives is not known here.
func (p *retryPolicy) DoCodes(req *policy.Request, codes []int) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		resp, err = req.Next()
		if err == nil && !HasStatusCode(resp, codes...) {
			return
		}
		time.Sleep(time.Second)
	}
	return
}

// Positive: the shared reader's wait (its fact: it returns how long
// Retry-After says) is only printed; the loop waits a second.
func (p *retryPolicy) DoNoted(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	for try := 0; try < 3; try++ {
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		println("server asks for", int64(azshared.RetryAfter(resp)))
		time.Sleep(time.Second)
	}
	return
}
