// Package lib has status parameters statuslint cannot see through: it
// stores the status for later instead of passing it on.
package lib

// Reply records a status.
type Reply struct{ status int }

// Code sets the reply's status.
func (r *Reply) Code(c int) *Reply { r.status = c; return r }

// Abort ends a request with a status.
func Abort(reason string, status int) {}

// Other is not a sink.
func Other(n int) {}
