// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

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

// HandlerFunc handles a request.
type HandlerFunc func(c Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Route is a registered route.
type Route struct{}

// Echo is the router.
type Echo struct{}

// Group is a router under a prefix.
type Group struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group                { return &Group{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) *Group      { return g }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)               {}
func (e *Echo) Add(method, path string, handler HandlerFunc, m ...MiddlewareFunc) *Route {
	return nil
}
