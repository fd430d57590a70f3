// Package policy is a stub of azcore's policy package.
package policy

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/internal/exported"
)

// Request is the pipeline's request.
type Request = exported.Request

// RetryOptions configure the retry policy.
type RetryOptions struct {
	MaxRetries  int32
	StatusCodes []int
	ShouldRetry func(*http.Response, error) bool
}
