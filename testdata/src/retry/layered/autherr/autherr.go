// Package autherr translates the core's error into typed errors by
// status, as dropbox's auth.ParseError does.
package autherr

import (
	"net/http"

	"retry/layered/base"
)

// ServerError is a 5xx.
type ServerError struct{ Summary string }

func (e ServerError) Error() string { return e.Summary }

// RateLimitError is a 429.
type RateLimitError struct{ Summary string }

func (e RateLimitError) Error() string { return e.Summary }

// BadRequest is a 400.
type BadRequest struct{ Summary string }

func (e BadRequest) Error() string { return e.Summary }

// ParseError returns the typed error for err's status, or err.
func ParseError(err error) error {
	sdkErr, ok := err.(base.InternalError)
	if !ok {
		return err
	}
	if sdkErr.StatusCode >= 500 && sdkErr.StatusCode <= 599 {
		return ServerError{Summary: sdkErr.Content}
	}
	switch sdkErr.StatusCode {
	case http.StatusBadRequest:
		return BadRequest{Summary: sdkErr.Content}
	case http.StatusTooManyRequests:
		return RateLimitError{Summary: sdkErr.Content}
	}
	return err
}
