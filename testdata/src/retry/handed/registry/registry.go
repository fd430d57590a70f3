// Package registry is a client whose calls turn a status other than the
// one they expect into an *Error.
package registry

import "net/http"

// Error carries the status of a failed call.
type Error struct {
	StatusCode int
}

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
