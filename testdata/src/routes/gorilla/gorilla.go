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
	// Negative: OPTIONS beside DELETE is the CORS preflight: the route is
	// DELETE's, whose 204 GET does not document (read as every method,
	// it was reported for GET).
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}).Methods(http.MethodDelete, http.MethodOptions)
	// Positive: the route is GET's, with HEAD and OPTIONS beside it: 409
	// is DELETE's, not GET's.
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 200, 404\)`
	}).Methods("GET", "HEAD", "OPTIONS")
	// Negative: served for GET and DELETE, a status one of them documents
	// may be that one's.
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		w.WriteHeader(http.StatusConflict)
	}).Methods("GET", "DELETE")
	// Positive: a status neither documents, reported for each.
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\}` `status 418 \(I'm a teapot\) in WriteHeader is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\}`
	}).Methods("GET", "DELETE")
	// Positive: of GET and PATCH, the spec lacks PATCH.
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {}).Methods("GET", "PATCH") // want `route PATCH /v2/\{project\}/volumes/\{id\} is not in routes.yaml`
	// Positive: methods the spec lacks for the path, named together.
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {}).Methods("PUT", "PATCH") // want `route PUT,PATCH /v2/\{project\}/volumes/\{id\} is not in routes.yaml`
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

// Positive: under a prefix not known here, a route is tied to the one
// operation whose path ends as its own does.
func withPrefix(base string) {
	r := mux.NewRouter()
	api := r.PathPrefix(base).Subrouter()
	api.HandleFunc("/volumes/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\}`
	}).Methods("GET")
	// Negative: several operations' paths end as /{id} does.
	api.HandleFunc("/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}).Methods("GET")
	http.ListenAndServe(":8080", r)
}
