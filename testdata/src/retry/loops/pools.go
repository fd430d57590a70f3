package loops

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// A transport over a pool of nodes (elastic-transport-go's shape): each
// round points the request at the pool's next node and puts its path back
// at the end, counts the response in the client's metrics and logs
// through the client's logger. None of that changes what the send reads
// of the client (its transport), nor the request the next round starts
// from.

type roundLogger interface {
	LogRoundTrip(*http.Request, *http.Response) error
}

// textLogger is the package's one roundLogger: it reads what it is
// given, which is what the interface is for.
type textLogger struct{ lines []string }

func (l *textLogger) LogRoundTrip(req *http.Request, res *http.Response) error {
	l.lines = append(l.lines, req.Method+" "+req.URL.String()+" "+res.Status)
	return nil
}

// roundSigner's one implementation sets a header on the request.
type roundSigner interface {
	SignRound(*http.Request) error
}

type headerSigner struct{ key string }

func (s headerSigner) SignRound(req *http.Request) error {
	req.Header.Set("Signature", s.key+req.URL.Path)
	return nil
}

// roundObserver's one implementation ignores the request: that shows
// nothing of what another may do with it.
type roundObserver interface {
	Observe(*http.Request, int)
}

type countObserver struct{ n map[int]int }

func (o countObserver) Observe(_ *http.Request, code int) { o.n[code]++ }

type poolMetrics struct {
	sync.Mutex
	responses map[int]int
}

type poolClient struct {
	transport http.RoundTripper
	nodes     []*url.URL
	metrics   *poolMetrics
	logger    roundLogger
	header    http.Header
}

func (c *poolClient) roundTrip(req *http.Request) (*http.Response, error) {
	return c.transport.RoundTrip(req)
}

func (c *poolClient) logRoundTrip(req *http.Request, res *http.Response) {
	_ = c.logger.LogRoundTrip(req, res)
}

func (c *poolClient) count(code int) {
	c.metrics.Lock()
	c.metrics.responses[code]++
	c.metrics.Unlock()
}

func (c *poolClient) setHeader(k, v string) {
	c.header.Set(k, v)
}

func setNode(u *url.URL, req *http.Request) {
	req.URL.Host = u.Host
	req.URL.Path = u.Path + req.URL.Path
}

// Positive: 503 goes again, to the next node, with the same path, headers
// and body.
func (c *poolClient) perform(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	originalPath := req.URL.Path
	for i := 0; i < 3; i++ {
		setNode(c.nodes[i%len(c.nodes)], req)
		res, err = c.roundTrip(req)
		if c.logger != nil {
			c.logRoundTrip(req, res)
		}
		if err != nil {
			return nil, err
		}
		c.count(res.StatusCode)
		c.metrics.responses[0]++
		if res.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			break
		}
		req.URL.Path = originalPath
	}
	return res, err
}

// Negative: what is put back is not the path taken before the loop: each
// round sends another path.
func (c *poolClient) performElsewhere(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	originalPath := req.URL.Path
	for i := 0; i < 3; i++ {
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
		req.URL.Path = originalPath + "/fallback"
	}
	return res, err
}

// Negative: the copy is changed in the loop before it is put back.
func (c *poolClient) performMovedCopy(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	originalPath := req.URL.Path
	for i := 0; i < 3; i++ {
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
		originalPath = "/v2" + originalPath
		req.URL.Path = originalPath
	}
	return res, err
}

// Negative: the send reads what the method after it changes (a header
// the next request carries).
func (c *poolClient) performWithHeader(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		res, err = c.send(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
		c.setHeader("X-Attempt", "again")
	}
	return res, err
}

func (c *poolClient) send(req *http.Request) (*http.Response, error) {
	for k, v := range c.header {
		req.Header[k] = v
	}
	return c.roundTrip(req)
}

// Positive: each round after the first sends a copy of the request
// (opensearch-go's Stream clones it so that the transport's goroutine of
// the last round reads its own), pointed at the next node: the same
// request.
func (c *poolClient) performCloned(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if i > 0 {
			req = req.Clone(req.Context())
		}
		setNode(c.nodes[i%len(c.nodes)], req)
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			break
		}
	}
	return res, err
}

// Negative: the copy carries a header that changes each round.
func (c *poolClient) performClonedAttempt(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		req = req.Clone(req.Context())
		req.Header.Set("X-Attempt", strconv.Itoa(i))
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
	}
	return res, err
}

// Negative: the package's signer, handed the request through its
// interface after each round, sets a header on it.
func (c *poolClient) performSigned(req *http.Request, signer roundSigner) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
		if err := signer.SignRound(req); err != nil {
			return nil, err
		}
	}
	return res, err
}

// Negative: an observer of the package's own interface is handed the
// request, and the package's one observer does not read it: what
// another does with it is not known.
func (c *poolClient) performObserved(req *http.Request, o roundObserver) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		res, err = c.roundTrip(req)
		if err != nil {
			return nil, err
		}
		o.Observe(req, res.StatusCode)
		if res.StatusCode != http.StatusServiceUnavailable {
			break
		}
	}
	return res, err
}
