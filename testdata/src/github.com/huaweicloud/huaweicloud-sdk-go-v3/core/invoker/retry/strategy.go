// Package retry is a stub of the cloud SDK's backoff strategies.
package retry

// Strategy computes waits.
type Strategy interface {
	ComputeDelayBeforeNextRetry(retryTimes int32) int32
}

// Exponential is a Strategy.
type Exponential struct{}

func NewExponential() *Exponential                                        { return &Exponential{} }
func (e *Exponential) ComputeDelayBeforeNextRetry(retryTimes int32) int32 { return 0 }
