// Package v1 serves the OpenAPI 3.0 Petstore (specs/petstore/openapi.yaml),
// whose operations all have a default response.
package v1

import (
	"encoding/json"
	"net/http"
)

// Serve serves the /v1 routes at addr.
func Serve(addr string) error {
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
	return http.ListenAndServe(addr, mux)
}
