package loops

import (
	"net/http"
	"testing"
)

func TestBadRequestRetryCondition(t *testing.T) {
	if !testedBadRequestRetryCondition(&http.Response{StatusCode: http.StatusBadRequest}, nil) {
		t.Error("400 not retried")
	}
	t.Run("inner", func(t *testing.T) {
		if testedBadRequestRetryCondition(&http.Response{StatusCode: http.StatusOK}, nil) {
			t.Error("200 retried")
		}
	})
}
