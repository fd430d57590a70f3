// Package fiber registers handlers on a fiber app and its groups.
package fiber

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
)

func routes() {
	app := fiber.New()
	api := app.Group("/v2")

	// Positive: 404 is not documented for POST.
	api.Post("/:project/instances", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusNotFound) // want `status 404 \(Not Found\) in SendStatus is not documented for POST /v2/\{project_id\}/instances`
	})

	// Negative: documented for GET health.
	api.Get("/health", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusServiceUnavailable)
	})
}

// fiber v3: the handler is the last argument too; a group from a group.
func routesV3() {
	app := fiber3.New()
	v2 := app.Group("/v2")
	projects := v2.Group("/:project")

	// Positive: 503 is not documented for GET instances.
	projects.Get("/instances", func(c fiber3.Ctx) error {
		return c.SendStatus(http.StatusServiceUnavailable) // want `status 503 \(Service Unavailable\) in SendStatus is not documented for GET /v2/\{project_id\}/instances`
	})

	// Negative: documented by the 4XX class.
	projects.Get("/instances", func(c fiber3.Ctx) error {
		return c.SendStatus(http.StatusNotFound)
	})
}
