// Package backoff is a stub of github.com/cenkalti/backoff/v5.
package backoff

import "context"

// Operation is retried.
type Operation[T any] func() (T, error)

// RetryOption configures Retry.
type RetryOption func(*retryOptions)

type retryOptions struct{}

func WithMaxTries(n uint) RetryOption { return nil }
func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	var t T
	return t, nil
}
func Permanent(err error) error    { return err }
func RetryAfter(seconds int) error { return nil }
