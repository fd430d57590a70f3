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
