// Package app gives retry decisions to its client package's WithRetry,
// which hands them to go-retryablehttp's CheckRetry (its HookFact).
package app

import (
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"

	"retry/hooked/client"
)

// Positive: 429 without Retry-After (the client's backoff does not read
// it) and 503.
func fetch(ctx context.Context) {
	_, _ = client.Get(ctx, "https://example.com/items", client.WithRetry(func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err != nil {
			return false, err
		}
		return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable, nil // want `retrying on 503 \(Service Unavailable\) \(through WithRetry, which gives it to Client.CheckRetry\)` `retrying on 429 \(Too Many Requests\) \(through WithRetry, which gives it to Client.CheckRetry\) without reading Retry-After`
	}))
}

// Positive: the decision kept in a variable first.
func fetchKept(ctx context.Context) {
	retryOn := func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err == nil && resp.StatusCode == http.StatusForbidden, nil // want `retrying on 403 \(Forbidden\) \(through WithRetry`
	}
	_, _ = client.Get(ctx, "https://example.com/kept", client.WithRetry(retryOn))
}

// Negative: two decisions in one list; which one the request keeps is
// decided by their order at run time, so neither is judged.
func fetchTwice(ctx context.Context) {
	_, _ = client.Get(ctx, "https://example.com/twice",
		client.WithRetry(func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return err == nil && resp.StatusCode == http.StatusBadRequest, nil
		}),
		client.WithRetry(func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return err == nil && resp.StatusCode == http.StatusBadGateway, nil
		}))
}

// Negative: a decision handed to nothing.
func unused() {
	f := func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err == nil && resp.StatusCode == http.StatusNotFound, nil
	}
	_ = f
}

// Positive: a condition handed to resty's AddRetryCondition through the
// client package's method.
func fetchResty() {
	c := client.NewResty().RetryOn(func(r *resty.Response, err error) bool {
		return err == nil && r.StatusCode() == http.StatusNotFound // want `retrying on 404 \(Not Found\) \(through RetryOn, which gives it to Client.AddRetryCondition\)`
	})
	_, _ = c.Get("https://example.com/resty")
}

// Negative: a condition that retries on 502 only.
func fetchRestyGateway() {
	c := client.NewResty().RetryOn(func(r *resty.Response, err error) bool {
		return err == nil && r.StatusCode() == http.StatusBadGateway
	})
	_, _ = c.Get("https://example.com/resty")
}
