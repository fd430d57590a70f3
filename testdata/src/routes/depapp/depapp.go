// Package depapp registers its routes through routes/depweb's router type
// and functions, read by their facts.
package depapp

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"routes/depweb"
)

// Serve serves the API.
func Serve() error {
	mux := http.NewServeMux()
	// Positive: the health check registered on the mux, GET /health,
	// whose 503 the spec does not document.
	depweb.SetHealth(mux) // want `status 503 \(Service Unavailable\) written by the handler registered at routes/depweb/depweb.go:36 \(depweb.go:61\) is not documented for GET /health`
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

// ServeAdmin serves the admin API: its router's prefix is a field of
// it, which the routes on it do not show.
func ServeAdmin() error {
	admin := depweb.NewAdmin("/admin")
	// Positive: tied by its ending to GET /admin/keys, the one
	// operation whose path ends as it does, which does not document 404.
	admin.GET("/keys", keys)
	// Negative: no operation ends as it does, and its router's prefix
	// is not known here: not reported.
	admin.GET("/clients", keys)
	// Negative: not a registrar: no route.
	admin.Both("/both", keys)
	return http.ListenAndServe(":8081", admin)
}

func keys(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusNotFound) // want `status 404 \(Not Found\) in WriteHeader is not documented for GET /admin/keys`
}

// Mount registers the health check on whatever router it is given: which
// one, and so where, is not known here.
func Mount(r interface {
	HandleFunc(string, func(http.ResponseWriter, *http.Request))
}) {
	depweb.SetHealth(r)
}

func pets(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

// ServePrefixed serves routes on a router that carries its prefix.
func ServePrefixed() error {
	r := depweb.NewPrefixed()
	// Positive: made at the root, GET /v1/pets, which does not
	// document 410; and a route the spec lacks.
	r.Get("/v1/pets", gone)
	r.Get("/v1/cats", gone) // want `route GET /v1/cats is not in deprouters.yaml`
	// Negative: under its group's prefix, /old/v1/pets is beside the
	// API's paths.
	r.WithPrefix("/old").Get("/v1/pets", ok)
	registerLegacy(r.WithPrefix("/legacy"))
	return http.ListenAndServe(":8082", r)
}

// RegisterV0 registers on the router it is given, which this package's
// call puts under /v0: beside the API's paths, where it would be
// GET /v1/pets at the root.
func RegisterV0(r *depweb.Prefixed) {
	r.Get("/v1/pets", ok)
}

func registerLegacy(r *depweb.Prefixed) {
	RegisterV0(r.WithPrefix("/v0"))
}

func gone(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusGone) // want `status 410 \(Gone\) in WriteHeader is not documented for GET /v1/pets`
}

func ok(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)
}
