// Package nethttp registers handlers with Go 1.22 patterns; the table is
// testdata/specs/routes.yaml (base path /v2).
package nethttp

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

func routes(lookup func(string) bool) {
	mux := http.NewServeMux()

	// Positive: 409 is documented for DELETE, not for POST.
	mux.HandleFunc("POST /v2/{project}/instances", func(w http.ResponseWriter, r *http.Request) {
		if lookup(r.PathValue("project")) {
			w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
			return
		}
		w.WriteHeader(http.StatusOK)
	})

	// Negative: every status it writes is documented for DELETE; a
	// method value as the handler.
	h := &handlers{}
	mux.HandleFunc("DELETE /v2/{project}/instances/{id}", h.delete)

	// Positive, in a helper the handler calls; the handler converted with
	// http.HandlerFunc.
	mux.Handle("GET /v2/{project}/instances", http.HandlerFunc(list))

	// Negative: a class (4XX) and default documents it.
	mux.HandleFunc("GET /v2/{project}/instances/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	})

	// Positive: no operation has this route.
	mux.HandleFunc("GET /v2/{project}/stats", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /v2/\{project\}/stats is not in routes.yaml`

	// Negative: an exact match, {$} and all.
	http.HandleFunc("GET /v2/health/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})

	// Negative: a wildcard cannot be tied to an operation; the API-wide
	// table applies.
	mux.HandleFunc("/v2/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
}

type handlers struct{}

func (h *handlers) delete(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict)
}

func list(w http.ResponseWriter, r *http.Request) {
	forbid(w)
}

func forbid(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `status 503 \(Service Unavailable\) in WriteHeader is not documented for GET /v2/\{project_id\}/instances \(documented: 200, 4XX\)`
}

// Positive: a mux from a parameter may be served under a prefix that
// cannot be known here, but the pattern, written without the spec's base
// path, names one operation: the route is tied to it.
func register(mux *http.ServeMux) {
	mux.HandleFunc("POST /{project}/instances", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	})
}

// Positive: a mux served under http.StripPrefix gets the prefix it strips.
func stripped() {
	mux := http.NewServeMux()
	sub := http.NewServeMux()
	sub.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health \(documented: 200, 503\)`
	})
	mux.Handle("/v2/", http.StripPrefix("/v2", sub))
	http.ListenAndServe(":8080", mux)
}

// Negative: a mux from a parameter with a path no operation has is not
// reported missing: the caller may serve it under a prefix that makes one.
func metrics(mux *http.ServeMux) {
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {})
}

// Positive: a server behind a proxy that serves it under the spec's base
// path (/v2) registers its routes without it: tied to the operation.
func behindProxy() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health \(documented: 200, 503\)`
	})
	mux.HandleFunc("GET /health/deep", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /health/deep is not in routes.yaml`
	// Negative: beside the API's paths, not the spec's business.
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", mux)
}

// Negative: a server of its own (a cluster's internal API) whose route,
// without the spec's base path, matches an operation only by its literal
// segment taking the place of the operation's parameter (/backups/instances
// as /{project_id}/instances): two guesses, so not tied, and its 409 is
// not checked against createInstance.
func clusterAPI() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /backups/instances", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
	http.ListenAndServe(":7101", mux)
}

// handle registers on the mux it is given: a registrar on net/http.
func handle(mux *http.ServeMux, pattern string, h http.HandlerFunc) {
	mux.HandleFunc(pattern, h)
}

