package frameworks

import (
	"net/http"

	"github.com/go-chi/render"
	"github.com/gorilla/handlers"
)

func chiHandler(w http.ResponseWriter, r *http.Request) {
	render.Status(r, 422) // want `raw status code 422 in render.Status: use http.StatusUnprocessableEntity`
	render.Status(r, http.StatusUnprocessableEntity)
}

var canonical = handlers.CanonicalHost("https://example.com", 301) // want `raw status code 301 in handlers.CanonicalHost: use http.StatusMovedPermanently`
