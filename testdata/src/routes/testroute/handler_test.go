package testroute

import (
	"net/http"
	"testing"
)

func TestListInstances(t *testing.T) {
	mux := http.NewServeMux()
	// Negative: the test's route does not tie what the package's own
	// file writes (its SL1002 stands, in the package and its test
	// variant alike).
	mux.HandleFunc("GET /instances", ListInstances)
	// Positive: what the test's own handler writes is tied.
	mux.HandleFunc("GET /instances", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `status 202 \(Accepted\) in WriteHeader is not documented for GET /instances \(documented: 200, 404\)`
	})
	_ = mux
}
