package loops

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

// Positive: a request kept outside the loop but rebuilt whole each round
// from what does not change is the same request (oci's federation client:
// httpRequest, err = MakeDefaultHTTPRequestWithTaggedStruct(...)).
func rebuiltOutside(c *http.Client, url string, body []byte) error {
	var req *http.Request
	var err error
	for i := 0; i < 3; i++ {
		if req, err = http.NewRequest(http.MethodPost, url, bytes.NewReader(body)); err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return nil
		}
	}
	return err
}

// Negative: rebuilt each round from the round's number: another request.
func rebuiltFromRound(c *http.Client, url string) error {
	var req *http.Request
	var err error
	for i := 0; i < 3; i++ {
		if req, err = http.NewRequest(http.MethodGet, fmt.Sprintf("%s?page=%d", url, i), nil); err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusServiceUnavailable {
			return nil
		}
	}
	return err
}

// Negative: built from what it was the round before: another request.
func rebuiltFromItself(c *http.Client, url string) error {
	for i := 0; i < 3; i++ {
		url = url + "/next"
		resp, err := c.Post(url, "application/json", nil)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusServiceUnavailable {
			return nil
		}
	}
	return nil
}

// Positive: each round's context has a longer timeout, which the API does
// not see: the same request (anthropic's resultPoster).
func growingTimeout(parent context.Context, c *http.Client, url string) error {
	timeout := time.Second
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithTimeout(parent, timeout)
		timeout *= 2
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
		if err != nil {
			cancel()
			return err
		}
		resp, err := c.Do(req)
		cancel()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return nil
		}
	}
	return nil
}
