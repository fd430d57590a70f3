// Package base is an SDK's core: one function sends every request and
// turns a status other than 200 into an InternalError that carries it.
package base

import (
	"context"
	"net/http"
)

// InternalError is the SDK's error for a status it did not expect.
type InternalError struct {
	StatusCode int
	Content    string
}

func (e InternalError) Error() string { return e.Content }

// Context sends the SDK's requests.
type Context struct {
	Client *http.Client
	URL    string
}

// Execute sends one request.
func (c *Context) Execute(ctx context.Context, route string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL+route, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := CheckError(resp, http.StatusOK); err != nil {
		return nil, err
	}
	return nil, nil
}

// CheckError returns an InternalError unless the status is one of codes.
func CheckError(resp *http.Response, codes ...int) error {
	for _, code := range codes {
		if resp.StatusCode == code {
			return nil
		}
	}
	return InternalError{StatusCode: resp.StatusCode}
}
