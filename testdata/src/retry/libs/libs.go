package libs

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	backoff4 "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	resty2 "github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/invoker/retry"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	kafka "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kafka/v2"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kafka/v2/model"
	goretry "github.com/sethvargo/go-retry"
	resty3 "resty.dev/v3"
)

// go-retryablehttp

func defaultClient() *retryablehttp.Client {
	return retryablehttp.NewClient() // want `retrying on 503 \(Service Unavailable\) \(retryablehttp.NewClient's default CheckRetry retries every 5xx but 501; set CheckRetry\): huaweicloud says`
}

func customPolicy() *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err != nil {
			return true, nil // no response: retry the transport error
		}
		return resp.StatusCode == http.StatusNotFound, nil // want `retrying on 404 \(Not Found\): huaweicloud says`
	}
	return c
}

func safePolicy() *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err != nil {
			return true, nil
		}
		return resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusGatewayTimeout, nil
	}
	return c
}

var literalClient = &retryablehttp.Client{CheckRetry: retryablehttp.DefaultRetryPolicy} // want `retrying on 503 \(Service Unavailable\) \(through DefaultRetryPolicy\): huaweicloud says`

// resty v2 and v3

func restyClients() {
	resty2.New().AddRetryCondition(func(r *resty2.Response, err error) bool {
		return err != nil || r.StatusCode() == http.StatusMethodNotAllowed // want `retrying on 405 \(Method Not Allowed\): huaweicloud says`
	})
	resty2.New().AddRetryAfterErrorCondition()                      // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\) \(AddRetryAfterErrorCondition retries every status above 399\): huaweicloud says`
	resty3.New().AddRetryConditions(resty3.RetryConditionStatus5XX) // want `retrying on 503 \(Service Unavailable\) \(through RetryConditionStatus5XX\): huaweicloud says`
	resty3.New().R().SetRetryConditions(func(r *resty3.Response, err error) bool {
		return r != nil && r.StatusCode() == http.StatusRequestTimeout
	})
}

// cenkalti/backoff v4 and v5

func backoffs(c *http.Client, req *http.Request) {
	_ = backoff4.Retry(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusNotFound {
			return backoff4.Permanent(errors.New("not found")) // stop: fine
		}
		if resp.StatusCode != http.StatusOK { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}, backoff4.NewExponentialBackOff())

	// The operation kept in a variable first (okta's doWithRetries):
	// re-sent on 429, its wait from another header.
	operation := func() error {
		resp, err := c.Do(req)
		if err != nil {
			return backoff4.Permanent(err)
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return nil
		}
		_ = resp.Header.Get("X-Rate-Limit-Reset")
		return errors.New("too many requests")
	}
	_ = backoff4.Retry(operation, backoff4.NewExponentialBackOff())

	// The response kept in a variable of the function, the status read by
	// a function of the package (okta's doWithRetries).
	var shared *http.Response
	var sharedErr error
	keeps := func() error {
		shared, sharedErr = c.Do(req)
		if sharedErr != nil {
			return backoff4.Permanent(sharedErr)
		}
		if !tooMany(shared) { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return nil
		}
		return errors.New("too many requests")
	}
	_ = backoff4.Retry(keeps, backoff4.NewExponentialBackOff())
	_ = shared

	// Negative: kept in a variable, it stops on every status.
	once := func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return backoff4.Permanent(fmt.Errorf("status %d", resp.StatusCode))
		}
		return nil
	}
	_ = backoff4.Retry(once, backoff4.NewExponentialBackOff())

	_, _ = backoff5.Retry(context.Background(), func() (*http.Response, error) {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			return nil, backoff5.RetryAfter(secs)
		}
		if resp.StatusCode >= 400 {
			return nil, backoff5.Permanent(fmt.Errorf("status %d", resp.StatusCode))
		}
		return resp, nil
	}, backoff5.WithMaxTries(3))
}

func tooMany(resp *http.Response) bool {
	return resp != nil && resp.StatusCode == http.StatusTooManyRequests
}

// avast/retry-go v4

func retryGo(c *http.Client, req *http.Request) {
	_ = retrygo.Do(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusForbidden { // want `retrying on 403 \(Forbidden\): huaweicloud says`
			return errors.New("forbidden")
		}
		if resp.StatusCode >= 400 {
			return retrygo.Unrecoverable(fmt.Errorf("status %d", resp.StatusCode))
		}
		return nil
	}, retrygo.Attempts(3))

	// Negative: RetryIf never retries.
	_ = retrygo.Do(func() error {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != http.StatusOK {
			return errors.New("status")
		}
		return err
	}, retrygo.RetryIf(func(err error) bool { return false }))

	// Positive: RetryIf retries every error, and the operation makes one
	// of every status but 200.
	_ = retrygo.Do(func() error {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode != http.StatusOK {
			return errors.New("status")
		}
		return err
	}, retrygo.RetryIf(func(err error) bool { return err != nil })) // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429`

	// Negative: only 5xx become errors, and RetryIf sorts by the text.
	_ = retrygo.Do(func() error {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode >= 500 {
			return errors.New("server")
		}
		return err
	}, retrygo.RetryIf(func(err error) bool { return strings.Contains(err.Error(), "timeout") }))
}

// sethvargo/go-retry

