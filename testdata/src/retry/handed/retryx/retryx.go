// Package retryx retries a function while the predicate it is handed
// says its error is worth another try (go-containerregistry's
// internal/retry).
package retryx

import (
	"context"
	"errors"

	"github.com/cenkalti/backoff/v4"

	"retry/handed/wait"
)

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

// Backoff runs f again as backoff.Retry does: while it returns an error
// backoff.Permanent does not wrap.
func Backoff(f func() error) error {
	return backoff.Retry(f, backoff.NewExponentialBackOff())
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

// temporary is what an error that may go away implements.
type temporary interface {
	Temporary() bool
}

// IsTemporary reports whether err says it is temporary: a decision by
// the error's own method, whose statuses each error type says.
func IsTemporary(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if te, ok := err.(temporary); ok && te.Temporary() {
		return true
	}
	return false
}

// IsTemporaryAs is IsTemporary written with errors.As into a variable of
// the interface: the same decision by the error's own method.
func IsTemporaryAs(err error) bool {
	var te temporary
	return errors.As(err, &te) && te.Temporary()
}
