package loops

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"retry/policy"
)

// Statuses turned into errors, then retried on the error.

// attempt makes an error of every status below 200 or above 499, as
// caddy's attemptHttpCall does.
func attempt(client *http.Client, request *http.Request) (*http.Response, error) {
	resp, err := client.Do(request)
	if err != nil {
		return nil, fmt.Errorf("calling: %v", err)
	} else if resp.StatusCode < 200 || resp.StatusCode > 499 {
		resp.Body.Close()
		return nil, fmt.Errorf("bad status: %v", resp.StatusCode)
	}
	return resp, nil
}

// Positive: the retry on attempt's error re-sends 503 unchanged; waiting
// in a select is a retry's wait, not a poll.
func withRetries(ctx context.Context, client *http.Client, request *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := range 10 {
		resp, err = attempt(client, request)
		if err != nil && i < 9 { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			select {
			case <-time.After(500 * time.Millisecond):
			case <-ctx.Done():
				return resp, ctx.Err()
			}
		} else {
			break
		}
	}
	return resp, err
}

// Positive: the error made inline under a status condition.
func inlineError(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode >= 500 {
			resp.Body.Close()
			err = errors.New("server error")
		}
		if err != nil { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

// Positive: a helper in another package (a fact) makes the error.
func otherPackage(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := policy.Fetch(c, req)
		if err == nil { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return resp, nil
		}
	}
	return nil, errors.New("gave up")
}

// Positive: a response check in another package returns the error.
func checked(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if err := policy.Check(resp); err != nil { // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return nil
	}
}

// Positive: errors.As tells the error's type, which Check's fact ties to
// statuses: its 404 is a sentinel, its 503 a StatusError.
func checkedAs(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		err = policy.Check(resp)
		var se *policy.StatusError
		if errors.As(err, &se) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return err
	}
}

// Positive: so does a type assertion.
func checkedAssert(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		err = policy.Check(resp)
		if _, ok := err.(*policy.StatusError); ok { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return err
	}
}

// Not reported, a miss on purpose: that the error is not of the type says
// only that it is of another, or nil (Check's 404 goes round here, and so
// do its read errors and its successes).
func checkedNotAssert(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		err = policy.Check(resp)
		if _, ok := err.(*policy.StatusError); !ok {
			continue
		}
		return err
	}
}

// Negative: only transport errors and 408 become a retried error; a read
// error after the status was accepted decides nothing about the status.
func transportAndTimeout(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusRequestTimeout {
			err = fmt.Errorf("timeout")
		}
		if err != nil {
			continue
		}
		return resp, nil
	}
}

// Negative: the helper's error is a decoding error, whatever the status.
func decodeOnly(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNoContent {
		return resp, nil
	}
	var v struct{}
	if err := decode(resp, &v); err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	return resp, nil
}

func decode(resp *http.Response, v any) error { return nil }

func retryDecodeOnly(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		if _, err := decodeOnly(c, req); err == nil {
			return
		}
	}
}

// codeError carries every status but 200, as slack-go's StatusCodeError
// does.
type codeError struct{ Code int }

func (e codeError) Error() string { return http.StatusText(e.Code) }

func openStream(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return codeError{Code: resp.StatusCode}
	}
	return nil
}

// Positive: every error but a 404 goes round (slack-go's socketmode
// loop); the typed error's test and the status in one condition, whose
// negation is "not that error type, or not 404": 404 is never re-sent.
func connectAsType(c *http.Client, req *http.Request) error {
	for {
		err := openStream(c, req)
		if err == nil {
			return nil
		}
		if ce, ok := errors.AsType[codeError](err); ok && ce.Code == http.StatusNotFound { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return err
		}
		time.Sleep(time.Second)
	}
}

// Positive: the same with errors.As, and the test written as its
// negation: only a 503 goes round.
func connectAs(c *http.Client, req *http.Request) error {
	for {
		err := openStream(c, req)
		if err == nil {
			return nil
		}
		var ce codeError
		if !errors.As(err, &ce) || ce.Code != http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return err
		}
		time.Sleep(time.Second)
	}
}

