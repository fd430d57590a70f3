// Package testroute has a handler that only its tests register: what it
// writes has one answer with or without them.
package testroute

import "net/http"

// ListInstances is served by a server elsewhere; a test registers it.
func ListInstances(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by nodefault.yaml`
}
