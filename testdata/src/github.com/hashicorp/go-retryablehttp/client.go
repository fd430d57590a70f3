// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp.
package retryablehttp

import (
	"context"
	"net/http"
)

// CheckRetry decides whether to retry.
type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

// Client retries requests.
type Client struct {
	HTTPClient *http.Client
	RetryMax   int
	CheckRetry CheckRetry
}

func NewClient() *Client { return &Client{CheckRetry: DefaultRetryPolicy} }

func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func ErrorPropagatedRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func (c *Client) Get(url string) (*http.Response, error) { return nil, nil }
