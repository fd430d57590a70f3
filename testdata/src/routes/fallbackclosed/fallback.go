// Package fallbackclosed is fallbackopen under a spec without a default
// response (nodefault.yaml): a status no operation documents is
// undocumented wherever it is written or compared.
package fallbackclosed

import "net/http"

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by nodefault.yaml`
}

func check(resp *http.Response) bool {
	return resp.StatusCode == http.StatusPermanentRedirect // want `status 308 \(Permanent Redirect\) in comparison with resp.StatusCode is not documented by nodefault.yaml: the API never returns it`
}
