// Package retry is a stub of github.com/aws/aws-sdk-go-v2/aws/retry.
package retry

// RetryableHTTPStatusCode retries the statuses in Codes.
type RetryableHTTPStatusCode struct {
	Codes map[int]struct{}
}

// IsErrorRetryable is the SDK's retry decision.
func (r RetryableHTTPStatusCode) IsErrorRetryable(err error) bool { return false }
