package split

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"routes/handlers"
)

// guard is a middleware: it answers 403 on its own and serves the
// handler it is given.
func guard(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Host") == "" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

// both chains two handlers: neither is the route's own.
func both(a, b http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { a(w, r); b(w, r) }
}

// apiRoutes makes the API's router for its callers, which serve it as
// the whole server (mailpit's shape): its routes are at the root.
func apiRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	// Positive: the route serves the handler the middleware is given.
	mux.HandleFunc("POST /v2/{project}/instances", guard(handlers.Create)) // want `status 409 \(Conflict\) written by handlers.Create \(handlers.go:16\) is not documented for POST /v2/\{project_id\}/instances`
	// Negative: the middleware's own 403 is every route's, not the
	// operation's; 503 is documented for health.
	mux.HandleFunc("GET /v2/health", guard(handlers.Health))
	// Negative: a chain of two handlers is neither's route.
	mux.HandleFunc("DELETE /v2/{project}/instances/{id}", both(handlers.Create, handlers.Health))
	// Positive: a route the spec lacks, on the router that serves the
	// API.
	mux.HandleFunc("GET /v2/licenses", guard(handlers.Licenses)) // want `route GET /v2/licenses is not in routes.yaml`
	// Negative: the handler of an operation served again for its method
	// under a prefix (kratos's /admin/schemas beside /schemas) is an
	// alias of it, not a route the spec lacks.
	mux.HandleFunc("POST /v2/admin/v2/{project}/instances", guard(handlers.Create))
	// Positive: at another path, the same handler is another route.
	mux.HandleFunc("POST /v2/instances-legacy", guard(handlers.Create)) // want `route POST /v2/instances-legacy is not in routes.yaml`
	// Negative: the spec document itself, a websocket, a redirect.
	mux.HandleFunc("GET /v2/routes.yaml", guard(handlers.List))
	mux.HandleFunc("GET /v2/events", guard(handlers.Events))
	mux.HandleFunc("GET /v2/latest", guard(handlers.Latest))
	return mux
}

func serveFiles() {
	mux := http.NewServeMux()
	files := handlers.NewFiles()
	// Positive: registered through an interface of one implementation,
	// the handler writes what that implementation writes.
	mux.HandleFunc("POST /v2/{project}/instances", files.Put) // want `status 507 \(Insufficient Storage\) written by handlers.Files.Put \(handlers.go:\d+\) is not documented for POST /v2/\{project_id\}/instances`
	http.ListenAndServe(":8080", mux)
}

func serveFactories() {
	mux := http.NewServeMux()
	// Positive: the handler a factory of another package returns writes
	// 409, which createInstance does not document.
	mux.HandleFunc("POST /v2/{project}/instances", handlers.Conflicting()) // want `status 409 \(Conflict\) written by handlers.Conflicting \(handlers.go:\d+\) is not documented for POST /v2/\{project_id\}/instances`
	// Negative: a factory's handler that only redirects is no operation.
	mux.HandleFunc("GET /v2/old", handlers.Redirector("/v2/new"))
	// Positive: a path folded from fmt.Sprintf of constants.
	mux.HandleFunc(fmt.Sprintf("GET /v2/%s", "stats"), handlers.List) // want `route GET /v2/stats is not in routes.yaml`
	http.ListenAndServe(":8080", mux)
}

func serveFlows() {
	mux := http.NewServeMux()
	// Negative: a handler that only redirects, tied to showInstance
	// (which documents every status by default).
	mux.HandleFunc("GET /v2/{project}/instances/{id}", handlers.Latest)
	// Positive: the same handler for a method the spec lacks at that
	// path serves an operation on this router: no browser's shortcut,
	// a route of the API (kratos's GET on its flows' submit routes).
	mux.HandleFunc("PUT /v2/{project}/instances/{id}", handlers.Latest) // want `route PUT /v2/\{project\}/instances/\{id\} is not in routes.yaml`
	http.ListenAndServe(":8080", mux)
}

func serve() {
	mux := apiRoutes()
	// Positive: on the router served as the whole server.
	mux.HandleFunc("GET /v2/ready", handlers.List) // want `route GET /v2/ready is not in routes.yaml`
	http.ListenAndServe(":8080", mux)
}

func serveForTest() *httptest.Server {
	// A test server serves the router at its root too.
	return httptest.NewServer(apiRoutes())
}

// Routes makes a router that another package may mount under a prefix.
func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	// Negative: under a prefix not known here it may be an operation.
	mux.HandleFunc("GET /v2/licenses", handlers.Licenses)
	return mux
}
