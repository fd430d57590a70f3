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
	mux.HandleFunc("POST /v2/{project}/instances", handlers.Create) // want `status 409 \(Conflict\) written by handlers.Create \(handlers.go:13\) is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	// Negative: 503 is documented for health.
	mux.HandleFunc("GET /v2/health", handlers.Health)
	var in handlers.Instances
	// Positive: a method value of an imported handler type.
	mux.Handle("DELETE /v2/{project}/instances/{id}", http.HandlerFunc(in.Delete)) // want `status 418 \(I'm a teapot\) written by handlers.Instances.Delete \(handlers.go:25\) is not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\}`
	// Negative: no fact, nothing known.
	mux.HandleFunc("GET /v2/{project}/instances", handlers.List)
	http.ListenAndServe(":8080", mux)
}
