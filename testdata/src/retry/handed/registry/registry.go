// Package registry is a client whose calls turn a status other than the
// one they expect into an *Error.
package registry

import "net/http"

// Error carries the status of a failed call.
type Error struct {
	StatusCode int
	// temporary is set where the client knows the call may succeed
	// again whatever its status (go-containerregistry's retryError).
	temporary bool
}

// temporaryCodes are the statuses worth another try.
var temporaryCodes = map[int]struct{}{
	http.StatusTooManyRequests:     {},
	http.StatusInternalServerError: {},
	http.StatusServiceUnavailable:  {},
}

// Temporary reports whether the call may succeed if made again: by the
// status, or because the client said so.
func (e *Error) Temporary() bool {
	if e.temporary {
		return true
	}
	_, ok := temporaryCodes[e.StatusCode]
	return ok
}

// FlakyError is a failed call the client marked as worth another try,
// whatever its status.
type FlakyError struct {
	StatusCode int
	flaky      bool
}

func (e *FlakyError) Error() string { return http.StatusText(e.StatusCode) }

// Temporary asks the flag alone: no status decides it.
func (e *FlakyError) Temporary() bool { return e.flaky }

func (e *Error) Error() string { return http.StatusText(e.StatusCode) }

// CheckError returns an *Error unless the status is one of codes.
func CheckError(resp *http.Response, codes ...int) error {
	for _, code := range codes {
		if resp.StatusCode == code {
			return nil
		}
	}
	return &Error{StatusCode: resp.StatusCode}
}

// List lists a repository's tags.
func List(repo string) ([]string, error) {
	resp, err := http.Get("https://registry.example.com/v2/" + repo + "/tags/list")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := CheckError(resp, http.StatusOK); err != nil {
		return nil, err
	}
	return nil, nil
}

// Head checks that a repository exists; a failure is a *FlakyError.
func Head(repo string) error {
	resp, err := http.Head("https://registry.example.com/v2/" + repo + "/tags/list")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &FlakyError{StatusCode: resp.StatusCode}
	}
	return nil
}
