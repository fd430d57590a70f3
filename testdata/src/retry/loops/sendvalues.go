package loops

import (
	"net/http"
	"time"
)

// A send is a call of send type, whatever is called: a client's do func,
// a middleware chain built over hc.Do, a parameter.

type sendFunc func(*http.Request) (*http.Response, error)

type fieldClient struct {
	do func(*http.Request) (*http.Response, error)
}

// Positive: the client's do field, in a loop that goes round on 503.
func (c *fieldClient) get(req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.do(req)
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

// logging wraps a send: the chain it returns is one too.
func logging(next sendFunc) sendFunc {
	return func(r *http.Request) (*http.Response, error) { return next(r) }
}

// Positive: a middleware chain over hc.Do, called through a variable of a
// named send type.
func chain(hc *http.Client, req *http.Request) {
	send := logging(hc.Do)
	for {
		resp, err := send(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			return
		}
	}
}

// Positive: a send handed in as a parameter.
func viaParam(send func(*http.Request) (*http.Response, error), req *http.Request) {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := send(req)
		if err == nil && resp.StatusCode < 500 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return
		}
	}
}

// Positive: a method value of the client, kept in a variable.
func viaMethodValue(hc *http.Client, req *http.Request) {
	send := hc.Do
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := send(req)
		if err == nil && resp.StatusCode < 500 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return
		}
	}
}

// Positive: an interface's send, a transport's RoundTrip.
func viaTransport(rt http.RoundTripper, req *http.Request) {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := rt.RoundTrip(req)
		if err == nil && resp.StatusCode < 500 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return
		}
	}
}

// Negative: a conversion to a send type calls nothing; the loop only
// builds transports.
func conversions(fns []func(*http.Request) (*http.Response, error)) []sendFunc {
	var out []sendFunc
	for _, f := range fns {
		d := sendFunc(f)
		if d != nil {
			out = append(out, d)
		}
	}
	return out
}

// Negative: a send value called for each request of a list: a different
// request each round.
func eachRequest(send sendFunc, reqs []*http.Request) {
	for _, r := range reqs {
		resp, err := send(r)
		if err != nil || resp.StatusCode == http.StatusServiceUnavailable {
			continue
		}
	}
}

// A set of statuses a constructor stores in a field, by value flow: the
// default map the constructor gives when the user gives none.

type setClient struct {
	hc            *http.Client
	retryOnStatus map[int]bool
}

type setConfig struct {
	retryOnStatus map[int]bool
}

func defaultSetConfig() setConfig {
	return setConfig{retryOnStatus: map[int]bool{502: true, 503: true, 504: true}}
}

func newSetClient(cfg setConfig) *setClient {
	c := &setClient{hc: http.DefaultClient, retryOnStatus: cfg.retryOnStatus}
	if c.retryOnStatus == nil {
		c.retryOnStatus = map[int]bool{http.StatusBadGateway: true, http.StatusServiceUnavailable: true}
	}
	return c
}

// Positive: membership in the field's set decides the re-send.
func (c *setClient) do(req *http.Request) (*http.Response, error) {
	for tries := 0; ; tries++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if !c.retryOnStatus[resp.StatusCode] || tries == 3 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
		resp.Body.Close()
	}
}

type quietClient struct {
	hc      *http.Client
	retryOn map[int]bool
}

func newQuietClient() *quietClient {
	return &quietClient{hc: http.DefaultClient, retryOn: map[int]bool{http.StatusBadGateway: true, http.StatusGatewayTimeout: true}}
}

// Negative: the field's only set holds 502 and 504, which may be re-sent.
func (c *quietClient) do(req *http.Request) (*http.Response, error) {
	for tries := 0; ; tries++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if !c.retryOn[resp.StatusCode] || tries == 3 {
			return resp, nil
		}
		resp.Body.Close()
	}
}
