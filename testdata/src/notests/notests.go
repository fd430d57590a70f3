package notests

import "net/http"

func handler(w http.ResponseWriter) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
}
