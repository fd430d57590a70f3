package app

import "net/http"

// execResult is what a command run in a container answers, in a package
// that speaks HTTP: its StatusCode is the command's exit code.
type execResult struct {
	StatusCode int
	Output     string
}

// apiError is an HTTP error of the same package.
type apiError struct {
	StatusCode int
}

// Name rule status-field: negative: a field named StatusCode that the
// package compares with 15, which no status is, holds something else.
func killed(r execResult) bool {
	return r.StatusCode == 15 || r.StatusCode == 0
}

func succeeded(r execResult) bool {
	return r.StatusCode == 200 // a command's exit code 200: no finding
}

func fakeResult() execResult { return execResult{StatusCode: 1} }

// Name rule status-field: positive: the same name on a type compared only
// with statuses.
func missing(err *apiError) bool {
	return err.StatusCode == 404 // want `raw status code 404 in comparison with err.StatusCode: use http.StatusNotFound`
}

func serve(w http.ResponseWriter) { w.WriteHeader(http.StatusAccepted) }
