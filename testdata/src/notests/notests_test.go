package notests

import (
	"net/http/httptest"
	"testing"
)

// With -tests=false, test files are not checked.
func TestHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	if rec.Code != 404 {
		t.Fail()
	}
}
