package frameworks

import (
	"errors"

	"github.com/labstack/echo/v4"
)

func echoHandler(c echo.Context) error {
	if c.Param("id") == "" {
		return echo.NewHTTPError(400, "missing id") // want `raw status code 400 in echo.NewHTTPError: use http.StatusBadRequest`
	}
	if c.Param("id") == "x" {
		return &echo.HTTPError{Code: 404} // want `raw status code 404 in echo.HTTPError literal: use http.StatusNotFound`
	}
	var he *echo.HTTPError
	if errors.As(errors.New("x"), &he) && he.Code == 409 { // want `raw status code 409 in comparison with he.Code: use http.StatusConflict`
		return c.NoContent(204) // want `raw status code 204 in NoContent: use http.StatusNoContent`
	}
	_ = c.Blob(200, "application/octet-stream", nil) // want `raw status code 200 in Blob: use http.StatusOK`
	_ = c.Redirect(301, "/new")                      // want `raw status code 301 in Redirect: use http.StatusMovedPermanently`
	_ = c.String(500, "oops")                        // want `raw status code 500 in String: use http.StatusInternalServerError`
	return c.JSON(201, nil)                          // want `raw status code 201 in JSON: use http.StatusCreated`
}
