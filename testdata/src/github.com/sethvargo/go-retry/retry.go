// Package retry is a stub of github.com/sethvargo/go-retry.
package retry

import (
	"context"
	"time"
)

// Backoff computes waits.
type Backoff interface {
	Next() (next time.Duration, stop bool)
}

// RetryFunc is retried.
type RetryFunc func(ctx context.Context) error

func NewConstant(t time.Duration) Backoff                  { return nil }
func Do(ctx context.Context, b Backoff, f RetryFunc) error { return nil }
func RetryableError(err error) error                       { return err }
