package loops

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Polls are told from retries by what the loop does with the response.

// Negative: a health check (jaeger's crossdock httpHealthCheck): a GET
// whose response is used for its status only waits for a service to come
// up, whatever the function is called.
func httpHealthCheck(healthURL string) {
	for i := 0; i < 240; i++ {
		res, err := http.Get(healthURL)
		if err == nil {
			res.Body.Close()
		}
		if err == nil && res.StatusCode >= 200 && res.StatusCode < 300 {
			return
		}
		time.Sleep(time.Second)
	}
}

// Negative: the same with a request made for GET.
func probeService(ctx context.Context, c *http.Client, url string) bool {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	for range 30 {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return true
		}
		time.Sleep(time.Second)
	}
	return false
}

// Negative: the same, its body closed where it has one (opensearch-go's
// WaitForServerReady): a nil test of the body reads nothing of it.
func waitReadyBody(c *http.Client, req *http.Request) bool {
	for range 30 {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return true
		}
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return false
}

// Positive: the response is decoded: the loop wants it, and re-sends the
// same GET on 503.
func fetchConfig(url string, v any) error {
	for {
		res, err := http.Get(url)
		if err != nil {
			return err
		}
		if res.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			res.Body.Close()
			continue
		}
		return json.NewDecoder(res.Body).Decode(v)
	}
}

// Positive: a POST is no probe even when only its status is read.
func notify(url string) {
	for i := 0; i < 5; i++ {
		res, err := http.Post(url, "text/plain", strings.NewReader("event"))
		if err != nil {
			continue
		}
		res.Body.Close()
		if res.StatusCode < 300 { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429`
			return
		}
	}
}

// Negative: re-sending after 200 is waiting for the body to change (a job
// still running), not recovering from a failure.
func waitJob(c *http.Client, req *http.Request) (string, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return "", err
		}
		var job struct{ State string }
		json.NewDecoder(resp.Body).Decode(&job)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound {
			return "", nil
		}
		if job.State == "done" {
			return job.State, nil
		}
		time.Sleep(time.Second)
	}
}

// Negative: the response goes through variables of its own (the last
// one kept across rounds, a copy closed): it is read for its status
// only, wherever it is held.
func probeKept(c *http.Client, url string) bool {
	var last *http.Response
	for range 30 {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		last = resp
		r := last
		r.Body.Close()
		if last.StatusCode == http.StatusOK {
			return true
		}
		time.Sleep(time.Second)
	}
	return false
}

// Positive: the response kept across rounds is returned after the loop:
// it is wanted for itself.
func fetchKept(c *http.Client, url string) *http.Response {
	var last *http.Response
	for range 30 {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		last = resp
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			break
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
	return last
}
