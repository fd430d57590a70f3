// Package legacy is configured by its own .statuslint.yaml over its
// module's.
package legacy

import "net/http"

func H(w http.ResponseWriter) {
	w.WriteHeader(404)               // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
	w.WriteHeader(http.StatusTeapot) // want `status 418 in WriteHeader is listed as unused by iana`
}
