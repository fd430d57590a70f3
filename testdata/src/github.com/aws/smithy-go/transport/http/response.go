// Package http is a stub of github.com/aws/smithy-go/transport/http.
package http

import "net/http"

type Response struct {
	*http.Response
}

// ResponseError is the error of a service call that got a response.
type ResponseError struct {
	Response *Response
	Err      error
}

func (e *ResponseError) HTTPStatusCode() int { return e.Response.StatusCode }

func (e *ResponseError) Unwrap() error { return e.Err }

func (e *ResponseError) Error() string { return "" }
