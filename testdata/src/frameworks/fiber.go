package frameworks

import (
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
)

func fiber2Handler(c *fiber2.Ctx) error {
	if c == nil {
		return fiber2.NewError(503, "down") // want `raw status code 503 in fiber.NewError: use fiber2.StatusServiceUnavailable`
	}
	_ = c.Redirect("/x", 303) // want `raw status code 303 in Redirect: use fiber2.StatusSeeOther`
	_ = c.Redirect("/x")
	_ = c.Status(201).SendString("made") // want `raw status code 201 in Status: use fiber2.StatusCreated`
	return c.SendStatus(202)             // want `raw status code 202 in SendStatus: use fiber2.StatusAccepted`
}

func fiber3Handler(c fiber3.Ctx) error {
	if c == nil {
		return fiber3.NewError(502) // want `raw status code 502 in fiber.NewError: use fiber2.StatusBadGateway`
	}
	_ = c.Redirect().Status(301).To("/y") // want `raw status code 301 in Status: use fiber2.StatusMovedPermanently`
	_ = c.Status(404).SendString("none")  // want `raw status code 404 in Status: use fiber2.StatusNotFound`
	return c.SendStatus(200)              // want `raw status code 200 in SendStatus: use fiber2.StatusOK`
}
