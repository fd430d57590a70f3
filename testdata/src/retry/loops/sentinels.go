package loops

import (
	"encoding/json"
	"errors"
	"net/http"
)

// A session that opens once (discordgo's Open): it returns a sentinel
// when it is open already, before it asks the API for anything, and the
// API's errors after.

var errAlreadyOpen = errors.New("already open")

// unmarshal stands for json.Unmarshal, as discordgo's Unmarshal does.
var unmarshal = json.Unmarshal

type session struct {
	c       *http.Client
	req     *http.Request
	open    bool
	gateway string
}

func (s *session) fetchGateway() error {
	resp, err := s.c.Do(s.req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	var g struct{ URL string }
	return unmarshal([]byte(resp.Status), &g)
}

func (s *session) openOnce() error {
	if s.open {
		return errAlreadyOpen
	}
	defer func() { s.open = true }()
	return s.fetchGateway()
}

// Positive: the error of a failed status is never the sentinel, so every
// failure goes round: the same request for the gateway again.
func (s *session) reconnect() {
	for {
		err := s.openOnce()
		if err == nil || err == errAlreadyOpen { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
	}
}

// openChecked returns the sentinel for every failure, as its caller
// takes it: whatever the status, the error is errAlreadyOpen.
func (s *session) openChecked() error {
	if err := s.fetchGateway(); err != nil {
		return errAlreadyOpen
	}
	return nil
}

// Negative: every failure comes back as the sentinel, which ends the
// loop: nothing goes round (the AST flow, which did not read what
// openChecked returns, reported 400-405, 503 and 429 here).
func (s *session) reconnectChecked() {
	for {
		err := s.openChecked()
		if err == nil || err == errAlreadyOpen {
			return
		}
	}
}
