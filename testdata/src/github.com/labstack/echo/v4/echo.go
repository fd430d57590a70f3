// Package echo is a stub of github.com/labstack/echo/v4.
package echo

// Context is the request context.
type Context interface {
	String(code int, s string) error
	JSON(code int, i any) error
	Blob(code int, contentType string, b []byte) error
	NoContent(code int) error
	Redirect(code int, url string) error
	Param(name string) string
}

// HTTPError is an error with a status.
type HTTPError struct {
	Internal error       `json:"-"`
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

func (he *HTTPError) Error() string { return "" }

func NewHTTPError(code int, message ...interface{}) *HTTPError { return &HTTPError{Code: code} }