func goRetry(ctx context.Context, c *http.Client, req *http.Request) {
	_ = goretry.Do(ctx, goretry.NewConstant(time.Second), func(ctx context.Context) error {
		resp, err := c.Do(req)
		if err != nil {
			return goretry.RetryableError(err)
		}
		if resp.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return goretry.RetryableError(errors.New("unavailable"))
		}
		if resp.StatusCode == http.StatusNotFound {
			return errors.New("not found") // not retryable: fine
		}
		return nil
	})
}

// failsafe-go: the retry policy, not the circuit breaker.

func failsafe() {
	retrypolicy.NewBuilder[*http.Response]().HandleIf(func(r *http.Response, err error) bool {
		return r != nil && r.StatusCode == http.StatusBadRequest // want `retrying on 400 \(Bad Request\): huaweicloud says`
	})
	circuitbreaker.NewBuilder[*http.Response]().HandleIf(func(r *http.Response, err error) bool {
		return r != nil && r.StatusCode == http.StatusBadRequest
	})
}

// The cloud SDK's invoker: its errors carry the status.

func sdkRetry(client *kafka.KafkaClient, req *model.ShowInstanceRequest) {
	client.ShowInstanceInvoker(req).WithRetry(3, func(resp interface{}, err error) bool {
		return err != nil // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
	}, retry.NewExponential()).Invoke()

	client.ShowInstanceInvoker(req).WithRetry(3, func(resp interface{}, err error) bool {
		var se *sdkerr.ServiceResponseError
		return errors.As(err, &se) && se.StatusCode == http.StatusRequestTimeout
	}, retry.NewExponential()).Invoke()
}

// A hand-written loop around the SDK: a non-nil error may carry any status.
func sdkLoop(client *kafka.KafkaClient, req *model.ShowInstanceRequest) (*model.ShowInstanceResponse, error) {
	for i := 0; i < 3; i++ {
		resp, err := client.ShowInstance(req)
		if err != nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			continue
		}
		return resp, nil
	}
	return nil, errors.New("gave up")
}

// withBackoff hands the operation it is given to backoff: it runs it
// again as backoff does, the operation's own returns deciding.
func withBackoff(op func() error) error {
	return backoff4.Retry(op, backoff4.NewExponentialBackOff())
}

// stopping hands backoff a closure that stops on every error of the
// operation: it does not run its operation again.
func stopping(op func() error) error {
	return backoff4.Retry(func() error {
		if err := op(); err != nil {
			return backoff4.Permanent(err)
		}
		return nil
	}, backoff4.NewExponentialBackOff())
}

// retryIf hands retry-go a predicate of its own: the predicate decides,
// not what the operation returns.
func retryIf(op func() error) error {
	return retrygo.Do(op, retrygo.RetryIf(func(error) bool { return false }))
}

func wrappedBackoff(c *http.Client, req *http.Request) {
	_ = withBackoff(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return errors.New("unavailable")
		}
		if resp.StatusCode >= 400 {
			return backoff4.Permanent(fmt.Errorf("status %d", resp.StatusCode))
		}
		return nil
	})

	// Negative: the helper stops on every error its operation returns.
	_ = stopping(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			return errors.New("unavailable")
		}
		return nil
	})

	// Negative: the helper's own predicate retries nothing.
	_ = retryIf(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			return errors.New("unavailable")
		}
		return nil
	})
}

// Negative: a readiness wait through backoff, a GET whose status alone is
// read, directly and through a helper that hands backoff its operation:
// polls.
func waitReady(url string) error {
	return backoff4.Retry(func() error {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return errors.New("not ready")
		}
		return nil
	}, backoff4.NewExponentialBackOff())
}

func waitReadyHelped(url string) error {
	return withBackoff(func() error {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return errors.New("not ready")
		}
		return nil
	})
}

// backoff around an SDK call: the returned error carries 404 and the rest.
func sdkBackoff(client *kafka.KafkaClient, req *model.ShowInstanceRequest) {
	_ = backoff4.Retry(func() error {
		_, err := client.ShowInstance(req)
		return err // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
	}, backoff4.NewExponentialBackOff())
}

// A test loop that repeats a request whatever its status is no retry.
func repeat(c *http.Client, req *http.Request, errorf func(string, ...any)) {
	for i := 0; i < 10; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusBadRequest {
			errorf("got %d", resp.StatusCode)
		}
	}
}

// A local retry predicate given to a library is reported once, where it
// decides.
func shouldRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if err != nil {
		return true, nil
	}
	return resp.StatusCode == http.StatusForbidden, nil // want `retrying on 403 \(Forbidden\): huaweicloud says`
}

func namedPolicy() *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.CheckRetry = shouldRetry
	return c
}

// A client kept in a struct's field whose policy another function of the
// package sets (opsgenie's setRetryPolicy): the default is not what runs.
type keptClient struct{ rc *retryablehttp.Client }

func newKeptClient() *keptClient {
	k := &keptClient{rc: retryablehttp.NewClient()}
	setKeptPolicy(k)
	return k
}

func setKeptPolicy(k *keptClient) {
	k.rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err != nil, nil
	}
}

// Positive: a client kept in another field, whose policy nothing sets.
type otherKept struct{ rc, spare *retryablehttp.Client }

func newOtherKept() *otherKept {
	return &otherKept{rc: retryablehttp.NewClient(), spare: retryablehttp.NewClient()} // want `retrying on 503 \(Service Unavailable\) \(retryablehttp.NewClient's default CheckRetry retries every 5xx but 501; set CheckRetry\): huaweicloud says`
}

func setOtherPolicy(o *otherKept) {
	o.rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return err != nil, nil
	}
}
