package demo

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
	w.WriteHeader(http.StatusTeapot)
	w.WriteHeader(400) //nolint:statuslint // the literal is deliberate
}
