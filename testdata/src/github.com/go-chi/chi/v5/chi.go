// Package chi is a stub of github.com/go-chi/chi/v5 with the real
// signatures of the methods the fixtures use.
package chi

import "net/http"

// Router is chi's router interface.
type Router interface {
	http.Handler
	Route(pattern string, fn func(r Router)) Router
	Group(fn func(r Router)) Router
	Get(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Delete(pattern string, h http.HandlerFunc)
	Method(method, pattern string, h http.Handler)
	With(middlewares ...func(http.Handler) http.Handler) Router
}

// Mux is chi's router.
type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)    {}
func (mx *Mux) Route(pattern string, fn func(r Router)) Router      { return mx }
func (mx *Mux) Group(fn func(r Router)) Router                      { return mx }
func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)      {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)     {}
func (mx *Mux) Delete(pattern string, handlerFn http.HandlerFunc)   {}
func (mx *Mux) Method(method, pattern string, handler http.Handler) {}
func (mx *Mux) With(middlewares ...func(http.Handler) http.Handler) Router {
	return mx
}

func (mx *Mux) Mount(pattern string, handler http.Handler) {}
