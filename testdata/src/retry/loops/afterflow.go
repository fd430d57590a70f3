package loops

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"time"
)

// The value of Retry-After, followed: a loop waits as it says only where
// what it read reaches the wait before the re-send.

// Positive: Retry-After is read, but only for the log line; the loop
// re-sends after a fixed second.
func loggedAfter(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		log.Printf("rate limited; the server asks for %s", resp.Header.Get("Retry-After"))
		time.Sleep(time.Second)
	}
}

// Positive: the value goes into an error's message, which is returned
// only when the loop gives up; the re-send waits a fixed backoff.
func messagedAfter(c *http.Client, req *http.Request) error {
	var last error
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return nil
		}
		last = fmt.Errorf("throttled, retry after %s", resp.Header.Get("Retry-After"))
		time.Sleep(time.Duration(i+1) * time.Second)
	}
	return last
}

// Positive: a helper of the package parses the header and returns the
// duration; the loop logs it and waits a second.
func parsedNotWaited(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		d := afterOf(resp)
		log.Println("server asked for", d)
		time.Sleep(time.Second)
	}
}

func afterOf(resp *http.Response) time.Duration {
	secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil {
		return 0
	}
	return time.Duration(secs) * time.Second
}

// Negative: the same helper's duration is what the loop waits.
func parsedWaited(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		select {
		case <-time.After(afterOf(resp)):
		case <-req.Context().Done():
			return
		}
	}
}

// rateErr carries the wait the server asked for.
type rateErr struct{ after time.Duration }

func (e *rateErr) Error() string { return "rate limited" }

// limited returns the server's wait inside an error.
func limited(resp *http.Response) error {
	secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return &rateErr{after: time.Duration(secs) * time.Second}
}

// Negative: the wait travels in an error's field to the timer.
func fieldWaited(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		err = limited(resp)
		if re, ok := err.(*rateErr); ok {
			t := time.NewTimer(re.after)
			<-t.C
		}
	}
}

// Negative: the wait is a deadline made of the header's value.
func deadlineWaited(ctx context.Context, c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		wctx, cancel := context.WithTimeout(ctx, afterOf(resp))
		<-wctx.Done()
		cancel()
	}
}

// Negative: the value is handed to a function value (a sleeper the user
// gives), which may wait with it.
func handedAfter(c *http.Client, req *http.Request, sleep func(time.Duration)) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		sleep(afterOf(resp))
	}
}

// Negative: whether the server sent Retry-After decides the wait: a
// branch on its value is not followed, and says nothing.
func branchedAfter(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		if resp.Header.Get("Retry-After") != "" {
			time.Sleep(time.Minute)
		}
	}
}
