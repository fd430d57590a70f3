package iana

import "net/http"

// The IANA registry lists 307 and 451, but not 299, and marks 418 unused.
func handler(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTemporaryRedirect)
	w.WriteHeader(http.StatusUnavailableForLegalReasons)
	w.WriteHeader(http.StatusTeapot) // want `status 418 in WriteHeader is listed as unused by iana`
}
