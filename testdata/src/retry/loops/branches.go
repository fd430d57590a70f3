package loops

import (
	"log"
	"net/http"
	"time"
)

// Positive: "break label" out of a labeled switch leaves the switch, as a
// plain break does, and the loop goes round.
func labeledSwitchBreak(c *http.Client, req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
	check:
		switch resp.StatusCode {
		case http.StatusNotFound: // want `retrying on 404 \(Not Found\): huaweicloud says`
			break check
		default:
			return
		}
		time.Sleep(time.Second)
	}
}

// Positive: the same out of a labeled select.
func labeledSelectBreak(c *http.Client, req *http.Request, done chan struct{}) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return
		}
	wait:
		select {
		case <-done:
			return
		case <-time.After(time.Second):
			break wait
		}
	}
}

// Negative: "break label" naming the retry loop leaves it.
func labeledLoopBreak(c *http.Client, req *http.Request) {
retry:
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		switch resp.StatusCode {
		case http.StatusNotFound:
			break retry
		default:
			return
		}
	}
}

// Positive: a type switch without a default lets through what no case
// takes.
func typeSwitchNoDefault(c *http.Client, req *http.Request, v any) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			return
		}
		switch v.(type) {
		case string:
			return
		}
	}
}

// Negative: with a default, every path goes through a clause; here each
// returns.
func typeSwitchDefault(c *http.Client, req *http.Request, v any) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusNotFound {
			return
		}
		switch v.(type) {
		case string:
			return
		default:
			return
		}
	}
}

// Positive: a fallthrough out of a default that is not last carries its
// codes into the next clause, which re-sends.
func defaultFallthrough(c *http.Client, req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		switch resp.StatusCode {
		case http.StatusOK:
			return
		default:
			if resp.StatusCode != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
				return
			}
			fallthrough
		case http.StatusRequestTimeout:
			time.Sleep(time.Second)
			continue
		}
	}
}

// Negative: the same, where the next clause gives up.
func defaultFallthroughGivesUp(c *http.Client, req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		switch resp.StatusCode {
		case http.StatusRequestTimeout:
			continue
		default:
			if resp.StatusCode != http.StatusServiceUnavailable {
				return
			}
			fallthrough
		case http.StatusOK:
			return
		}
	}
}

// Negative: a goto out of the loop gives up.
func gotoGiveUp(c *http.Client, req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			goto fail
		}
		if resp.StatusCode == http.StatusNotFound {
			goto fail
		}
		return
	}
fail:
	log.Print("giving up")
}

// Positive: a goto is a jump like any other in the function's control
// flow: this loop re-sends on 404 through one.
func gotoRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			goto next
		}
		return
	next:
		time.Sleep(time.Second)
	}
}
