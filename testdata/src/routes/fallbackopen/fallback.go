// Package fallbackopen writes statuses in handlers no route ties to an
// operation, under a spec (routes.yaml) whose showInstance documents a
// default response: any status may be one of its, so none is reported.
package fallbackopen

import "net/http"

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)
}

func check(resp *http.Response) bool {
	return resp.StatusCode == http.StatusPermanentRedirect
}
