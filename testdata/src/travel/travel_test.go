package travel

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Table-driven tests: the status field flows into WriteHeader, so the
// constants stored in it are statuses, reported where they are stored.
func TestRedirects(t *testing.T) {
	tests := []struct {
		name   string
		status int
		tries  int
	}{
		{name: "found", status: 302, tries: 1}, // want `raw status code 302 in WriteHeader \(through status\): use http.StatusFound`
		{"moved", 301, 2},                      // want `raw status code 301 in WriteHeader \(through status\): use http.StatusMovedPermanently`
		{"teapot", http.StatusTeapot, 3},       // want `status 418 \(I'm a teapot\) in WriteHeader \(through status\) is not documented by huaweicloud`
		{"none", 0, 4},                         // 0: no status yet, the case may set one
	}
	for _, tc := range tests {
		rec := httptest.NewRecorder()
		for range tc.tries {
			rec.WriteHeader(tc.status)
		}
	}
}

// A local assigned on several paths: every constant stored is a status.
func handler(w http.ResponseWriter, err error) {
	statusCode := 0
	if err != nil {
		statusCode = 499 // want `raw status code 499 in http.Error \(through statusCode\): net/http has no constant for it; declare a named constant` `status 499 in http.Error \(through statusCode\) is not documented by huaweicloud`
	} else {
		statusCode = 500 // want `raw status code 500 in http.Error \(through statusCode\): use http.StatusInternalServerError`
	}
	http.Error(w, "x", statusCode)

	// A count that never reaches a sink is no status.
	n := 3
	for i := 0; i < n; i++ {
		w.Write(nil)
	}
}
