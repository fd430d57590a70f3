package loops

import (
	"errors"
	"log"
	"net/http"
	"time"
)

// What a sender's error says of the status, read on the SSA form of the
// sender (engine.SentErrors), and what its callers' loops make of it.

// delayFor retries 503 while attempts remain (dropbox's Policy.Delay):
// false for 503 too, once they are spent.
func delayFor(resp *http.Response, attempt int) (time.Duration, bool) {
	if attempt >= 3 || resp.StatusCode != http.StatusServiceUnavailable {
		return 0, false
	}
	return time.Second, true
}

// executeDelayed sends again while delayFor says so, then fails with the
// status.
func executeDelayed(c *http.Client, req *http.Request) error {
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
		return &apiError{StatusCode: resp.StatusCode}
	}
}

// Positive: once executeDelayed's attempts are spent, its error carries
// the 503, and this loop sends the same request again.
func delayedAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		err := executeDelayed(c, req)
		var ae *apiError
		if errors.As(err, &ae) && ae.StatusCode >= http.StatusInternalServerError { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return
	}
}

// executeAny fails with the status for every response but 200.
func executeAny(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return &apiError{StatusCode: resp.StatusCode}
	}
	return nil
}

// executeBackground hands on executeAny's error as it is (dropbox's
// Execute): its error is executeAny's, for every status it fails for.
func executeBackground(c *http.Client, req *http.Request) error {
	return executeAny(c, req)
}

// Positive: the error executeBackground hands on carries the 404.
func backgroundAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		err := executeBackground(c, req)
		var ae *apiError
		if errors.As(err, &ae) && ae.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			continue
		}
		return
	}
}

// logIf runs f, as a logger's callback (oci's IfInfo).
func logIf(f func()) { f() }

// doLogged keeps its error in a named result that a logging callback
// reads (oci's httpDo): the callback writes nothing, so the error is what
// the body stored last.
func doLogged(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	resp, err = c.Do(req)
	if err != nil {
		logIf(func() { log.Print(err) })
		return resp, err
	}
	err = checkAPI(resp)
	return resp, err
}

// Positive: doLogged's error carries its check's 503.
func loggedAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		_, err := doLogged(c, req)
		var ae *apiError
		if errors.As(err, &ae) && ae.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return
	}
}

// errUpgrade is a later step's failure, whatever the status was.
var errUpgrade = errors.New("upgrade failed")

// upgrade asks for an address, then fails on its own (discordgo's Open:
// the gateway's GET, then the websocket's dial).
func upgrade(c *http.Client, req *http.Request, dial func() bool) error {
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

// Positive: upgrade's error is the status's for 400 and up, and its own
// failure, which says nothing of the status, for the rest: the loop goes
// round on the statuses too.
func upgradeAgain(c *http.Client, req *http.Request, dial func() bool) {
	for {
		err := upgrade(c, req, dial)
		if err == nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}

// sendTimed drops the response of an attempt whose own deadline passed
// (anthropic's RequestConfig.send): where res is nil, err is not, and
// the test of the status below is never reached with it.
func sendTimed(c *http.Client, req *http.Request, expired func() error) error {
	res, err := c.Do(req)
	if e := expired(); e != nil {
		res, err = nil, e
	}
	switch {
	case err != nil:
		return err
	case res.StatusCode >= http.StatusBadRequest:
		return &apiError{StatusCode: res.StatusCode}
	}
	return nil
}

// Positive: sendTimed fails with the status from 400 only, and the loop
// goes round on those isFatal lets through.
func timedAgain(c *http.Client, req *http.Request, expired func() error) {
	for {
		err := sendTimed(c, req, expired)
		if err == nil || isFatal(err) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}
