// Package app retries registry calls through a helper that hands
// retryx.Retry a predicate of its own (gcrane's backoffErrors).
package app

import (
	"errors"
	"io"
	"net/http"

	"retry/handed/registry"
	"retry/handed/retryx"
)

func hasStatusCode(err error, code int) bool {
	if err == nil {
		return false
	}
	var terr *registry.Error
	if errors.As(err, &terr) {
		if terr.StatusCode == code {
			return true
		}
	}
	return false
}

func isServerError(err error) bool {
	if err == nil {
		return false
	}
	var terr *registry.Error
	if errors.As(err, &terr) {
		return terr.StatusCode >= 500
	}
	return false
}

// backoffErrors retries f on 429 and 5xx.
func backoffErrors(f func() error) error {
	p := func(err error) bool {
		b := hasStatusCode(err, http.StatusTooManyRequests) || isServerError(err)
		return b
	}
	return retryx.Retry(f, p, 10)
}

// backoffConflicts retries f on 409 only: no status the table counts.
func backoffConflicts(f func() error) error {
	return retryx.Retry(f, func(err error) bool { return hasStatusCode(err, http.StatusConflict) }, 10)
}

// Tags re-lists the same repository after 429 and 5xx.
func Tags(repo string) ([]string, error) {
	var tags []string
	err := backoffErrors(func() error { // want `retrying on 503 \(Service Unavailable\)` `retrying on 429 \(Too Many Requests\) \(through backoffErrors\) without reading Retry-After`
		var err error
		tags, err = registry.List(repo)
		return err
	})
	return tags, err
}

// TagsOnConflict re-lists only after 409.
func TagsOnConflict(repo string) ([]string, error) {
	var tags []string
	err := backoffConflicts(func() error {
		var err error
		tags, err = registry.List(repo)
		return err
	})
	return tags, err
}

// TagsLooping re-lists through the loop helper, handed isServerError.
func TagsLooping(repo string) ([]string, error) {
	var tags []string
	err := retryx.Loop(func() error { // want `retrying on 503 \(Service Unavailable\)`
		var err error
		tags, err = registry.List(repo)
		return err
	}, isServerError, 3)
	return tags, err
}

// defaultPredicate is the predicate a pusher retries with unless an
// option gives another (go-containerregistry's defaultRetryPredicate).
var defaultPredicate retryx.Predicate = func(err error) bool {
	return isServerError(err)
}

type options struct {
	predicate retryx.Predicate
}

// An Option sets an option of a pusher.
type Option func(*options)

// WithPredicate sets the predicate: the user's, which nothing here knows.
func WithPredicate(p retryx.Predicate) Option {
	return func(o *options) { o.predicate = p }
}

// pusher keeps the predicate it was made with in a field.
type pusher struct {
	predicate  retryx.Predicate
	onConflict retryx.Predicate
	given      retryx.Predicate
}

func newPusher(given retryx.Predicate, opts ...Option) *pusher {
	o := &options{predicate: defaultPredicate}
	for _, opt := range opts {
		opt(o)
	}
	return &pusher{
		predicate:  o.predicate,
		onConflict: func(err error) bool { return hasStatusCode(err, http.StatusConflict) },
		given:      given,
	}
}

// Push re-lists after 5xx by default: the field holds defaultPredicate
// unless an option replaces it.
func (p *pusher) Push(repo string) error {
	return retryx.Retry(func() error { // want `retrying on 503 \(Service Unavailable\)`
		_, err := registry.List(repo)
		return err
	}, p.predicate, 3)
}

// PushOnConflict retries only after 409, which the table does not count.
func (p *pusher) PushOnConflict(repo string) error {
	return retryx.Retry(func() error {
		_, err := registry.List(repo)
		return err
	}, p.onConflict, 3)
}

// PushGiven retries with the caller's predicate, which nothing here knows.
func (p *pusher) PushGiven(repo string) error {
	return retryx.Retry(func() error {
		_, err := registry.List(repo)
		return err
	}, p.given, 3)
}

// defaultRetryPredicate retries what says it is temporary, and a body
// cut short: what IsTemporary decides is what the error's type says.
var defaultRetryPredicate retryx.Predicate = func(err error) bool {
	return retryx.IsTemporary(err) || errors.Is(err, io.ErrUnexpectedEOF)
}

// TagsTemporary re-lists while the error says it is temporary: a
// *registry.Error is, by its status, for 429, 500 and 503.
func TagsTemporary(repo string) error {
	return retryx.Retry(func() error { // want `retrying on 503 \(Service Unavailable\)` `retrying on 429 \(Too Many Requests\) \(through Retry\) without reading Retry-After`
		_, err := registry.List(repo)
		return err
	}, retryx.IsTemporary, 3)
}

// TagsByDefault hands Retry the package's predicate, which asks the same.
func TagsByDefault(repo string) error {
	return retryx.Retry(func() error { // want `retrying on 503 \(Service Unavailable\)` `retrying on 429 \(Too Many Requests\) \(through Retry\) without reading Retry-After`
		_, err := registry.List(repo)
		return err
	}, defaultRetryPredicate, 3)
}

// HeadTemporary re-checks while a *registry.FlakyError says it is
// temporary: its Temporary asks a flag, not the status, so no status is
// sure to be retried.
func HeadTemporary(repo string) error {
	return retryx.Retry(func() error {
		return registry.Head(repo)
	}, retryx.IsTemporary, 3)
}

// TagsTemporaryAs is TagsTemporary with the errors.As form of the
// predicate: the same statuses.
func TagsTemporaryAs(repo string) error {
	return retryx.Retry(func() error { // want `retrying on 503 \(Service Unavailable\)` `retrying on 429 \(Too Many Requests\) \(through Retry\) without reading Retry-After`
		_, err := registry.List(repo)
		return err
	}, retryx.IsTemporaryAs, 3)
}

// HeadTemporaryAs is HeadTemporary with the errors.As form: still no
// status is sure to be retried.
func HeadTemporaryAs(repo string) error {
	return retryx.Retry(func() error {
		return registry.Head(repo)
	}, retryx.IsTemporaryAs, 3)
}

// TagsBackoff re-lists through retryx.Backoff, which hands its operation
// to backoff: every status the list's error carries goes round.
func TagsBackoff(repo string) ([]string, error) {
	var tags []string
	err := retryx.Backoff(func() error {
		var err error
		tags, err = registry.List(repo)
		return err // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\)` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
	})
	return tags, err
}
