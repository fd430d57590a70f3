// Package mount hands its engine and groups of it to the functions of
// routes/register, directly and through a helper given a route set as an
// interface (shiori's shape): their routes are tied under the prefix
// handed in, at the call.
package mount

import (
	"github.com/gin-gonic/gin"

	"routes/register"
)

type server struct {
	engine *gin.Engine
}

// NewServer makes the server, which another package serves.
func NewServer(configured string) *server {
	s := &server{engine: gin.New()}
	// Positive: the route set given as an interface is followed to its
	// type's routes: POST /v2/{project_id}/instances does not document
	// 409, and GET .../metadata is in no operation.
	s.handle("/v2/:project", register.Instances{}) // want `status 409 \(Conflict\) written by the handler registered at routes/register/register.go:25 \(register.go:31\) is not documented for POST /v2/\{project_id\}/instances` `route GET /v2/:project/instances/:id/metadata \(registered at routes/register/register.go:26 by register.Instances.Setup\) is not in routes.yaml`
	// Under a prefix not known here, a route is tied to the one
	// operation whose path ends as its own (positive), and none is
	// reported missing (negative: GET .../metadata).
	s.handle(configured, register.Instances{}) // want `status 409 \(Conflict\) written by the handler registered at routes/register/register.go:25 \(register.go:31\) is not documented for POST /v2/\{project_id\}/instances`
	// Negative: the runtime's profiles are no operation.
	register.Debug(s.engine.Group("/v2/debug"))
	// Negative: beside the API's paths.
	register.Frontend(s.engine)
	return s
}

func (s *server) handle(path string, routes register.Routes) {
	group := s.engine.Group(path)
	routes.Setup(group)
}
