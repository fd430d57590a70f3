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

// Routes built link by link before their handler is set, in any order.
func chained() {
	r := mux.NewRouter()
	api := r.PathPrefix("/v2/{project}").Subrouter()
	// Positive: the methods, then the path, then the handler.
	api.Methods(http.MethodPost).Path("/instances").HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	})
	// Negative: the path first, a name between, the methods after the
	// handler; 404 is documented for GET.
	api.Path("/volumes/{id}").Name("volume").Handler(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusNotFound)
	})).Methods("GET")
	// Positive: a chained route the spec lacks.
	api.Methods("PATCH").Path("/instances/{id}").HandlerFunc(func(w http.ResponseWriter, req *http.Request) {}) // want `route PATCH /v2/\{project\}/instances/\{id\} is not in routes.yaml`
	// Negative: a prefix matches every path below it: no operation's
	// path is its own, and it is not reported missing.
	r.PathPrefix("/static/").Handler(http.FileServer(http.Dir("web")))
	// Negative: a route with no path matches every path (a CORS
	// preflight): no operation is its own.
	r.Methods("OPTIONS").Handler(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	// Negative: a route kept in a variable is not known.
	route := r.NewRoute()
	route.Methods("PUT").Path("/v2/unknown").HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	})
	http.ListenAndServe(":8080", r)
}
