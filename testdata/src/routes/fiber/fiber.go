// Package fiber registers handlers on a fiber app and its groups.
package fiber

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
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
