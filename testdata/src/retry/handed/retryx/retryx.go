// Package retryx retries a function while the predicate it is handed
// says its error is worth another try (go-containerregistry's
// internal/retry).
package retryx

import "retry/handed/wait"

// Predicate says whether an error is worth another try.
type Predicate func(error) (retry bool)

// Retry calls f again while p(its error) is true.
func Retry(f func() error, p Predicate, steps int) (err error) {
	condition := func() (bool, error) {
		err = f()
		if p(err) {
			return false, nil
		}
		return true, err
	}
	wait.ExponentialBackoff(steps, condition)
	return
}

// Loop is Retry written as a loop of its own.
func Loop(f func() error, p Predicate, steps int) error {
	var err error
	for range steps {
		if err = f(); !p(err) {
			return err
		}
	}
	return err
}
