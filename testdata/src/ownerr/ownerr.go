// Package ownerr is a project's own error type that carries a response's
// status: its Code is given resp.StatusCode and constants, nothing else,
// so it holds a status (a fact tells other packages).
package ownerr

import "net/http"

type StatusError struct {
	Code int
	Msg  string
}

func (e *StatusError) Error() string { return e.Msg }

func Check(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		return &StatusError{Code: resp.StatusCode, Msg: resp.Status}
	}
	return nil
}

// Negative: a field given a computed value holds no status by data flow.
type Job struct{ Code int }

func (j *Job) Run(n int) { j.Code = n * 2 }
