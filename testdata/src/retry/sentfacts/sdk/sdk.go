// Package sdk sends and fails with the status, as an SDK's core does:
// what its senders' errors say of the status is read on their SSA form
// (engine.SentErrors) and exported as facts for package app's loops.
package sdk

import (
	"errors"
	"log"
	"net/http"
	"time"
)

// APIError carries the status of a failed response.
type APIError struct{ StatusCode int }

func (e *APIError) Error() string { return http.StatusText(e.StatusCode) }

// checkAPI fails for 400 and up.
func checkAPI(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return &APIError{StatusCode: resp.StatusCode}
	}
	return nil
}

// delayFor retries 503 while attempts remain (dropbox's Policy.Delay):
// false for 503 too, once they are spent.
func delayFor(resp *http.Response, attempt int) (time.Duration, bool) {
	if attempt >= 3 || resp.StatusCode != http.StatusServiceUnavailable {
		return 0, false
	}
	return time.Second, true
}

// ExecuteDelayed sends again while delayFor says so, then fails with
// the status: for 503 too, once the attempts are spent.
func ExecuteDelayed(c *http.Client, req *http.Request) error {
	for attempt := 0; ; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode < http.StatusMultipleChoices {
			return nil
		}
		if wait, ok := delayFor(resp, attempt); ok { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(wait)
			continue
		}
		return &APIError{StatusCode: resp.StatusCode}
	}
}

// executeStyled fails with the status for every response but a 200 of
// the style it knows (dropbox's ExecuteContext): for every status.
func executeStyled(c *http.Client, req *http.Request, style string) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		switch style {
		case "rpc", "upload":
			return nil
		}
	}
	return &APIError{StatusCode: resp.StatusCode}
}

// ExecuteRPC hands on executeStyled's error as it is (dropbox's
// Execute): its error is the send's, for every status it fails for.
func ExecuteRPC(c *http.Client, req *http.Request) error {
	return executeStyled(c, req, "rpc")
}

// logIf runs f, as a logger's callback (oci's IfInfo).
func logIf(f func()) { f() }

// DoLogged keeps its error in a named result that a logging callback
// reads (oci's httpDo): the callback writes nothing, so the error is what
// the body stored last, its check's for 400 and up.
func DoLogged(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	resp, err = c.Do(req)
	if err != nil {
		logIf(func() { log.Print(err) })
		return resp, err
	}
	err = checkAPI(resp)
	return resp, err
}

// errUpgrade is a later step's failure, whatever the status was.
var errUpgrade = errors.New("upgrade failed")

// Upgrade asks for an address, then fails on its own (discordgo's Open:
// the gateway's GET, then the websocket's dial): its error is the
// status's for 400 and up, and says nothing of the status below.
func Upgrade(c *http.Client, req *http.Request, dial func() bool) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if err := checkAPI(resp); err != nil {
		return err
	}
	if !dial() {
		return errUpgrade
	}
	return nil
}

// SendTimed drops the response of an attempt whose own deadline passed
// (anthropic's RequestConfig.send): where res is nil, err is not, and
// the test of the status below is never reached with it. Its error is
// the status's for 400 and up only.
func SendTimed(c *http.Client, req *http.Request, expired func() error) error {
	res, err := c.Do(req)
	if err == nil && res.StatusCode >= http.StatusInternalServerError {
		log.Printf("server error %d", res.StatusCode)
	}
	if e := expired(); e != nil {
		res, err = nil, e
	}
	switch {
	case err != nil:
		return err
	case res.StatusCode >= http.StatusBadRequest:
		return &APIError{StatusCode: res.StatusCode}
	}
	return nil
}

// Options are a call's settings; Ignore lists the statuses it does not
// fail on.
type Options struct{ Ignore []int }

// checkIgnoring fails for 400 and up but the statuses ignore lists
// (olivere's checkResponse).
func checkIgnoring(resp *http.Response, ignore ...int) error {
	if resp.StatusCode < http.StatusBadRequest {
		return nil
	}
	for _, code := range ignore {
		if code == resp.StatusCode {
			return nil
		}
	}
	return &APIError{StatusCode: resp.StatusCode}
}

// Perform sends and fails as checkIgnoring says for the statuses its
// options do not ignore (olivere's PerformRequest): for every status from
// 400, where they ignore none.
func Perform(c *http.Client, req *http.Request, opt Options) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return checkIgnoring(resp, opt.Ignore...)
}

// Exists ignores a 404.
func Exists(c *http.Client, req *http.Request) error {
	return Perform(c, req, Options{Ignore: []int{http.StatusNotFound}})
}

// A Gateway sends through HC.
type Gateway struct{ HC *http.Client }

// Perform fails for 502 to 504 alone, with the response
// (elastic-transport's Perform, once its own attempts are spent).
func (g *Gateway) Perform(req *http.Request) (*http.Response, error) {
	resp, err := g.HC.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= http.StatusBadGateway && resp.StatusCode <= http.StatusGatewayTimeout {
		return resp, &APIError{StatusCode: resp.StatusCode}
	}
	return resp, nil
}