func withRegistrar() {
	mux := http.NewServeMux()
	// Positive: the route is the registrar's call.
	handle(mux, "GET /v2/health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health`
	})
	handle(mux, "GET /v2/version", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /v2/version is not in routes.yaml`
	http.ListenAndServe(":8080", mux)
}

// Positive: a mux handed to its caller, to be mounted under a prefix not
// known here: a route is tied to the one operation whose path ends as its
// own does.
func volumesMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound) // want `status 404 \(Not Found\) in WriteHeader is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 204, 409\)`
	})
	// Negative: documented for it.
	mux.HandleFunc("DELETE /volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
	return mux
}

// Negative: a debug server beside the API, none of whose routes is one of
// the spec's operations: its routes are not the spec's business, though
// their paths start as the API's do.
func debugServer() {
	debug := http.NewServeMux()
	debug.HandleFunc("GET /v2/debug/vars", func(w http.ResponseWriter, r *http.Request) {})
	debug.HandleFunc("GET /v2/debug/pprof/", func(w http.ResponseWriter, r *http.Request) {})
	go http.ListenAndServe(":6060", debug)
	api := http.NewServeMux()
	api.HandleFunc("GET /v2/health", func(w http.ResponseWriter, r *http.Request) {})
	// Positive: beside a route that ties, on the API's own server.
	api.HandleFunc("GET /v2/debug/vars", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /v2/debug/vars is not in routes.yaml`
	http.ListenAndServe(":8080", api)
}

func implicitStatus() {
	mux := http.NewServeMux()
	// Positive: the body written first: net/http sends 200, which DELETE
	// does not document.
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "deleted") // want `status 200 \(OK\), which net/http sends when the body is written before any WriteHeader, is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 204, 409\)`
		w.Write([]byte("."))
	})
	// Positive: the body written first by an encoder over the writer.
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(struct{}{}) // want `status 200 \(OK\), which net/http sends when the body is written before any WriteHeader, is not documented for DELETE`
	})
	// Negative: a status written first.
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		w.Write(nil)
	})
	// Negative: GET documents 200.
	mux.HandleFunc("GET /v2/{project}/volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(struct{}{})
	})
	// Negative: the writer handed to a function that may write a status.
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", func(w http.ResponseWriter, r *http.Request) {
		render(w)
	})
	http.ListenAndServe(":8080", mux)
}

func render(w io.Writer) { w.Write(nil) }

// Positive: a server whose subtree routes take the API's paths serves the
// spec, though none ties to one operation: its route the spec lacks is
// reported.
func subtreeServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/{project}/volumes/", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/v2/{project}/upload", func(w http.ResponseWriter, r *http.Request) {}) // want `route \* /v2/\{project\}/upload is not in routes.yaml`
	http.ListenAndServe(":8080", mux)
}

func timeouts(h http.Handler) {
	mux := http.NewServeMux()
	// Positive: http.TimeoutHandler answers 503, which DELETE does not
	// document.
	mux.Handle("DELETE /v2/{project}/volumes/{id}", http.TimeoutHandler(h, time.Second, "")) // want `status 503 \(Service Unavailable\), which http.TimeoutHandler answers when the handler runs out of time, is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 204, 409\)`
	// Negative: GET /v2/health documents 503.
	mux.Handle("GET /v2/health", http.TimeoutHandler(h, time.Second, ""))
	http.ListenAndServe(":8080", mux)
}

// webroot is where the server is configured to serve: a variable, not a
// constant (mailpit's config.Webroot).
var webroot = "/"

func rooted() *http.ServeMux {
	mux := http.NewServeMux()
	// Positive: a path that begins with the configured root is read as
	// it is under "/".
	mux.HandleFunc("POST "+webroot+"v2/{project}/instances", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	})
	return mux
}

// serveRooted serves rooted's router as the whole server.
func serveRooted() {
	http.ListenAndServe(":8080", rooted())
}

func rootedElsewhere() {
	// Negative: on a router made elsewhere, whose prefix is not known
	// here, a rooted path could end as any operation's (GET /v2/health's
	// here): it is tied to none.
	mux := RootedMux()
	mux.HandleFunc("GET "+webroot+"health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
}

// RootedMux makes a router that another package may mount under a
// prefix.
func RootedMux() *http.ServeMux {
	mux := http.NewServeMux()
	// Negative: after a configured root, on a router that may be mounted
	// under a prefix, the path could end as any operation's: tied to
	// none.
	mux.HandleFunc("GET "+webroot+"health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	})
	return mux
}
