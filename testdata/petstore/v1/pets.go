// Package v1 serves the OpenAPI 3.0 Petstore (specs/petstore/openapi.yaml),
// whose operations all have a default response.
package v1

import (
	"encoding/json"
	"net/http"
)

// Handler serves the /v1 routes.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/pets", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode([]string{})
	})
	mux.HandleFunc("POST /v1/pets", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("GET /v1/pets/{petId}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound) // the default response documents it
	})
	mux.HandleFunc("DELETE /v1/pets/{petId}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent) // no such operation
	})
	return mux
}
