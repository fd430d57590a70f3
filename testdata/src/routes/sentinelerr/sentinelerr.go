// Package sentinelerr is a store's error variables, the functions that
// return them, and the writers that answer them by comparing the error
// they are given with each: handlers hand them their errors
// (routes/sentinels).
package sentinelerr

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"routes/sentinelstore"
)

var (
	ErrNotFound = errors.New("not found") // want ErrNotFound:"plainError"
	ErrConflict = errors.New("conflict")  // want ErrConflict:"plainError"
	ErrGone     = errors.New("gone")      // want ErrGone:"plainError"
	// ErrMissing wraps ErrNotFound: not plain.
	ErrMissing = fmt.Errorf("%w: missing", ErrNotFound)
)

// Write answers 404 for an error that is or wraps ErrNotFound, 409 for
// ErrConflict, 410 for ErrGone itself (compared, not unwrapped), and 500
// for any other.
func Write(w http.ResponseWriter, err error) { // want Write:"writes\\[404 409 500 410\\]" Write:"writesCarried\\[1:sentinelerr.ErrNotFound=404 1:%w sentinelerr.ErrNotFound=404 1:sentinelerr.ErrConflict=409 1:%w sentinelerr.ErrConflict=409 1:sentinelerr.ErrGone=410 1:%w sentinelerr.ErrGone=500\\]"
	switch {
	case errors.Is(err, ErrNotFound):
		http.Error(w, err.Error(), http.StatusNotFound)
	case errors.Is(err, ErrConflict):
		http.Error(w, err.Error(), http.StatusConflict)
	default:
		code := http.StatusInternalServerError
		if err == ErrGone {
			code = http.StatusGone
		}
		http.Error(w, err.Error(), code)
	}
}

// WriteLocked answers 404 for ErrNotFound and 423 for the store's
// ErrLocked: that ErrLocked is not ErrNotFound is known by its package's
// fact (it wraps no other error).
func WriteLocked(w http.ResponseWriter, err error) { // want WriteLocked:"writes\\[404 423\\]" WriteLocked:"writesCarried\\[1:sentinelerr.ErrNotFound=404 1:%w sentinelerr.ErrNotFound=404 1:sentinelstore.ErrLocked=423 1:%w sentinelstore.ErrLocked=423\\]"
	if errors.Is(err, ErrNotFound) {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if errors.Is(err, sentinelstore.ErrLocked) {
		w.WriteHeader(http.StatusLocked)
	}
}

// statusOf maps the package's errors to their statuses.
var statusOf = map[error]int{
	ErrNotFound: http.StatusNotFound,
	ErrGone:     http.StatusGone,
}

// WriteMapped answers the status statusOf gives the error itself, and
// 500 for any other: an error that wraps ErrNotFound is no key.
func WriteMapped(w http.ResponseWriter, err error) { // want WriteMapped:"writes\\[500\\]" WriteMapped:"writesCarried\\[1:sentinelerr.ErrGone=410 1:%w sentinelerr.ErrGone=500 1:sentinelerr.ErrNotFound=404 1:%w sentinelerr.ErrNotFound=500\\]"
	code, ok := statusOf[err]
	if !ok {
		code = http.StatusInternalServerError
	}
	w.WriteHeader(code)
}

// WriteCode writes the status codeFor picks.
func WriteCode(w http.ResponseWriter, err error) { // want WriteCode:"writes\\[409 400\\]" WriteCode:"writesCarried\\[1:sentinelerr.ErrConflict=409 1:%w sentinelerr.ErrConflict=409\\]"
	w.WriteHeader(codeFor(err))
}

func codeFor(err error) int {
	if errors.Is(err, ErrConflict) {
		return http.StatusConflict
	}
	return http.StatusBadRequest
}

// ByText picks the status by the error's text first: what it answers
// for a sentinel is not known.
func ByText(w http.ResponseWriter, err error) { // want ByText:"writes\\[404 409\\]"
	if strings.Contains(err.Error(), "missing") {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if errors.Is(err, ErrConflict) {
		w.WriteHeader(http.StatusConflict)
	}
}

// Find returns ErrNotFound wrapped.
func Find(id string) error { // want Find:"carries\\[%w sentinelerr.ErrNotFound\\]"
	if id == "" {
		return fmt.Errorf("find %q: %w", id, ErrNotFound)
	}
	return nil
}

// Remove returns ErrGone, or ErrConflict wrapped.
func Remove(id string) error { // want Remove:"carries\\[%w sentinelerr.ErrConflict sentinelerr.ErrGone\\]"
	if id == "busy" {
		return fmt.Errorf("remove: %w", ErrConflict)
	}
	return ErrGone
}

// Expire returns ErrGone wrapped: Write answers it 500, not 410.
func Expire(id string) error { // want Expire:"carries\\[%w sentinelerr.ErrGone\\]"
	return fmt.Errorf("expire %s: %w", id, ErrGone)
}

// Describe formats ErrConflict with %v: the error wraps nothing.
func Describe(id string) error {
	return fmt.Errorf("describe %s: %v", id, ErrConflict)
}
