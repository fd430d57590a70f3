// Package runtime is a stub of github.com/go-openapi/runtime.
package runtime

import "io"

type ClientResponse interface {
	Code() int
	Message() string
	GetHeader(string) string
	GetHeaders(string) []string
	Body() io.ReadCloser
}

type APIError struct {
	OperationName string
	Response      any
	Code          int
}

func NewAPIError(opName string, payload any, code int) *APIError {
	return &APIError{OperationName: opName, Response: payload, Code: code}
}

func (o *APIError) Error() string { return o.OperationName }
