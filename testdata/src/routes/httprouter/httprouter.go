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

// volumeMethods are the methods served for every volume route.
var volumeMethods = []string{http.MethodGet, http.MethodDelete, http.MethodOptions}

func withMethodLoop() {
	r := httprouter.New()
	// Positive: a loop over a constant list registers the route of each
	// method: PATCH is not in the spec, and is named.
	for _, m := range []string{http.MethodGet, "PATCH"} {
		r.Handle(m, "/v2/:project/volumes/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {}) // want `route PATCH /v2/:project/volumes/:id is not in routes.yaml`
	}
	// Negative: GET and DELETE of the list (OPTIONS the preflight):
	// DELETE documents 409.
	for _, m := range volumeMethods {
		r.Handle(m, "/v2/:project/volumes/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
			w.WriteHeader(http.StatusConflict)
		})
	}
	// Positive: a status neither documents.
	for _, m := range volumeMethods {
		r.Handle(m, "/v2/:project/volumes/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) {
			w.WriteHeader(http.StatusTeapot) // want `418 \(I'm a teapot\) in WriteHeader is not documented for GET` `418 \(I'm a teapot\) in WriteHeader is not documented for DELETE`
		})
	}
	http.ListenAndServe(":8080", r)
}

// cors answers a preflight itself and hands every other request on.
func cors(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		h.ServeHTTP(w, req)
	})
}

func preflights() {
	r := httprouter.New()
	r.HandlerFunc(http.MethodGet, "/v2/health", health)
	// Negative: an OPTIONS route whose handler answers nothing itself is a
	// CORS preflight that its middleware answers (hydra's handleOptions
	// behind its CORS handler): no operation describes it.
	r.Handler(http.MethodOptions, "/v2/health", cors(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {})))
	// Positive: an OPTIONS route whose handler answers as an operation
	// does.
	r.Handle(http.MethodOptions, "/v2/:project/volumes/:id", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) { // want `route OPTIONS /v2/:project/volumes/:id is not in routes.yaml`
		w.Write([]byte("GET, DELETE"))
	})
	http.ListenAndServe(":8080", r)
}
