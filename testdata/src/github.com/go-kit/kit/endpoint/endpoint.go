// Package endpoint is a stub of go-kit's endpoint package.
package endpoint

import "context"

// Endpoint is the fundamental building block of servers and clients.
type Endpoint func(ctx context.Context, request interface{}) (response interface{}, err error)
