package checksel

import "net/http"

// Run with -checks=all,-SL1001: raw literals pass, other checks still run,
// and a directive for the switched-off check is not judged.
func H(w http.ResponseWriter) {
	w.WriteHeader(404)
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by huaweicloud`
	w.WriteHeader(0)                 // want `invalid status 0 in WriteHeader`

	//lint:ignore SL1001 not judged: SL1001 is off
	w.WriteHeader(http.StatusOK)
}
