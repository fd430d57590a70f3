// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp.
package retryablehttp

import (
	"context"
	"net/http"
	"time"
)

// Backoff decides how long to wait between retries.
type Backoff func(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration

// DefaultBackoff honours Retry-After.
func DefaultBackoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	return min
}

// LinearJitterBackoff does not read Retry-After.
func LinearJitterBackoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	return min
}

// RateLimitLinearJitterBackoff honours Retry-After.
func RateLimitLinearJitterBackoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	return min
}

// CheckRetry decides whether to retry.
type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

// Client retries requests.
type Client struct {
	HTTPClient *http.Client
	RetryMax   int
	CheckRetry CheckRetry
	Backoff    Backoff
}

func NewClient() *Client { return &Client{CheckRetry: DefaultRetryPolicy} }

func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func ErrorPropagatedRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func (c *Client) Get(url string) (*http.Response, error) { return nil, nil }
