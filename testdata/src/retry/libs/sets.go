package libs

import (
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// Sets of retried statuses given to a retry library.

var retryableCodes = map[int]struct{}{
	http.StatusInternalServerError: {},
	http.StatusServiceUnavailable:  {},
}

// Positive: the set, a package-level variable, holds 503.
var awsRetryable = retry.RetryableHTTPStatusCode{Codes: retryableCodes} // want `retrying on 503 \(Service Unavailable\) \(through RetryableHTTPStatusCode.Codes\): huaweicloud says`

// Positive: a literal set, with 404.
var awsLiteral = retry.RetryableHTTPStatusCode{Codes: map[int]struct{}{404: {}, 502: {}}} // want `retrying on 404 \(Not Found\) \(through RetryableHTTPStatusCode.Codes\): huaweicloud says`

// Negative: only what the API allows; 429 is not judged (whether the
// SDK waits for Retry-After is not known).
var awsSafe = retry.RetryableHTTPStatusCode{Codes: map[int]struct{}{http.StatusBadGateway: {}, http.StatusTooManyRequests: {}}}
