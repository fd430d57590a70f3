// Package depapp registers its routes through routes/depweb's router type
// and functions, read by their facts.
package depapp

import (
	"net/http"

	"routes/depweb"
)

// Serve serves the API.
func Serve() error {
	mux := http.NewServeMux()
	// Positive: the health check registered on the mux, GET /health,
	// whose 503 the spec does not document.
	depweb.SetHealth(mux) // want `status 503 \(Service Unavailable\) written by the handler registered at routes/depweb/depweb.go:35 \(depweb.go:60\) is not documented for GET /health`
	r := depweb.New()
	// Negative: under the prefix the router type adds, the spec's
	// GET /health and GET /version: perhaps the same endpoints.
	depweb.SetHealth(r)
	depweb.SetVersion(r)
	// Negative: Prometheus's metrics, and an HTML page: no operation
	// describes either.
	depweb.SetMetrics(r)
	depweb.SetLogin(r)
	// Negative: a path not constant where it is registered.
	depweb.Register(r, "GET /other", pets)
	// Positive: through the router type, under /v1.
	r.HandleFunc("GET /pets", pets)
	r.HandleFunc("GET /orders", pets) // want `route GET /v1/orders is not in deprouters.yaml`
	mux.Handle("/v1/", r)
	return http.ListenAndServe(":8080", mux)
}

// Mount registers the health check on whatever router it is given: which
// one, and so where, is not known here.
func Mount(r interface {
	HandleFunc(string, func(http.ResponseWriter, *http.Request))
}) {
	depweb.SetHealth(r)
}

func pets(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