// Negative: every status error returns; only errors of another type go
// round, which no status decided.
func connectOtherErrors(c *http.Client, req *http.Request) error {
	for {
		err := openStream(c, req)
		if err == nil {
			return nil
		}
		if ce, ok := errors.AsType[codeError](err); ok && ce.Code >= 400 {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Positive: the same across packages: the wait for a 429 comes from the
// sender's error, which reads Retry-After in its package (a fact), so no
// SL2002; the else-if that takes that wait decides nothing, both its
// branches go round.
func connectOther(c *http.Client, req *http.Request) error {
	for {
		var wait time.Duration
		err := policy.Connect(c, req)
		if err == nil {
			return nil
		}
		if ce, ok := errors.AsType[policy.CodeError](err); ok && ce.Code == http.StatusNotFound { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says`
			return err
		} else if rl, ok := errors.AsType[*policy.RateLimitedError](err); ok {
			wait = rl.RetryAfter
		}
		time.Sleep(max(wait, time.Second))
	}
}

// Positive: the rate-limit branch returns, and Connect's fact says which
// status makes that error (429): every other status but 404 and 200, a
// CodeError, goes round, reported at the last test it passes.
func connectOtherStops(c *http.Client, req *http.Request) error {
	for {
		err := policy.Connect(c, req)
		if err == nil {
			return nil
		}
		if ce, ok := errors.AsType[policy.CodeError](err); ok && ce.Code == http.StatusNotFound {
			return err
		} else if _, ok := errors.AsType[*policy.RateLimitedError](err); ok { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says`
			return err
		}
		time.Sleep(time.Second)
	}
}

// Negative: the loop goes round on success too (a watch that is
// re-opened whenever it ends): every status but a 404 goes round, 200
// included, plainly so, for a nil error is never a codeError. A
// repetition, not a retry.
func watchUntilGone(c *http.Client, req *http.Request) error {
	for {
		err := openStream(c, req)
		if ce, ok := errors.AsType[codeError](err); ok && ce.Code == http.StatusNotFound {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Positive: a decision over an error in another package, on the statuses
// Check's error carries.
func checkedRetryable(c *http.Client, req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if err := policy.Check(resp); policy.RetryableErr(err) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return nil
	}
}

// Positive: a retry helper in another package re-runs the attempt on the
// 5xx its error carries.
func checkedRun(ctx context.Context, c *http.Client, req *http.Request) error {
	return policy.Run(ctx, func(ctx context.Context) error { // want `retrying on 503 \(Service Unavailable\) \(through Run\): huaweicloud says`
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		return policy.Check(resp)
	})
}

// Positive: a helper in another package sends with the function it is
// given again; the function sends one way or another.
func reopened(ctx context.Context, c *http.Client, req *http.Request, direct bool) (*http.Response, error) {
	return policy.Reopen(ctx, func(ctx context.Context) (*http.Response, error) { // want `retrying on 503 \(Service Unavailable\) \(through Reopen\): huaweicloud says`
		if direct {
			return c.Do(req.WithContext(ctx))
		}
		var res *http.Response
		err := withTimeout(ctx, func(ctx context.Context) (err error) {
			res, err = c.Do(req.WithContext(ctx))
			return err
		})
		return res, err
	})
}

func withTimeout(ctx context.Context, f func(context.Context) error) error { return f(ctx) }

// statusErr names policy's error by an alias (anthropic's Error, an
// alias of its internal apierror.Error).
type statusErr = policy.StatusError

// sendChecked hands on the error policy.Check makes from the response.
func sendChecked(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return policy.Check(resp)
}

// Positive: the error is a *policy.StatusError for a 503, made in
// another package and handed on by sendChecked; the alias names the same
// type, and errors.As holds for that 503.
func postChecked(c *http.Client, req *http.Request) error {
	for try := 0; try < 3; try++ {
		err := sendChecked(c, req)
		var se *statusErr
		if errors.As(err, &se) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return err
	}
	return nil
}

// Negative: what sendChecked hands on is never a RateLimitedError.
func postCheckedRateLimited(c *http.Client, req *http.Request) error {
	for try := 0; try < 3; try++ {
		err := sendChecked(c, req)
		var rl *policy.RateLimitedError
		if errors.As(err, &rl) {
			continue
		}
		return err
	}
	return nil
}

// Positive: Get waits out the Retry-After of the 429s it sends again
// itself, then hands on the last one; this loop sends that request again
// after a second, not after its Retry-After.
func getAgain(c *http.Client, req *http.Request) error {
	for {
		_, err := policy.Get(c, req)
		var se *policy.StatusError
		if errors.As(err, &se) && se.Code == http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// Positive: Observed's hook sees the headers but answers nothing: no wait.
func observedAgain(c *http.Client, req *http.Request) error {
	for {
		_, err := policy.Observed(c, req, func(h http.Header) []string { return []string{h.Get("Request-Id")} })
		var se *policy.StatusError
		if errors.As(err, &se) && se.Code == http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// Negative: Hooked's hook says how long to wait from the headers: the
// wait is the user's, who can read Retry-After there.
func hookedAgain(c *http.Client, req *http.Request) error {
	for {
		_, err := policy.Hooked(c, req, func(h http.Header) time.Duration { return time.Second })
		var se *policy.StatusError
		if errors.As(err, &se) && se.Code == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// tracer makes a function that notes a response's trace header: the
// package's own function value, which reads no Retry-After.
func tracer() func(*http.Response) bool {
	return func(resp *http.Response) bool { return resp.Header.Get("X-Trace") != "" }
}

// putTraced sends req, hands the response to what tracer made, and turns
// a status other than 200 into an error.
func putTraced(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	trace := tracer()
	trace(resp)
	if resp.StatusCode != http.StatusOK {
		return &policy.StatusError{Code: resp.StatusCode}
	}
	return nil
}

// Positive: the function value putTraced hands the response is the
// package's (nomad's f := requireStatusIn(200); f(d, resp, e)), not a
// hook the user gives that could wait as Retry-After says: the wait is
// the loop's own.
func tracedAgain(c *http.Client, req *http.Request) error {
	for {
		err := putTraced(c, req)
		var se *policy.StatusError
		if errors.As(err, &se) && se.Code == http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// configured is a client whose backoff the user sets.
type configured struct {
	backoff func(*http.Response) time.Duration
}

// backoffFunc returns the backoff the user configured.
func (c *configured) backoffFunc() func(*http.Response) time.Duration { return c.backoff }

// Negative: the function value the loop hands the response is the user's
// (backoffFunc returns what was configured, not a literal of its own),
// which may wait as Retry-After says.
func (c *configured) userWaits(hc *http.Client, req *http.Request) error {
	for {
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		wait := c.backoffFunc()
		time.Sleep(wait(resp))
	}
}
