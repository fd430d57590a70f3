package loops

import (
	"context"
	"net/http"
	"time"

	"google.golang.org/api/storage/v1"
)

// runWithRetry calls attempt again while shouldRetryErr says its error may
// be retried, unless the context ended (gcs's run).
func runWithRetry(ctx context.Context, attempt func(context.Context) error) error {
	for n := 1; ; n++ {
		err := attempt(ctx)
		if err == nil {
			return nil
		}
		retryable := shouldRetryErr(err)
		if ctx.Err() != nil {
			retryable = false
		}
		if !retryable {
			return err
		}
		time.Sleep(time.Duration(n) * time.Second)
	}
}

// runTimes calls attempt again whenever it fails: a retry helper, as
// backoff.Retry is, where what the attempt returns decides what goes
// round.
func runTimes(n int, attempt func() error) (err error) {
	for i := 0; i < n; i++ {
		if err = attempt(); err == nil {
			return nil
		}
	}
	return err
}

// Positive: the attempt's error carries the status checkAPI found, and
// runWithRetry goes round on 404 and 5xx.
func getThing(ctx context.Context, c *http.Client, req *http.Request) error {
	return runWithRetry(ctx, func(ctx context.Context) error { // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\) \(through runWithRetry\): huaweicloud says`
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return checkAPI(resp)
	})
}

// attemptThing is an attempt declared as a function.
func attemptThing(ctx context.Context) error {
	resp, err := http.DefaultClient.Post("https://example.com/thing", "application/json", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return checkAPI(resp)
}

// Positive: so is an attempt the package declares.
func getThingDeclared(ctx context.Context) error {
	return runWithRetry(ctx, attemptThing) // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\) \(through runWithRetry\): huaweicloud says`
}

// Negative: the attempt's error carries no status.
func pingThing(ctx context.Context, c *http.Client, req *http.Request) error {
	return runWithRetry(ctx, func(ctx context.Context) error {
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Positive: runTimes calls the attempt again whenever it fails, and the
// attempt fails for every status checkAPI turns into an error.
func getTimes(c *http.Client, req *http.Request) error {
	return runTimes(3, func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return checkAPI(resp) // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
	})
}

// Negative: the attempt fails for no status, only when the request
// could not be sent.
func pingTimes(c *http.Client, req *http.Request) error {
	return runTimes(3, func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Positive: an attempt kept in a local first (gcs's retryCall := func(ctx)
// error {...}; run(ctx, retryCall, ...)) is the same attempt.
func getThingLocal(ctx context.Context, c *http.Client, req *http.Request) error {
	retryCall := func(ctx context.Context) error {
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return checkAPI(resp)
	}
	return runWithRetry(ctx, retryCall) // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\) \(through runWithRetry\): huaweicloud says`
}

// Negative: a local given two attempts, the one that runs unknown.
func getThingEither(ctx context.Context, c *http.Client, req *http.Request, quiet bool) error {
	attempt := func(ctx context.Context) error {
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return checkAPI(resp)
	}
	if quiet {
		attempt = func(context.Context) error { return nil }
	}
	return runWithRetry(ctx, attempt)
}

// reopen returns a reader that runs send under runWithRetry and turns the
// response's statuses into errors (gcs's readerReopen): it sends with
// send again for the statuses runWithRetry repeats on.
func reopen(ctx context.Context, send func(context.Context) (*http.Response, error)) func() (*http.Response, error) {
	return func() (*http.Response, error) {
		var res *http.Response
		err := runWithRetry(ctx, func(ctx context.Context) error {
			var err error
			if res, err = send(ctx); err != nil {
				return err
			}
			return checkAPI(res)
		})
		return res, err
	}
}

// reopenAny runs send under runWithRetry and keeps every status: its
// attempt's error carries none, so it repeats only failed sends.
func reopenAny(ctx context.Context, send func(context.Context) (*http.Response, error)) (*http.Response, error) {
	var res *http.Response
	err := runWithRetry(ctx, func(ctx context.Context) error {
		var err error
		res, err = send(ctx)
		return err
	})
	return res, err
}

// Positive: the request goes out again, unchanged, each time reopen's
// helper goes round.
func readThing(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	open := reopen(ctx, func(ctx context.Context) (*http.Response, error) { // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\) \(through reopen\): huaweicloud says`
		return c.Do(req.WithContext(ctx))
	})
	return open()
}

// Negative: reopenAny repeats no status.
func readAny(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	return reopenAny(ctx, func(ctx context.Context) (*http.Response, error) {
		return c.Do(req.WithContext(ctx))
	})
}

// Positive: a generated call's media download sends, and its error
// carries the status.
func readMedia(ctx context.Context, call *storage.ObjectsGetCall) (*http.Response, error) {
	open := reopen(ctx, func(context.Context) (*http.Response, error) { // want `retrying on 404 \(Not Found\) and 503 \(Service Unavailable\) \(through reopen\): huaweicloud says`
		return call.Download()
	})
	return open()
}
