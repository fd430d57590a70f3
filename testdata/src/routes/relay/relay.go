// Package relay hands requests to the handlers of another package: what
// those write, its handlers write (their facts carry it on).
package relay

import (
	"net/http"

	"routes/handlers"
)

// Relay writes what handlers.Create writes.
func Relay(w http.ResponseWriter, r *http.Request) { // want Relay:"writes\\[409\\]"
	handlers.Create(w, r)
}

// Quiet hands on to a handler that writes no constant status: no fact.
func Quiet(w http.ResponseWriter, r *http.Request) {
	handlers.List(w, r)
}

// Link is a checked link: its StatusCode is the link's, not a response's.
type Link struct {
	URL        string
	StatusCode int
	Resp       *http.Response
}

// Check stores a status in the link it returns: data, which it does not
// answer, so no fact.
func Check(w http.ResponseWriter, url string) Link {
	l := Link{URL: url}
	l.StatusCode = http.StatusUnavailableForLegalReasons
	return l
}
