package recursive

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// rateLimitError is what checkResponse makes of a 403 with no requests
// left: go-github's RateLimitError.
type rateLimitError struct{ reset time.Time }

func (e *rateLimitError) Error() string { return "rate limited until " + e.reset.String() }

func checkResponse(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	if resp.StatusCode == http.StatusForbidden && resp.Header.Get("X-RateLimit-Remaining") == "0" {
		return &rateLimitError{}
	}
	return errors.New(resp.Status)
}

type waitKey struct{}

type typedClient struct{ hc *http.Client }

// Positive: the re-send is decided by the error's type, which
// checkResponse makes for a 403 only: only 403 is re-sent (go-github's
// bareDo).
func (c *typedClient) do(ctx context.Context, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	err = checkResponse(resp)
	if err != nil {
		rl, ok := err.(*rateLimitError)
		if ok && ctx.Value(waitKey{}) != nil { // want `retrying on 403 \(Forbidden\): huaweicloud says`
			time.Sleep(time.Until(rl.reset))
			return c.do(context.WithValue(ctx, waitKey{}, nil), req)
		}
		return resp, err
	}
	return resp, nil
}

// Positive: every status the error carries is re-sent.
func (c *typedClient) doAny(req *http.Request, tries int) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	err = checkResponse(resp)
	if err != nil && tries > 0 { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
		return c.doAny(req, tries-1)
	}
	return resp, err
}

// Negative: decided by a type no function here makes, which the check
// cannot tie to statuses: it says nothing rather than every status the
// error may carry.
func (c *typedClient) doTemporary(ctx context.Context, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	err = checkResponse(resp)
	if err != nil {
		t, ok := err.(interface{ Temporary() bool })
		if ok && t.Temporary() && ctx.Value(waitKey{}) != nil {
			return c.doTemporary(context.WithValue(ctx, waitKey{}, nil), req)
		}
		return resp, err
	}
	return resp, nil
}

// Negative: which request is sent depends on existing, which the
// recursion changes: a create instead of an update (anthropic's upload).
func (c *typedClient) upload(ctx context.Context, url string, existing *string) error {
	var resp *http.Response
	var err error
	if existing == nil {
		resp, err = c.hc.Post(url, "text/plain", nil)
	} else {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPut, url+"/"+*existing, nil)
		resp, err = c.hc.Do(req)
	}
	if err != nil {
		return err
	}
	if err := checkResponse(resp); err != nil {
		if existing != nil && resp.StatusCode == http.StatusNotFound {
			return c.upload(ctx, url, nil)
		}
		return err
	}
	return nil
}

// statusError is what checkStatus makes of every failure: temporary, by
// its own status field, for 429 and 5xx.
type statusError struct{ StatusCode int }

func (e *statusError) Error() string { return http.StatusText(e.StatusCode) }

func (e *statusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

func checkStatus(resp *http.Response) error {
	if resp.StatusCode < 300 {
		return nil
	}
	return &statusError{StatusCode: resp.StatusCode}
}

// Positive: re-sent while the error says it is temporary, which its
// type's method says of 429 and 5xx.
func (c *typedClient) doWhileTemporary(req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		err = checkStatus(resp)
		if t, ok := err.(interface{ Temporary() bool }); ok && t.Temporary() { // want `retrying on 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			continue
		}
		return resp, err
	}
}
