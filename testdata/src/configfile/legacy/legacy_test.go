package legacy

import (
	"net/http"
	"testing"
)

// With tests: false, nothing in a test file is reported.
func TestH(t *testing.T) {
	var w http.ResponseWriter
	if w != nil {
		w.WriteHeader(404)
	}
}
