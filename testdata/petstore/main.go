// Command petstore serves the Swagger 2.0 Petstore (specs/petstore/swagger.json)
// under /v2, and the OpenAPI 3.0 one under /v1 (package v1).
package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	v1 "example.com/petstore/v1"
)

type pet struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

type store struct {
	mu   sync.Mutex
	pets map[int64]pet
}

func main() {
	s := &store{pets: map[int64]pet{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/pet", s.addPet)
	mux.HandleFunc("PUT /v2/pet", s.updatePet)
	mux.HandleFunc("GET /v2/pet/findByStatus", s.findByStatus)
	mux.HandleFunc("GET /v2/pet/{petId}", s.getPet)
	mux.HandleFunc("DELETE /v2/pet/{petId}", s.deletePet)
	mux.HandleFunc("GET /v2/store/stats", s.stats)
	mux.HandleFunc("GET /v2/store/inventory", s.inventory)
	mux.Handle("/v1/", http.NotFoundHandler())
	go v1.Serve(":8081")
	http.ListenAndServe(":8080", mux)
}

func (s *store) addPet(w http.ResponseWriter, r *http.Request) {
	var p pet
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		w.WriteHeader(http.StatusMethodNotAllowed) // the spec's "Invalid input"
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.pets[p.ID]; ok {
		w.WriteHeader(http.StatusConflict) // not documented for POST /v2/pet
		return
	}
	s.pets[p.ID] = p
	json.NewEncoder(w).Encode(p)
}

func (s *store) updatePet(w http.ResponseWriter, r *http.Request) {
	var p pet
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.pets[p.ID]; !ok {
		notFound(w)
		return
	}
	s.pets[p.ID] = p
}

func (s *store) findByStatus(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	if status == "" {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	var out []pet
	for _, p := range s.pets {
		if p.Status == status {
			out = append(out, p)
		}
	}
	json.NewEncoder(w).Encode(out)
}

func (s *store) getPet(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("petId"), 10, 64)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	p, ok := s.pets[id]
	if !ok {
		notFound(w)
		return
	}
	json.NewEncoder(w).Encode(p)
}

func (s *store) deletePet(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("petId"), 10, 64)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	delete(s.pets, id)
	w.WriteHeader(http.StatusOK) // not documented for DELETE /v2/pet/{petId}
}

// stats is served, but the spec has no such operation.
func (s *store) stats(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(len(s.pets))
}

func (s *store) inventory(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]int{"available": len(s.pets)})
}

func notFound(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
}
