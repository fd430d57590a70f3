package loops

import (
	"errors"
	"net/http"
	"time"

	"github.com/valyala/fasthttp"
)

// Positive: a labeled continue from a nested loop re-sends.
func labeledContinue(c *http.Client, req *http.Request, okCodes []int) {
outer:
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		for _, ok := range okCodes {
			if resp.StatusCode == ok {
				return
			}
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			for j := 0; j < 2; j++ {
				time.Sleep(time.Second)
				continue outer
			}
		}
		return
	}
}

// Negative: a continue or break in a nested loop is the nested loop's, and
// a labeled break leaves the retry loop.
func nestedBranches(c *http.Client, req *http.Request, logs []string) {
outer:
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusNotFound {
			for _, l := range logs {
				if l == "" {
					continue
				}
				break
			}
			break outer
		}
		if resp.StatusCode == http.StatusRequestTimeout {
			continue
		}
		return
	}
}

// Positive: fallthrough carries 503 into the case that retries.
func fallthroughRetry(c *http.Client, req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		switch resp.StatusCode {
		case http.StatusServiceUnavailable: // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			fallthrough
		case http.StatusRequestTimeout:
			continue
		}
		return
	}
}

// Positive: receiving from a channel (a cancellation, a timer) is how a
// retry waits; it does not make the loop a poll.
func selectRetry(c *http.Client, req *http.Request, done chan struct{}) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != http.StatusForbidden { // want `retrying on 403 \(Forbidden\): huaweicloud says`
			return
		}
		select {
		case <-done:
			return
		default:
		}
	}
}

// Positive: a type switch on the error does not hide the status test.
func typeSwitchRetry(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		switch err.(type) {
		case nil:
		default:
			return err
		}
		if resp.StatusCode == http.StatusBadRequest { // want `retrying on 400 \(Bad Request\): huaweicloud says`
			continue
		}
		return nil
	}
}

// Negative: the request is rebuilt from a page number through a chain of
// variables longer than any depth cut-off: each round sends a new request.
func deepChain(c *http.Client, base string) error {
	for page := 0; page < 10; page++ {
		p1 := page
		p2 := p1 + 1
		p3 := p2 * 2
		p4 := p3
		p5 := p4
		p6 := p5
		p7 := p6
		p8 := p7
		p9 := p8
		p10 := p9
		req, _ := http.NewRequest("GET", base+string(rune('0'+p10)), nil)
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		return errors.New("done")
	}
	return nil
}

// Positive: fasthttp's Do, and its response's StatusCode method.
func fasthttpRetry(req *fasthttp.Request) {
	resp := fasthttp.AcquireResponse()
	for i := 0; i < 3; i++ {
		if err := fasthttp.Do(req, resp); err != nil {
			continue
		}
		if resp.StatusCode() == fasthttp.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return
	}
}

// Positive: the 401 path refreshes the token, so only the other path
// re-sends the same request.
func refreshOn401(c *http.Client, req *http.Request, token func() string) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		switch resp.StatusCode {
		case http.StatusUnauthorized:
			req.Header.Set("Authorization", token())
			continue
		case http.StatusServiceUnavailable: // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return resp, nil
	}
}

// Negative: a cache the request is built from changes on the retried
// path (minio-go's region redirect).
type regionClient struct {
	hc      *http.Client
	regions map[string]string
}

func (rc *regionClient) newRequest(bucket string) *http.Request {
	req, _ := http.NewRequest("GET", "https://"+rc.regions[bucket], nil)
	return req
}

func (rc *regionClient) setRegion(bucket, region string) { rc.regions[bucket] = region }

func (rc *regionClient) get(bucket string) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		req := rc.newRequest(bucket)
		resp, err := rc.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusMovedPermanently || resp.StatusCode == http.StatusBadRequest {
			rc.setRegion(bucket, resp.Header.Get("X-Region"))
			continue
		}
		return resp, nil
	}
	return nil, nil
}
