// Package exported is a stub of azcore's internal/exported.
package exported

import "net/http"

type ResponseError struct {
	ErrorCode   string
	StatusCode  int
	RawResponse *http.Response `json:"-"`
	errMsg      string
}

func (e *ResponseError) Error() string { return e.errMsg }
