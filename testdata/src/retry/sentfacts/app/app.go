// Package app retries what package sdk sends, deciding by the facts of
// sdk's senders.
package app

import (
	"errors"
	"net/http"
	"testing"
	"time"

	backoff4 "github.com/cenkalti/backoff/v4"

	"retry/sentfacts/sdk"
)

// Positive: once ExecuteDelayed's attempts are spent, its error carries
// the 503, and this loop sends the same request again.
func delayedAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		err := sdk.ExecuteDelayed(c, req)
		var ae *sdk.APIError
		if errors.As(err, &ae) && ae.StatusCode >= http.StatusInternalServerError { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return
	}
}

// Positive: the error ExecuteRPC hands on carries the 404.
func rpcAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		err := sdk.ExecuteRPC(c, req)
		var ae *sdk.APIError
		if errors.As(err, &ae) && ae.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			continue
		}
		return
	}
}

// Positive: DoLogged's error carries its check's 503.
func loggedAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		_, err := sdk.DoLogged(c, req)
		var ae *sdk.APIError
		if errors.As(err, &ae) && ae.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		return
	}
}

// Positive: Upgrade fails with the status for 400 and up, and on its
// own below: the loop goes round on any failure, the statuses too.
func upgradeAgain(c *http.Client, req *http.Request, dial func() bool) {
	for {
		err := sdk.Upgrade(c, req, dial)
		if err == nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}

// Positive: SendTimed fails with the status from 400 only (a 200 that
// comes too late fails with the deadline's error, not the status), and
// the loop goes round on any failure.
func timedAgain(c *http.Client, req *http.Request, expired func() error) {
	for {
		err := sdk.SendTimed(c, req, expired)
		if err == nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}

// Negative: Upgrade's own failure says nothing of the status, and only it
// goes round here.
func upgradeFailedAgain(c *http.Client, req *http.Request, dial func() bool) {
	for {
		err := sdk.Upgrade(c, req, dial)
		var ae *sdk.APIError
		if err == nil || errors.As(err, &ae) {
			return
		}
		time.Sleep(time.Second)
	}
}

// record notes how an operation ended (gcs's metrics).
func record(err error) {}

// Positive: the attempt keeps its error in the function's named result,
// which a deferred closure also reads (gcs's fetch: defer func() {
// record(err) }()): what the attempt returns is what it stored, the error
// DoLogged fails with for 400 and up, and backoff.Retry sends again on it.
func recordedAgain(c *http.Client, req *http.Request) (err error) {
	defer func() { record(err) }()
	err = backoff4.Retry(func() error {
		_, err = sdk.DoLogged(c, req)
		return err // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
	}, backoff4.NewExponentialBackOff())
	return err
}

// Positive: Perform fails for every status from 400 its options do not
// ignore, and these ignore none.
func performAgain(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		err := sdk.Perform(c, req, sdk.Options{})
		if err == nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		time.Sleep(time.Second)
	}
}

// Negative: a benchmark's loop that fails on any error (b.Fatalf never
// returns: elastic-transport's benchmarks): only what succeeds goes round.
func benchPerform(b *testing.B, g *sdk.Gateway) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest(http.MethodGet, "/", nil)
			res, err := g.Perform(req)
			if err != nil {
				b.Fatalf("Perform: %s", err)
			}
			if err := res.Body.Close(); err != nil {
				b.Fatalf("Close: %s", err)
			}
		}
	})
}
