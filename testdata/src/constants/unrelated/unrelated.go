// Package unrelated does not depend on apistatus; importing it could make a
// cycle, so fixes keep to net/http.
package unrelated

import "net/http"

func handler(w http.ResponseWriter) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
}
