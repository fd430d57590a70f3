package loops

import (
	"net/http"
	"time"
)

// doer is how SDKs make their HTTP client replaceable.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Positive: a send through the interface is a send.
func viaInterface(c doer, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
	return nil, nil
}

// notDoer has a Do of another shape: no send.
type notDoer interface {
	Do(name string) (int, error)
}

// Negative: a loop around another Do is no retry.
func viaOther(c notDoer) int {
	for i := 0; i < 3; i++ {
		code, err := c.Do("job")
		if err != nil {
			continue
		}
		if code == http.StatusServiceUnavailable {
			continue
		}
		return code
	}
	return 0
}

// Positive: the decision kept in a flag, set under a status test.
func flagRetry(c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		res, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		shouldRetry := false
		if res.StatusCode == http.StatusBadGateway || res.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			shouldRetry = true
		}
		if !shouldRetry {
			return res, nil
		}
		time.Sleep(time.Second)
	}
	return nil, nil
}

// Negative: the flag is set only for what may be re-sent.
func flagRetryTimeout(c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		res, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		var retry bool
		if res.StatusCode == http.StatusRequestTimeout {
			retry = true
		}
		if !retry {
			return res, nil
		}
	}
	return nil, nil
}

// Negative: the decision admits 429, and the one loop that uses it waits
// as Retry-After says, through a helper that reads the header by a name
// from a list (openai-go's shape). 503 is still no status to re-send.
func shouldRetryCaller(res *http.Response) bool {
	return res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= http.StatusInternalServerError // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
}

func retryWait(res *http.Response) time.Duration {
	for _, name := range []string{"Retry-After-Ms", "Retry-After"} {
		if v := res.Header.Get(name); v != "" {
			if d, err := time.ParseDuration(v + "s"); err == nil {
				return d
			}
		}
	}
	return time.Second
}

func callerWaits(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		res, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if !shouldRetryCaller(res) {
			return res, nil
		}
		time.Sleep(retryWait(res))
	}
	return nil, nil
}

// Negative: what goes round is decided by a closure over the response
// that this check cannot read (client-go's IsNextRetry), not by the
// status test before it: no codes are listed.
func opaqueDecision(c *http.Client, req *http.Request, next func(*http.Response) bool) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		done := func() bool {
			return !next(resp)
		}()
		if done {
			return nil, err
		}
	}
}

// Positive: a test of something that does not depend on the response
// (the context) leaves the status test deciding.
func contextGate(c *http.Client, req *http.Request, alive func() bool) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
		if !alive() {
			return nil, nil
		}
	}
}
