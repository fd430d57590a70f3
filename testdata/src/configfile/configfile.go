// Package configfile is configured by the .statuslint.yaml beside it: its
// table is api.yaml, and raw literals pass.
package configfile

import "net/http"

func H(w http.ResponseWriter) {
	w.WriteHeader(404)
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by configured-api`
	w.WriteHeader(http.StatusOK)
}
