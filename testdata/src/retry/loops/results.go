package loops

import (
	"net/http"
	"time"
)

// A decision whose flag is not its first result: the delay comes first
// (datadog's shouldRetryRequest). The flag decides, wherever it stands.
type delayed struct {
	hc      *http.Client
	enabled bool
	max     int
}

func (c *delayed) call(req *http.Request) (*http.Response, error) {
	for n := 0; ; n++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		d, ok := c.backoff(resp, n) // want `retrying on 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
		if !ok {
			return resp, nil
		}
		resp.Body.Close()
		time.Sleep(d)
	}
}

func (c *delayed) backoff(resp *http.Response, n int) (time.Duration, bool) {
	if !c.enabled || n >= c.max {
		return 0, false
	}
	limited := resp.StatusCode == http.StatusTooManyRequests
	failed := resp.StatusCode >= http.StatusInternalServerError
	if !(limited || failed) {
		return 0, false
	}
	return time.Second << n, true
}

// Negative: the flag says whether to give up, and the statuses it gives
// up on are the ones not to re-send.
func (c *delayed) callUntilFatal(req *http.Request) (*http.Response, error) {
	for n := 0; n < c.max; n++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if _, fatal := c.giveUp(resp); fatal {
			return resp, nil
		}
		resp.Body.Close()
	}
	return nil, nil
}

func (c *delayed) giveUp(resp *http.Response) (string, bool) {
	switch resp.StatusCode {
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return "retry", false
	}
	return "give up", true
}

// Positive: two flags after the first result. Which one decides, no fact
// of twoFlags says; its body, read where it is called, does: the loop
// goes round where the second is true: on 503.
func (c *delayed) callTwoFlags(req *http.Request) (*http.Response, error) {
	for n := 0; n < c.max; n++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if _, again, _ := c.twoFlags(resp); !again { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
		resp.Body.Close()
	}
	return nil, nil
}

func (c *delayed) twoFlags(resp *http.Response) (string, bool, bool) {
	return resp.Status, resp.StatusCode == http.StatusServiceUnavailable, resp.StatusCode == http.StatusNotFound
}
