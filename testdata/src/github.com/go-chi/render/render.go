// Package render is a stub of github.com/go-chi/render.
package render

import "net/http"

func Status(r *http.Request, status int) {}
