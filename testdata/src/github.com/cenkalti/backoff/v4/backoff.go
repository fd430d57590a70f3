// Package backoff is a stub of github.com/cenkalti/backoff/v4.
package backoff

import "time"

// BackOff computes waits.
type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

// Operation is retried.
type Operation func() error

// OperationWithData is retried.
type OperationWithData[T any] func() (T, error)

// ExponentialBackOff is a backoff.
type ExponentialBackOff struct{}

func (b *ExponentialBackOff) NextBackOff() time.Duration { return 0 }
func (b *ExponentialBackOff) Reset()                     {}

// ExponentialBackOffOpts configures a backoff.
type ExponentialBackOffOpts func(*ExponentialBackOff)

func NewExponentialBackOff(opts ...ExponentialBackOffOpts) *ExponentialBackOff { return nil }
func Retry(o Operation, b BackOff) error                                       { return nil }
func RetryWithData[T any](o OperationWithData[T], b BackOff) (T, error)        { var t T; return t, nil }
func Permanent(err error) error                                                { return err }
