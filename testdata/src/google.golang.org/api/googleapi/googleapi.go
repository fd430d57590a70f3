// Package googleapi is a stub of google.golang.org/api/googleapi.
package googleapi

import "net/http"

// Error is an error from a Google API: Code is the response's status.
type Error struct {
	Code    int           `json:"code"`
	Message string        `json:"message"`
	Details []interface{} `json:"details"`
	Body    string
	Header  http.Header
	Errors  []ErrorItem
	err     error
}

type ErrorItem struct {
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

type CallOption interface {
	Get() (key, value string)
}
