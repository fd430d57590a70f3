// Package apperr is an error that keeps the status the API answers, and
// the writers that answer it: handlers hand them their services' errors
// (routes/carried).
package apperr

import (
	"errors"
	"net/http"
)

// Error is an error with the status to answer.
type Error struct {
	code int
	err  error
}

// New returns an error that answers code.
func New(code int, err error) *Error { return &Error{code: code, err: err} }

func (e *Error) Error() string { return e.err.Error() }

// Status is the status the error answers.
func (e *Error) Status() int { return e.code }

// Respond writes the status err carries, or 500 for another error.
func Respond(w http.ResponseWriter, err error) { // want Respond:"writes\\[500\\]" Respond:"writesCarried\\[1:apperr.Error\\]"
	code := http.StatusInternalServerError
	switch e := err.(type) {
	case *Error:
		code = e.Status()
	}
	w.WriteHeader(code)
}

// RespondAs is Respond through errors.As.
func RespondAs(w http.ResponseWriter, err error) { // want RespondAs:"writes\\[500\\]" RespondAs:"writesCarried\\[1:apperr.Error\\]"
	var e *Error
	if errors.As(err, &e) {
		w.WriteHeader(e.Status())
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}

// Text writes the error's text, with a status of its own: no status
// the error carries.
func Text(w http.ResponseWriter, err error) { // want Text:"writes\\[502\\]"
	http.Error(w, err.Error(), http.StatusBadGateway)
}
