// Package circuitbreaker is a stub of failsafe-go's circuit breakers.
package circuitbreaker

import failsafe "github.com/failsafe-go/failsafe-go"

// CircuitBreaker opens on failures.
type CircuitBreaker[R any] interface{}

// Builder builds a CircuitBreaker.
type Builder[R any] interface {
	failsafe.FailurePolicyBuilder[Builder[R], R]
	Build() CircuitBreaker[R]
}

func NewBuilder[R any]() Builder[R] { return nil }
