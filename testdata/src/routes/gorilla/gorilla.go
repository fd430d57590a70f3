// Package gorilla registers handlers on gorilla/mux routers: HandleFunc
// with Methods, Handle, PathPrefix(...).Subrouter().
package gorilla

import (
	"net/http"

	"github.com/gorilla/mux"
)

func routes() {
	r := mux.NewRouter()
	api := r.PathPrefix("/v2/{project}").Subrouter()
	// Positive: a prefix from PathPrefix and Subrouter, the method from
	// Methods.
	api.HandleFunc("/instances", create).Methods(http.MethodPost)
	// Negative: documented for its operation.
	api.HandleFunc("/instances/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusConflict)
	}).Methods("DELETE")
	// Positive: a method the spec lacks for the path.
	api.HandleFunc("/instances/{id}", func(w http.ResponseWriter, req *http.Request) {}).Methods("PATCH") // want `route PATCH /v2/\{project\}/instances/\{id\} is not in routes.yaml`
	// Negative: several methods take every method; the path has
	// operations.
	api.Handle("/instances", http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {})).Methods("GET", "HEAD")
	r.HandleFunc("/v2/health", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /v2/health \(documented: 200, 503\)`
	}).Methods("GET")
	http.ListenAndServe(":8080", r)
}

func create(w http.ResponseWriter, req *http.Request) {
	w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
}

// Negative: a router from a parameter may be a subrouter mounted under a
// prefix: a path that names no single operation is not reported missing.
func register(r *mux.Router) {
	r.HandleFunc("/metrics", func(w http.ResponseWriter, req *http.Request) {}).Methods("GET")
}
