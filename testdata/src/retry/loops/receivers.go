package loops

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

// logger is the part of *log.Logger an SDK logs through.
type logger interface {
	Output(int, string) error
}

// conn is an SDK's client: after a failed try its loop sends an event
// and logs a line, which change nothing a request is built from, or
// refreshes its token, which does.
type conn struct {
	hc     *http.Client
	token  string
	events chan string
	log    logger
	std    *log.Logger
}

func (c *conn) open() (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodPost, "https://api.example.com/connect?token="+c.token, nil)
	return c.hc.Do(req)
}

func (c *conn) debugf(format string, v ...any) {
	_ = c.log.Output(2, fmt.Sprintf(format, v...))
	c.std.Printf(format, v...)
}

func (c *conn) sendEvent(e string) {
	c.events <- e
}

func (c *conn) refresh() {
	c.token = "fresh"
}

// Positive: what the loop calls on the client after the send leaves it
// alone: the same request goes again on 503.
func (c *conn) connect() (*http.Response, error) {
	for {
		resp, err := c.open()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
		c.sendEvent("connection_error")
		c.debugf("reconnecting after %d", resp.StatusCode)
		time.Sleep(time.Second)
	}
}

// Negative: the client's token is refreshed before the next try: a
// changed request.
func (c *conn) connectRefreshing() (*http.Response, error) {
	for {
		resp, err := c.open()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusServiceUnavailable {
			return resp, nil
		}
		c.debugf("refreshing")
		c.refresh()
		time.Sleep(time.Second)
	}
}

// poster re-posts a result with a backoff and a timeout it doubles each
// round, as anthropic-sdk-go's resultPoster does; what it sends is built
// from its client, its path and its headers.
type poster struct {
	hc      *http.Client
	path    string
	header  http.Header
	backoff time.Duration
	window  window
	refresh func() error
}

// window holds how long the poster may go on: ttl is a getter set once.
type window struct {
	began time.Time
	ttl   func() time.Duration
}

func (p *poster) post() (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodPost, "https://api.example.com"+p.path, nil)
	req.Header = p.header.Clone()
	return p.hc.Do(req)
}

// wait sleeps the backoff and says whether the window is still open: it
// reads the window's getter, which changes nothing the post reads.
func (p *poster) wait(backoff time.Duration) bool {
	time.Sleep(backoff)
	return time.Until(p.window.began.Add(p.window.ttl())) > 0
}

// renew refreshes what the poster holds through a hook that may fail:
// what the hook changes cannot be told.
func (p *poster) renew() bool {
	return p.refresh() == nil
}

// Positive: the loop doubles p.backoff and asks wait, whose getter
// changes nothing: p.path and p.header, what the post is built from, are
// the same each round.
func (p *poster) send() error {
	for {
		backoff := p.backoff
		p.backoff = min(backoff*2, time.Minute)
		resp, err := p.post()
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 300 {
			return nil
		}
		if resp.StatusCode != http.StatusServiceUnavailable || !p.wait(backoff) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return fmt.Errorf("status %d", resp.StatusCode)
		}
	}
}

// Negative: the loop sets p.path, what the post is built from: a new
// request each round.
func (p *poster) sendElsewhere(paths []string) error {
	for i := 0; ; i++ {
		p.path = paths[i%len(paths)]
		resp, err := p.post()
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// Negative: renew's hook may change anything the poster holds, p.header
// among it: the request may differ.
func (p *poster) sendRenewing() error {
	for {
		resp, err := p.post()
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || !p.renew() {
			return nil
		}
		time.Sleep(time.Second)
	}
}
