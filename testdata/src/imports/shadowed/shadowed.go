package shadowed

import "net/http"

func handler(w http.ResponseWriter, http string) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use nethttp.StatusNotFound`
	_ = http
}

func fine(w http.ResponseWriter) {
	w.WriteHeader(200) // want `raw status code 200 in WriteHeader: use http.StatusOK`
}
