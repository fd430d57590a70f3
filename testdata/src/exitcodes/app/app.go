// Package app checks HTTP statuses and container exit codes side by side:
// only the former are statuses.
package app

import (
	"net/http"

	"exitcodes/container"
	"exitcodes/sdk"
)

// Name rule status-field: negative: an exit code in a field named
// StatusCode of a type that is not HTTP's.
func exited(w container.WaitResponse) bool {
	return w.StatusCode == 15 || w.StatusCode == 0
}

// Name rule status-field: positive: the SDK's error type speaks HTTP.
func notFound(err *sdk.ServiceError) bool {
	return err.StatusCode == 404 // want `raw status code 404 in comparison with err.StatusCode: use http.StatusNotFound`
}

func write(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }
