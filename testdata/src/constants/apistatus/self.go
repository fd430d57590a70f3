package apistatus

import "net/http"

// Inside the constants package itself, the fix uses the bare name.
func handler(w http.ResponseWriter) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use NotFound`
}
