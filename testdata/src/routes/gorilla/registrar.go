package gorilla

import (
	"net/http"

	"github.com/gorilla/mux"
)

// gateway registers its routes through a registrar, as jaeger's API
// gateway does: addRoute wraps the handler and registers it on the router
// and path it is given; each call is a route, its method chained on the
// result.
type gateway struct{}

func (g *gateway) RegisterRoutes(router *mux.Router) {
	// Positive: the registrar's call is the route, tied to its operation.
	g.addRoute(router, g.deleteInstance, "/v2/{project}/instances/{id}").Methods(http.MethodDelete)
	// Negative: 503 is documented for GET /v2/health.
	g.addRoute(router, g.health, "/v2/health").Methods(http.MethodGet)
}

func (*gateway) addRoute(router *mux.Router, f func(http.ResponseWriter, *http.Request), route string, _ ...any) *mux.Route {
	var handler http.Handler = http.HandlerFunc(f)
	handler = logged(route, handler)
	return router.HandleFunc(route, handler.ServeHTTP)
}

func logged(route string, h http.Handler) http.Handler { return h }

func (g *gateway) deleteInstance(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\}`
}

func (g *gateway) health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable)
}

// Negative: a function with two registrations is no registrar; its
// routes' paths are its parameters, not resolved.
func twice(r *mux.Router, a, b string, h http.HandlerFunc) {
	r.HandleFunc(a, h)
	r.HandleFunc(b, h)
}

func useTwice(r *mux.Router) {
	twice(r, "/v2/health", "/v2/other", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	})
}
