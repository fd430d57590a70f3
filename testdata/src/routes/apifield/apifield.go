// Package apifield keeps the API's router in an exported field of its
// server, set once under /v2/{project} (coder's API.APIHandler): the
// field's prefix is a fact, which packages that register on the field
// (routes/apiext) read.
package apifield

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// API is the server.
type API struct {
	RootHandler *chi.Mux   // want RootHandler:"router under "
	APIHandler  chi.Router // want APIHandler:"router under /v2/\\{project\\}"
	// Twice is set in two places: which router it holds, and its
	// prefix, are not known.
	Twice chi.Router
}

// New makes the server.
func New(debug bool) *API {
	api := &API{}
	r := chi.NewRouter()
	api.RootHandler = r
	r.Route("/v2/{project}", func(r chi.Router) {
		api.APIHandler = r
		r.Get("/instances", func(w http.ResponseWriter, req *http.Request) {})
	})
	if debug {
		api.Twice = r
	} else {
		api.Twice = chi.NewRouter()
	}
	return api
}
