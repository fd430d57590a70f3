// Package client hands a caller's retry decision to go-retryablehttp
// through the request's context, as gitlab's client-go does: WithRetry
// stores it, Get reads it back and makes a client with it. The decision
// is never set where it is written.
package client

import (
	"context"
	"net/http"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

type ctxKey struct{}

var checkKey = &ctxKey{}

// An Option changes a request's context.
type Option func(ctx context.Context) context.Context

func withCheck(ctx context.Context, f retryablehttp.CheckRetry) context.Context {
	return context.WithValue(ctx, checkKey, f)
}

func checkFrom(ctx context.Context) retryablehttp.CheckRetry {
	v := ctx.Value(checkKey)
	if v == nil {
		return nil
	}
	return v.(retryablehttp.CheckRetry)
}

// WithRetry makes the request retried as f decides.
func WithRetry(f retryablehttp.CheckRetry) Option {
	return func(ctx context.Context) context.Context { return withCheck(ctx, f) }
}

// Get sends a GET, retried as its options decide.
func Get(ctx context.Context, url string, opts ...Option) (*http.Response, error) {
	for _, o := range opts {
		ctx = o(ctx)
	}
	c := &retryablehttp.Client{Backoff: retryablehttp.LinearJitterBackoff}
	if f := checkFrom(ctx); f != nil {
		c = clientWith(f)
	}
	return c.Get(url)
}

// clientWith makes the client: its backoff does not read Retry-After.
func clientWith(f retryablehttp.CheckRetry) *retryablehttp.Client {
	return &retryablehttp.Client{CheckRetry: f, Backoff: retryablehttp.LinearJitterBackoff}
}

// Positive: a decision handed through the context in the package itself.
func getRetryingMissing(ctx context.Context) {
	ctx = withCheck(ctx, func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err == nil && resp.StatusCode == http.StatusNotFound, nil // want `retrying on 404 \(Not Found\) \(through withCheck, which gives it to Client.CheckRetry\): huaweicloud says`
	})
	_, _ = Get(ctx, "https://example.com/a")
}

// Negative: a decision that re-sends only on 502.
func getRetryingGateway(ctx context.Context) {
	ctx = withCheck(ctx, func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err == nil && resp.StatusCode == http.StatusBadGateway, nil
	})
	_, _ = Get(ctx, "https://example.com/b")
}
