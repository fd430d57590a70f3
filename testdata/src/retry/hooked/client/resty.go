package client

import (
	"github.com/go-resty/resty/v2"
)

// A RestyClient wraps resty; RetryOn gives it a retry condition.
type RestyClient struct{ r *resty.Client }

// NewResty makes a RestyClient that retries as resty does: no wait for
// Retry-After is configured.
func NewResty() *RestyClient { return &RestyClient{r: resty.New().SetRetryCount(3)} }

// RetryOn adds a retry condition: it is handed to resty's
// AddRetryCondition.
func (c *RestyClient) RetryOn(cond resty.RetryConditionFunc) *RestyClient {
	c.r.AddRetryCondition(cond)
	return c
}

// Get sends a GET.
func (c *RestyClient) Get(url string) (*resty.Response, error) { return c.r.R().Get(url) }
