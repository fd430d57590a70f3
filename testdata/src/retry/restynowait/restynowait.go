// Package restynowait gives resty a wait that reads no header: the
// client's conditions re-send 429 without waiting as Retry-After says.
package restynowait

import (
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

func newClient() *resty.Client {
	return resty.New().
		AddRetryCondition(tooManyRequestsRetryCondition).
		SetRetryAfter(func(*resty.Client, *resty.Response) (time.Duration, error) { return time.Second, nil })
}

// Positive: the client waits one second, whatever the API says.
func tooManyRequestsRetryCondition(r *resty.Response, _ error) bool {
	return r.StatusCode() == http.StatusTooManyRequests // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
}
