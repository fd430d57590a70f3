// Package split registers the handlers of another package: their
// statuses come from facts and are checked against each route's
// operation, at the registration.
package split

import (
	"net/http"

	"routes/handlers"
)

func routes() {
	mux := http.NewServeMux()
	// Positive: Create writes 409, which createInstance does not document.
	mux.HandleFunc("POST /v2/{project}/instances", handlers.Create) // want `status 409 \(Conflict\) written by handlers.Create \(handlers.go:16\) is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	// Negative: 503 is documented for health.
	mux.HandleFunc("GET /v2/health", handlers.Health)
	var in handlers.Instances
	// Positive: a method value of an imported handler type.
	mux.Handle("DELETE /v2/{project}/instances/{id}", http.HandlerFunc(in.Delete)) // want `status 418 \(I'm a teapot\) written by handlers.Instances.Delete \(handlers.go:28\) is not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\}`
	// Negative: no fact, nothing known.
	mux.HandleFunc("GET /v2/{project}/instances", handlers.List)
	http.ListenAndServe(":8080", mux)
}

// submit hands its ResponseWriter to a function of another package.
func submit(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("id") == "" {
		// Positive: Forward writes 303 on w, which createInstance
		// does not document.
		handlers.Forward(w, r, nil) // want `status 303 \(See Other\) written by handlers.Forward \(split.go:\d+ calling handlers.go:\d+\) is not documented for POST /v2/\{project_id\}/instances`
		return
	}
	// Negative: Probe is given no ResponseWriter: what it writes is not
	// this response's; Recovering writes only in a function literal.
	handlers.Probe()
	handlers.Recovering(w, r)
	w.WriteHeader(http.StatusOK)
}

func serveSubmit() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/{project}/instances", submit)
	http.ListenAndServe(":8080", mux)
}
