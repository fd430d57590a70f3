// Package sdk is a client whose error carries the response's status in a
// field named StatusCode: its package speaks HTTP.
package sdk

import "net/http"

type ServiceError struct {
	StatusCode int
	Message    string
}

func (e *ServiceError) Error() string { return e.Message }

func Check(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return &ServiceError{StatusCode: resp.StatusCode}
	}
	return nil
}
