package customtable

import "net/http"

// The custom table (testdata/tables/api.yaml) documents 200, 404, 408, 429
// and 503 only.
func handler(w http.ResponseWriter) {
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(http.StatusServiceUnavailable)
	w.WriteHeader(http.StatusCreated)    // want `status 201 \(Created\) in WriteHeader is not documented by my-api`
	w.WriteHeader(http.StatusBadRequest) // want `status 400 \(Bad Request\) in WriteHeader is not documented by my-api`
}
