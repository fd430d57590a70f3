package loops

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"sort"
	"time"
)

// A request handed to a function after the send may come back changed: a
// signer sets its Authorization header again. A function that only reads
// it (logs it, formats it) changes nothing.

type signer struct {
	hc    *http.Client
	token string
}

func (s *signer) sign(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+s.token)
}

func (s *signer) refresh() {
	s.token = "fresh"
}

func setAuth(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
}

func describe(req *http.Request) string {
	return fmt.Sprintf("%s %s", req.Method, req.URL.Redacted())
}

func logAttempt(req *http.Request, code int) {
	log.Printf("%s: %d", describe(req), code)
}

// Negative: a 403 re-signs the request before it goes again.
func (s *signer) resign(req *http.Request) (*http.Response, error) {
	for {
		resp, err := s.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusForbidden {
			s.refresh()
			s.sign(req)
			continue
		}
		return resp, nil
	}
}

// Negative: the same with a function of the package.
func (s *signer) resignFunc(req *http.Request) (*http.Response, error) {
	for {
		resp, err := s.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusForbidden {
			setAuth(req, "fresh")
			continue
		}
		return resp, nil
	}
}

// Negative: each round signs the request with the client's token before
// it sends, and a 403 refreshes the token: the next request differs,
// though the send reads only the client's HTTP client.
func (s *signer) signEachRound(req *http.Request) (*http.Response, error) {
	for {
		s.sign(req)
		resp, err := s.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusForbidden {
			s.refresh()
			continue
		}
		return resp, nil
	}
}

// Positive: after the send the request is only logged.
func (s *signer) logged(req *http.Request) (*http.Response, error) {
	for {
		resp, err := s.hc.Do(req)
		if err != nil {
			return nil, err
		}
		logAttempt(req, resp.StatusCode)
		if resp.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

// tryOptions are a retry policy's options: the request is built from one
// field (azcore's TryTimeout), the statuses are another.
type tryOptions struct {
	TryTimeout time.Duration
	Codes      []int
}

// Positive: each round's request takes its context from opts.TryTimeout;
// handing opts.Codes on after the send changes nothing it is built from.
func withTimeouts(c *http.Client, req *http.Request, opts *tryOptions) (*http.Response, error) {
	for {
		ctx, cancel := context.WithTimeout(req.Context(), opts.TryTimeout)
		resp, err := c.Do(req.WithContext(ctx))
		cancel()
		if err != nil {
			return nil, err
		}
		sort.Ints(opts.Codes)
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
	}
}

// Positive: the timeout grows each round, and a timeout bounds how long
// the request may take, not what the API is asked: the same request goes
// again (anthropic-sdk-go's resultPoster doubles its own).
func withGrowingTimeouts(c *http.Client, req *http.Request, opts *tryOptions) (*http.Response, error) {
	for {
		ctx, cancel := context.WithTimeout(req.Context(), opts.TryTimeout)
		resp, err := c.Do(req.WithContext(ctx))
		cancel()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
		opts.TryTimeout *= 2
	}
}
