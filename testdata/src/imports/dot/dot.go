package dot

import . "net/http"

func handler(w ResponseWriter, r *Request) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use StatusNotFound`
}
