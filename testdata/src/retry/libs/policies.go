package libs

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// Policies that delegate to a library's, and policies kept in variables,
// as hashicorp/vault/api does.

// Positive: delegating to retryablehttp's policy retries 503 too; its 429
// waits for Retry-After (the library's backoff), so only SL2001.
func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	retry, err := retryablehttp.DefaultRetryPolicy(ctx, resp, err) // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
	if err != nil || retry {
		return retry, err
	}
	if resp != nil && resp.StatusCode == http.StatusConflict {
		return true, nil
	}
	return false, nil
}

// Negative: vetoes 503 first, then delegates; 429 is the library's and
// waits for Retry-After.
func vetoingRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if resp != nil && resp.StatusCode == http.StatusServiceUnavailable {
		return false, nil
	}
	return retryablehttp.ErrorPropagatedRetryPolicy(ctx, resp, err)
}

// A policy kept in a variable before it reaches the client: each value
// the variable takes is checked.
func clientFromVariable(custom retryablehttp.CheckRetry) *retryablehttp.Client {
	checkRetry := custom
	if checkRetry == nil {
		checkRetry = retryablehttp.ErrorPropagatedRetryPolicy // want `retrying on 503 \(Service Unavailable\) \(through ErrorPropagatedRetryPolicy\): huaweicloud says`
	}
	return &retryablehttp.Client{CheckRetry: checkRetry}
}

// Negative: the variable only ever holds a policy that vetoes 503.
func clientFromSafeVariable() *retryablehttp.Client {
	checkRetry := vetoingRetryPolicy
	c := retryablehttp.NewClient()
	c.CheckRetry = checkRetry
	return c
}

// A backoff that honours Retry-After makes the client's 429 retries wait:
// no SL2002 for a policy set on that client.
func throttledWithBackoff() *retryablehttp.Client {
	return &retryablehttp.Client{
		Backoff: retryablehttp.RateLimitLinearJitterBackoff,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return resp != nil && resp.StatusCode == http.StatusTooManyRequests, nil
		},
	}
}

// Positive: the same policy with a backoff that does not read Retry-After.
func throttledWithoutBackoff() *retryablehttp.Client {
	return &retryablehttp.Client{
		Backoff: retryablehttp.LinearJitterBackoff,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return resp != nil && resp.StatusCode == http.StatusTooManyRequests, nil // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
		},
	}
}
