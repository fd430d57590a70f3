// Package chi registers handlers on chi routers, with Route and Group.
package chi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func routes() {
	r := chi.NewRouter()
	r.Route("/v2/{project}", func(r chi.Router) {
		r.Group(func(r chi.Router) {
			// Positive: a prefix from Route, through Group.
			r.Post("/instances", func(w http.ResponseWriter, req *http.Request) {
				http.Error(w, "busy", http.StatusConflict) // want `status 409 \(Conflict\) in http.Error is not documented for POST /v2/\{project_id\}/instances`
			})
		})
		// Negative: a regular-expression parameter; documented.
		r.Delete("/instances/{id:[0-9]+}", func(w http.ResponseWriter, req *http.Request) {
			w.WriteHeader(http.StatusConflict)
		})
		// Positive: Method with a constant method, not in the spec.
		r.Method("PATCH", "/instances/{id}", http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {})) // want `route PATCH /v2/\{project\}/instances/\{id\} is not in routes.yaml`
	})
}

// Negative: a router handed elsewhere may be mounted under a prefix
// (here Mount("/v2/{project}", api)): its routes are not reported as
// missing from the spec.
func mounted(root *chi.Mux) {
	api := chi.NewRouter()
	api.Get("/instances", func(w http.ResponseWriter, req *http.Request) {})
	root.Mount("/v2/{project}", api)
}

// A router returned to the caller, with full paths: a route that matches
// an operation is still checked against it.
func returned() *chi.Mux {
	r := chi.NewRouter()
	r.Get("/v2/{project}/instances", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable) // want `status 503 \(Service Unavailable\) in WriteHeader is not documented for GET /v2/\{project_id\}/instances`
	})
	return r
}

// Positive: a router mounted under a prefix on a known router gets it.
func mountedKnown() {
	r := chi.NewRouter()
	api := chi.NewRouter()
	api.Post("/instances", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusNoContent) // want `status 204 \(No Content\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances`
	})
	r.Mount("/v2/{project}", api)
}

// Positive: a literal route beside a route of the same router with a
// parameter there. chi serves /instances/count with its own handler, so
// the spec's GET /{project_id}/instances/{instance_id} is the parameter
// route's operation, and the literal route is one the spec lacks.
func siblings() {
	r := chi.NewRouter()
	r.Route("/v2/{project}/instances", func(r chi.Router) {
		r.Get("/{id}", func(w http.ResponseWriter, req *http.Request) {})
		r.Get("/count", func(w http.ResponseWriter, req *http.Request) {}) // want `route GET /v2/\{project\}/instances/count is not in routes.yaml`
	})
}

// Negative: a literal route alone is the operation whose parameter takes
// its segment; the router has no parameter route to serve it apart.
func alone() {
	r := chi.NewRouter()
	r.Delete("/v2/{project}/instances/latest", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
}

// paginate is a middleware for one route.
func paginate(next http.Handler) http.Handler { return next }

// Positive and negative: With gives one route its middleware on a router
// under the same prefix, so a route registered on what it returns is the
// operation of its router's prefix and path (503, which the API documents
// for /health, is not documented for GET .../instances).
func with() {
	r := chi.NewRouter()
	r.Route("/v2/{project}/instances", func(r chi.Router) {
		r.With(paginate).Get("/", func(w http.ResponseWriter, req *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable) // want `status 503 \(Service Unavailable\) in WriteHeader is not documented for GET /v2/\{project_id\}/instances`
		})
		r.With(paginate, paginate).Delete("/{id}", func(w http.ResponseWriter, req *http.Request) {
			w.WriteHeader(http.StatusNotFound)
		})
	})
}
