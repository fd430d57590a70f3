package loops

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Positive: a counted loop that returns on success and goes round on any
// other status re-sends after 404 and friends.
func countedRetry(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			continue // no response: a transport retry is fine
		}
		if resp.StatusCode == http.StatusOK { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says to modify the request instead of re-initiating it` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return resp, nil
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
	return nil, fmt.Errorf("gave up")
}

// Positive: continue on 5xx admits 503.
func serverErrors(url string) (*http.Response, error) {
	for {
		resp, err := http.Get(url)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
}

// Positive: a switch that retries 404, range over int, and a status
// variable.
func switchRetry(c *http.Client, req *http.Request) {
	for attempt := range 5 {
		_ = attempt
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		code := resp.StatusCode
		switch code {
		case http.StatusOK:
			return
		case http.StatusNotFound, http.StatusRequestTimeout: // want `retrying on 404 \(Not Found\): huaweicloud says`
			continue
		case http.StatusTooManyRequests:
			wait, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			time.Sleep(time.Duration(wait) * time.Second)
			continue
		default:
			return
		}
	}
}

// Positive: class check written as a division.
func classRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, _ := c.Do(req)
		if resp != nil && resp.StatusCode/100 == 4 { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\) and 405 \(Method Not Allowed\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			continue
		}
		break
	}
}

// Positive: a loop that rebuilds the same request each time.
func rebuilt(c *http.Client, url string, body []byte) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return
		}
	} // falling through retries 503
}

// Positive: a self-recursive retry.
func fetch(url string, tries int) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusForbidden && tries > 0 { // want `retrying on 403 \(Forbidden\): huaweicloud says`
		return fetch(url, tries-1)
	}
	return resp, nil
}

// Negative: retries only 408 and 502, which the table allows or leaves
// open, and 429 after reading Retry-After.
func allowed(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode == http.StatusBadGateway {
			continue
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			d, _ := time.ParseDuration(resp.Header.Get("Retry-After") + "s")
			time.Sleep(d)
			continue
		}
		return
	}
}

// Negative: a different request each time (items, pages).
func eachItem(c *http.Client, base string, ids []string) {
	for _, id := range ids {
		resp, err := http.Get(base + "/" + id)
		if err != nil || resp.StatusCode == http.StatusNotFound {
			continue // skip missing items
		}
		resp.Body.Close()
	}
}

func pages(c *http.Client, base string) {
	for page := 1; ; page++ {
		req, _ := http.NewRequest("GET", base+"?page="+strconv.Itoa(page), nil)
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			return
		}
	}
}

// Negative: the request changes before it is sent again.
func modifies(c *http.Client, req *http.Request, token func() string) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusForbidden {
			req.Header.Set("Authorization", token())
			continue
		}
		return
	}
}

// Negative: polling until a resource appears.
func waitForInstance(c *http.Client, url string) {
	for {
		resp, err := http.Get(url)
		if err == nil && resp.StatusCode == http.StatusNotFound {
			time.Sleep(time.Second)
			continue
		}
		return
	}
}

func tickerPoll(url string, tick *time.Ticker) {
	for range tick.C {
		resp, err := http.Get(url)
		if err != nil || resp.StatusCode == http.StatusNotFound {
			continue
		}
		return
	}
}

// Negative: the loop stops on every status; only transport errors repeat.
func transportOnly(c *http.Client, req *http.Request) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

// Negative: classifying statuses (metrics) is no retry.
func classify(c *http.Client, req *http.Request, count map[int]int) {
	resp, err := c.Do(req)
	if err != nil {
		return
	}
	if resp.StatusCode >= 500 {
		count[resp.StatusCode]++
	}
	io.Copy(io.Discard, resp.Body)
}

// Negative: rewinding the body re-sends the same request, but only 408
// is retried.
func rewind(c *http.Client, req *http.Request, body []byte) {
	for i := 0; i < 3; i++ {
		req.Body = io.NopCloser(bytes.NewReader(body))
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != http.StatusRequestTimeout {
			return
		}
	}
}

// Negative: a server writing 503 is no retry.
func server(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 1; i++ {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// objectCall is a request built by a call chain, sent by its Do (a Google
// API client's shape).
type objectCall struct {
	c    *http.Client
	name string
}

func getObject(c *http.Client, name string) *objectCall {
	return &objectCall{c: c, name: name}
}

func (oc *objectCall) Do() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://storage.example.com/"+oc.name, nil)
	if err != nil {
		return nil, err
	}
	return oc.c.Do(req)
}

// Negative: the first of the names that exists: each round asks for
// another object, in the send's own expression.
func firstFound(c *http.Client, names []string) *http.Response {
	for _, name := range names {
		resp, err := getObject(c, name).Do()
		if err != nil {
			return nil
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		return resp
	}
	return nil
}
