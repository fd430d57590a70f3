// Package fallbackclosed is fallbackopen under a spec without a default
// response (nodefault.yaml): a status no operation documents is
// undocumented wherever it is written.
package fallbackclosed

import "net/http"

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by nodefault.yaml`
}

// Negative: a response tied to no operation may come from beside the
// spec's operations (a CORS preflight's 204, a redirect, a test's own
// server): the comparison is not provably dead.
func check(resp *http.Response) bool {
	return resp.StatusCode == http.StatusPermanentRedirect
}
