// Package retrypolicy is a stub of failsafe-go's retry policies.
package retrypolicy

import failsafe "github.com/failsafe-go/failsafe-go"

// RetryPolicy retries.
type RetryPolicy[R any] interface{}

// Builder builds a RetryPolicy.
type Builder[R any] interface {
	failsafe.FailurePolicyBuilder[Builder[R], R]
	WithMaxRetries(maxRetries int) Builder[R]
	Build() RetryPolicy[R]
}

func NewBuilder[R any]() Builder[R] { return nil }
