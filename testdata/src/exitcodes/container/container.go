// Package container mimics Docker's API types: its WaitResponse carries a
// container's exit code in a field named StatusCode, in a package that
// has nothing to do with HTTP.
package container

type WaitResponse struct {
	StatusCode int64
	Error      *WaitExitError
}

type WaitExitError struct{ Message string }
