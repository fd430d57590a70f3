package loops

import (
	"net/http"
	"testing"
)

// A test's configuration is a user's choice, not the package's default:
// perform's loop is not reported on 404.
func TestRetryOnNotFound(t *testing.T) {
	_ = newListClient(Config{RetryOnStatus: []int{http.StatusNotFound}}, nil)
}
