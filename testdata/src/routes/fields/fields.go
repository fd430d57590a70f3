// Package fields keeps its router in a struct field, set once, and
// registers on it from methods, handing a group to a method of its own
// (datarhei-core's shape): the prefix is followed through the field and
// through the parameter, from the calls that give it.
package fields

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type server struct {
	router *echo.Echo
}

// NewServer makes the server, which another package serves.
func NewServer() *server {
	s := &server{}
	s.router = echo.New()
	s.setRoutes()
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.router.ServeHTTP(w, r)
}

func (s *server) setRoutes() {
	api := s.router.Group("/v2")
	// Negative: 503 is documented for health.
	api.GET("/health", func(c echo.Context) error { return c.NoContent(http.StatusServiceUnavailable) })
	s.setProjectRoutes(api.Group("/:project"))
}

func (s *server) setProjectRoutes(p *echo.Group) {
	// Positive: the group's prefix is the one its one call gives.
	p.GET("/instances", func(c echo.Context) error {
		return c.NoContent(http.StatusNoContent) // want `status 204 \(No Content\) in NoContent is not documented for GET /v2/\{project_id\}/instances`
	})
	// Positive: a route the spec lacks, on a router that may be mounted
	// elsewhere but whose other routes tie to the spec's paths as
	// written.
	p.GET("/instances/:id/metadata", func(c echo.Context) error { return nil }) // want `route GET /v2/:project/instances/:id/metadata is not in routes.yaml`
	// Positive: a trailing wildcard serves the path whose last segment
	// is a parameter, for its own method.
	p.DELETE("/volumes/*", func(c echo.Context) error {
		return c.NoContent(http.StatusNotFound) // want `status 404 \(Not Found\) in NoContent is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\}`
	})
	p.PUT("/volumes/*", func(c echo.Context) error { return nil }) // want `route PUT /v2/:project/volumes/\* is not in routes.yaml`
	// Negative: a wildcard under no operation's path.
	p.GET("/files/*", func(c echo.Context) error { return c.NoContent(http.StatusTeapot) })
}

func (s *server) twoPrefixes(configured string) {
	s.common(s.router.Group("/v2"))
	s.common(s.router.Group("/v2/archive"))
	// Negative: under a prefix not known here, nothing is known.
	s.common(s.router.Group(configured))
}

func (s *server) common(g *echo.Group) {
	// Positive: called with two prefixes, the route is read at each
	// call, under each.
	g.GET("/elsewhere", func(c echo.Context) error { return nil }) // want `route GET /v2/elsewhere \(through the call at fields.go:56\) is not in routes.yaml` `route GET /v2/archive/elsewhere \(through the call at fields.go:57\) is not in routes.yaml`
}

// twice keeps a router in a field set in two places.
type twice struct {
	r *echo.Echo
}

func (t *twice) init(a bool) {
	if a {
		t.r = echo.New()
	} else {
		t.r = echo.New()
	}
	t.r.GET("/v2/health", func(c echo.Context) error { return nil })
	// Negative: which router the field holds is not known, nor its
	// prefix.
	t.r.GET("/v2/unknown", func(c echo.Context) error { return nil })
}
