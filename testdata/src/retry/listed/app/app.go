// Package app configures lib's retrying sender: what it lists is
// re-sent (lib's facts.ListRepeat, and Defaults' facts.Codes).
package app

import (
	"net/http"

	"retry/listed/lib"
)

// Positive: the defaults hold 429 (the loop does not read Retry-After)
// and 503.
func defaults(c *http.Client) lib.Sender {
	return lib.RetryFor(c, lib.Defaults...) // want `retrying on 503 \(Service Unavailable\) \(through RetryFor` `retrying on 429 \(Too Many Requests\) \(through RetryFor, whose loop re-sends at lib.go:38 the statuses it is given\) without reading Retry-After`
}

// Positive: a literal list.
func notFound(c *http.Client) lib.Sender {
	return lib.RetryFor(c, http.StatusNotFound, http.StatusBadGateway) // want `retrying on 404 \(Not Found\) \(through RetryFor`
}

// Negative: statuses that may be re-sent.
func gateway(c *http.Client) lib.Sender {
	return lib.RetryFor(c, http.StatusBadGateway, http.StatusGatewayTimeout)
}

// Negative: the list is the caller's.
func passed(c *http.Client, codes []int) lib.Sender {
	return lib.RetryFor(c, codes...)
}

// Positive: the transport's statuses, a field its option fills, hold 429
// and 503 (of the defaults, those its predicate retries).
func transport(rt http.RoundTripper) http.RoundTripper {
	return lib.NewRetryTransport(rt, lib.WithStatuses(lib.Defaults...)) // want `retrying on 503 \(Service Unavailable\) \(through WithStatuses, whose loop re-sends at transport.go:96` `retrying on 429 \(Too Many Requests\) \(through WithStatuses`
}

// Negative: statuses that may be re-sent.
func gatewayTransport(rt http.RoundTripper) http.RoundTripper {
	return lib.NewRetryTransport(rt, lib.WithStatuses(http.StatusBadGateway, http.StatusGatewayTimeout))
}
