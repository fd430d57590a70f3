// Package restywait configures resty to wait as Retry-After says: the
// client's conditions re-send 429 after that wait.
package restywait

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-resty/resty/v2"
)

func newClient() *resty.Client {
	return resty.New().
		SetRetryCount(3).
		AddRetryCondition(tooManyRequestsRetryCondition).
		AddRetryCondition(func(r *resty.Response, err error) bool {
			return r.StatusCode() == http.StatusTooManyRequests || r.StatusCode() == http.StatusServiceUnavailable // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
		}).
		SetRetryAfter(respectRetryAfter)
}

// respectRetryAfter waits for the time the header gives.
func respectRetryAfter(_ *resty.Client, r *resty.Response) (time.Duration, error) {
	secs, err := strconv.Atoi(r.Header().Get("Retry-After"))
	return time.Duration(secs) * time.Second, err
}

// Negative: a condition of the client, whose 429 waits for Retry-After.
func tooManyRequestsRetryCondition(r *resty.Response, _ error) bool {
	return r.StatusCode() == http.StatusTooManyRequests
}
