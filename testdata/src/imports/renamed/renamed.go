package renamed

import nethttp "net/http"

func handler(w nethttp.ResponseWriter, r *nethttp.Request) {
	nethttp.Error(w, "gone", 404) // want `raw status code 404 in http.Error: use nethttp.StatusNotFound`
}
