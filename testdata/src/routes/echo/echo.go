// Package echo registers handlers on echo and its groups.
package echo

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func routes() {
	e := echo.New()
	g := e.Group("/v2/:project")

	// Positive: 204 is not documented for GET instances.
	g.GET("/instances", func(c echo.Context) error {
		return c.NoContent(http.StatusNoContent) // want `status 204 \(No Content\) in NoContent is not documented for GET /v2/\{project_id\}/instances`
	})

	// Negative: documented for DELETE.
	g.DELETE("/instances/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusNoContent)
	})

	// Positive: Add with a constant method, not in the spec.
	e.Add(http.MethodPut, "/v2/:project/instances", func(c echo.Context) error { return nil }) // want `route PUT /v2/:project/instances is not in routes.yaml`
}
