// Package restful is a stub of github.com/emicklei/go-restful/v3.
package restful

import "net/http"

type Response struct {
	http.ResponseWriter
	statusCode int
}

func (r Response) StatusCode() int                                           { return r.statusCode }
func (r *Response) WriteHeaderAndEntity(status int, value interface{}) error { return nil }
func (r *Response) WriteHeaderAndJson(status int, value interface{}, contentType string) error {
	return nil
}
func (r *Response) WriteError(httpStatus int, err error) (writeErr error)     { return nil }
func (r *Response) WriteServiceError(httpStatus int, err ServiceError) error  { return nil }
func (r *Response) WriteErrorString(httpStatus int, errorReason string) error { return nil }

type ServiceError struct {
	Code    int
	Message string
	Header  http.Header
}

func (s ServiceError) Error() string { return s.Message }

func NewError(code int, message string) ServiceError {
	return ServiceError{Code: code, Message: message}
}

type Request struct{}
