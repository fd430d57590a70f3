// Package httprouter registers handlers on julienschmidt/httprouter:
// GET/POST/..., Handle, HandlerFunc, with :name parameters.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func routes() {
	r := httprouter.New()
	// Positive: a status its operation does not document.
	r.POST("/v2/:project/instances", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	})
	// Negative: documented.
	r.DELETE("/v2/:project/instances/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
		w.WriteHeader(http.StatusNoContent)
	})
	// Positive: Handle with a constant method, not in the spec.
	r.Handle("PUT", "/v2/:project/instances/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {}) // want `route PUT /v2/:project/instances/:id is not in routes.yaml`
	r.HandlerFunc(http.MethodGet, "/v2/health", health)
	http.ListenAndServe(":8080", r)
}

func health(w http.ResponseWriter, req *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /v2/health \(documented: 200, 503\)`
}

// get registers a GET route: a registrar whose method is fixed.
func get(r *httprouter.Router, path string, h httprouter.Handle) {
	r.Handle(http.MethodGet, path, h)
}

func withRegistrar() {
	r := httprouter.New()
	// Positive: the registrar's call is a GET route.
	get(r, "/v2/health", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health`
	})
	// Negative: 503 is documented for GET /v2/health.
	get(r, "/v2/health", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	http.ListenAndServe(":8080", r)
}
