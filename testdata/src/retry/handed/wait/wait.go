// Package wait repeats a condition until it is done, as
// k8s.io/apimachinery's wait.ExponentialBackoff does.
package wait

import (
	"errors"
	"time"
)

// ErrWaitTimeout is returned when the condition was never done.
var ErrWaitTimeout = errors.New("timed out waiting for the condition")

// ConditionFunc reports whether it is done, or an error that ends the
// wait.
type ConditionFunc func() (done bool, err error)

// ExponentialBackoff calls condition again while it is not done and
// returns no error.
func ExponentialBackoff(steps int, condition ConditionFunc) error {
	d := time.Second
	for steps > 0 {
		if ok, err := condition(); err != nil || ok {
			return err
		}
		steps--
		time.Sleep(d)
		d *= 2
	}
	return ErrWaitTimeout
}
