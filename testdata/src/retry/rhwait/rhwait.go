// Package rhwait gives go-retryablehttp clients its own retry policy: the
// client NewClient makes waits as Retry-After says (its Backoff is
// DefaultBackoff) until the package sets another backoff.
package rhwait

import (
	"context"
	"net/http"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

func newClient() *retryablehttp.Client {
	r := retryablehttp.NewClient()
	r.RetryMax = 4
	r.CheckRetry = RetryPolicy
	return r
}

// RetryPolicy re-sends 429 and the 5xx but 500: 503 is at fault; the
// client waits for Retry-After on 429.
func RetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if err != nil {
		return true, nil
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 502 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
		return true, nil
	}
	return false, nil
}

func newLinearClient() *retryablehttp.Client {
	r := retryablehttp.NewClient()
	r.Backoff = retryablehttp.LinearJitterBackoff
	r.CheckRetry = linearRetryPolicy
	return r
}

// Positive: the client's backoff no longer reads Retry-After.
func linearRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return err == nil && resp.StatusCode == http.StatusTooManyRequests, nil // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
}
