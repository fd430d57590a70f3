// Package v2 is below partner: ./partner/... matches it too.
package v2

import "net/http"

func H(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot)
	w.WriteHeader(http.StatusNotFound) // want `status 404 \(Not Found\) in WriteHeader is not documented by partner-api`
}
