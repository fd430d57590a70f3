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
