// Package fallbackclosed is fallbackopen under a spec without a default
// response (nodefault.yaml): a status no operation documents is
// undocumented wherever it is written.
package fallbackclosed

import "net/http"

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by nodefault.yaml`
}

// Negative: a response tied to no operation may come from beside the
// spec's operations (a CORS preflight's 204, a redirect, a test's own
// server): the comparison is not provably dead.
func check(resp *http.Response) bool {
	return resp.StatusCode == http.StatusPermanentRedirect
}

func serve() {
	mux := http.NewServeMux()
	// Negative: a handler beside the API's paths (a web UI, a management
	// endpoint) answers for itself, not by the spec.
	mux.HandleFunc("GET /ui", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ui/index.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("POST /-/reload", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	})
	// Positive: a function it calls may be the API's handlers' too.
	mux.HandleFunc("GET /debug", func(w http.ResponseWriter, r *http.Request) {
		teapot(w, r)
	})
	// Positive: a route of the API's paths is checked against its
	// operation.
	mux.HandleFunc("GET /instances", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `status 202 \(Accepted\) in WriteHeader is not documented for GET /instances \(documented: 200, 404\)`
	})
	http.ListenAndServe(":8080", mux)
}
