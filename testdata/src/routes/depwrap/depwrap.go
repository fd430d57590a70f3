// Package depwrap wraps handlers for its callers to register
// (newrelic's WrapHandleFunc, chi's middleware): it registers no route,
// and declares no router (routes.DeclaresRouters).
package depwrap

import "net/http"

// WrapHandleFunc returns pattern and h instrumented.
func WrapHandleFunc(pattern string, h http.HandlerFunc) (string, http.HandlerFunc) { return pattern, h }

// PageRoute returns middleware that serves h at path.
func PageRoute(path string, h http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}
