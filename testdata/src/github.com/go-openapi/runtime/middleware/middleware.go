// Package middleware is a stub of github.com/go-openapi/runtime/middleware.
package middleware

import (
	"net/http"

	"github.com/go-openapi/runtime"
)

// Responder writes a response.
type Responder interface {
	WriteResponse(http.ResponseWriter, runtime.Producer)
}

// RequestBinder binds a request to an operation's parameters.
type RequestBinder interface {
	BindRequest(*http.Request, *MatchedRoute) error
}

// MatchedRoute is the route a request matched.
type MatchedRoute struct {
	Produces []string
	Consumer runtime.Consumer
}

// Context is a generated API's context.
type Context struct{}

// RouteInfo returns the request's route.
func (c *Context) RouteInfo(r *http.Request) (*MatchedRoute, *http.Request, bool) {
	return &MatchedRoute{}, r, true
}

// BindValidRequest binds the request with binder.
func (c *Context) BindValidRequest(r *http.Request, route *MatchedRoute, binder RequestBinder) error {
	return binder.BindRequest(r, route)
}

// Respond writes data, a responder or an error.
func (c *Context) Respond(rw http.ResponseWriter, r *http.Request, produces []string, route *MatchedRoute, data any) {
}

type notImplemented struct{}

func (notImplemented) WriteResponse(rw http.ResponseWriter, p runtime.Producer) {}

// NotImplemented answers 501.
func NotImplemented(message string) Responder { return notImplemented{} }

type errorResponder struct{ code int }

func (e errorResponder) WriteResponse(rw http.ResponseWriter, p runtime.Producer) {
	rw.WriteHeader(e.code)
}

// Error answers code.
func Error(code int, data any, headers ...http.Header) Responder { return errorResponder{code: code} }
