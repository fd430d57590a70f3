package preds

// A boolean function over a status is a retry decision when its name says
// so (retry, retriable, retryable, in any case).

// Name rule retry-decision: positive: named as a retry decision.
func isRetryableStatus(code int) bool {
	return code >= 500 // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
}

// Name rule retry-decision: negative: the same body, named as a
// classification.
func isServerError(code int) bool {
	return code >= 500
}
