// Package partner serves a partner's API: the packages entry of its
// module's .statuslint.yaml gives it partner.yaml.
package partner

import "net/http"

func H(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot)
	w.WriteHeader(http.StatusNotFound) // want `status 404 \(Not Found\) in WriteHeader is not documented by partner-api`
}
