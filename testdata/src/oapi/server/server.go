// Package server implements the generated server interface of oapi/gen:
// each method is the handler of the operation the interface names.
package server

import (
	"net/http"

	"oapi/gen"
)

// Server implements gen.ServerInterface.
type Server struct{}

var _ gen.ServerInterface = (*Server)(nil)

// Positive: createInstance documents 200, 400 and 403.
func (s *Server) CreateInstance(w http.ResponseWriter, r *http.Request, projectId string) {
	w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
}

// Negative: documented.
func (s *Server) DeleteInstance(w http.ResponseWriter, r *http.Request, projectId string, instanceId string) {
	w.WriteHeader(http.StatusNoContent)
}

// Negative: showInstance has a default response.
func (s *Server) ShowInstance(w http.ResponseWriter, r *http.Request, projectId string, instanceId string) {
	w.WriteHeader(http.StatusTeapot)
}

// Positive: through a helper of the package.
func (s *Server) Health(w http.ResponseWriter, r *http.Request) {
	s.fail(w)
}

func (s *Server) fail(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /v2/health \(documented: 200, 503\)`
}

// Negative: a type that implements only Health is no server.
type healthOnly struct{}

func (healthOnly) Health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict)
}
