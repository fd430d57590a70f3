// Package exported is a stub of azcore's internal/exported: the pipeline
// request whose Next sends it through the remaining policies.
package exported

import (
	"context"
	"net/http"
)

// Request is a request on its way through a pipeline.
type Request struct{ req *http.Request }

// Next sends the request to the next policy, the last of which performs
// it.
func (r *Request) Next() (*http.Response, error) { return nil, nil }

// Clone returns a copy of the request with ctx.
func (r *Request) Clone(ctx context.Context) *Request { return &Request{req: r.req.Clone(ctx)} }

// Raw returns the *http.Request.
func (r *Request) Raw() *http.Request { return r.req }

// RewindBody seeks the body back to its start.
func (r *Request) RewindBody() error { return nil }
