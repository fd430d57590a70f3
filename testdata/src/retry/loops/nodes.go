package loops

import (
	"net/http"
	"sync/atomic"
	"time"
)

// A send that is handed the connection it goes out on beside the request
// (opensearch-go's roundTripAttempt(req, ..., conn)): the connection picks
// where the request goes and is counted after the send, which changes
// nothing the API sees; a token handed beside the request is written into
// it, so a new token is a new request.

type node struct {
	draining atomic.Int32
	failures atomic.Int32
}

type nodeObserver interface {
	OnFailure(*node)
}

type nodeClient struct {
	transport http.RoundTripper
	observer  nodeObserver
	conns     []*node
	retryOn   []int
}

// attempt reads c only to decide whether to close the connection after
// this request: a constant, not a value of the request.
func (c *nodeClient) attempt(req *http.Request, cn *node) (*http.Response, error) {
	if n := cn.draining.Swap(0); n > 0 {
		req.Close = true
	}
	return c.transport.RoundTrip(req)
}

// Positive: 503 (in the list of statuses to retry) goes again on the next
// connection, the failed one handed to an observer; the later test of 429
// is not where 503 is decided.
func (c *nodeClient) stream(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < len(c.conns); i++ {
		cn := c.conns[i]
		res, err = c.attempt(req, cn)
		if err != nil {
			return nil, err
		}
		retry := false
		for _, code := range c.retryOn {
			if res.StatusCode == code { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
				retry = true
			}
		}
		if res.StatusCode == http.StatusTooManyRequests && len(c.conns) > 1 { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			retry = true
		}
		if !retry {
			break
		}
		c.observer.OnFailure(cn)
		cn.failures.Add(1)
		res.Body.Close()
	}
	return res, err
}

func newNodeClient(rt http.RoundTripper) *nodeClient {
	return &nodeClient{transport: rt, retryOn: []int{http.StatusBadGateway, http.StatusServiceUnavailable}}
}

type tokenSource interface {
	Refresh() string
}

// attemptAs writes the token into the request it sends.
func (c *nodeClient) attemptAs(req *http.Request, token string) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+token)
	return c.transport.RoundTrip(req)
}

// Negative: after a 403 the token is refreshed, and the next round sends
// the request with the new one.
func (c *nodeClient) authorized(req *http.Request, ts tokenSource) (*http.Response, error) {
	token := ts.Refresh()
	for {
		res, err := c.attemptAs(req, token)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusForbidden {
			return res, nil
		}
		res.Body.Close()
		time.Sleep(time.Second)
		token = ts.Refresh()
	}
}
