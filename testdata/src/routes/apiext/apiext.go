// Package apiext registers on the router another package keeps in a
// field (coder's enterprise package on api.AGPL.APIHandler): its prefix
// comes from that package's fact.
package apiext

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"routes/apifield"
)

// Extend adds routes to the API.
func Extend(api *apifield.API) {
	api.APIHandler.Group(func(r chi.Router) {
		// Positive: under the field's /v2/{project}: 409 is not
		// documented for POST /v2/{project_id}/instances.
		r.Post("/instances", func(w http.ResponseWriter, req *http.Request) {
			w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances`
		})
		// Positive: a route the spec lacks, on the router whose other
		// routes tie as written.
		r.Get("/instances/{id}/metadata", func(w http.ResponseWriter, req *http.Request) {}) // want `route GET /v2/\{project\}/instances/\{id\}/metadata is not in routes.yaml`
	})
	// Negative: a field set twice has no fact: nothing is known.
	api.Twice.Get("/v2/{project}/unknown", func(w http.ResponseWriter, req *http.Request) {})
}
