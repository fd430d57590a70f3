package preds

import "net/http"

// The decisions of this package are its client's: each is stored in a
// client's policy field, and so reaches the client's re-sends. A decision
// that nothing names, and no other package can, reaches none and is not
// reported, whatever its name.
type client struct {
	retryCode func(int) bool
	retryResp func(*http.Response) bool
}

var clients = []client{
	{retryCode: isRetryableStatus},
	{retryCode: isRetryableInSet},
	{retryCode: isRetryable},
	{retryCode: shouldRetry},
	{retryResp: retriable},
}

// Negative: named as a decision, unused.
func unusedRetryCondition(code int) bool {
	return code == http.StatusServiceUnavailable
}
