package loops

import (
	"io"
	"net/http"
	"time"
)

// apiCall sends and fails for what checkAPI fails for, through its named
// error result (an SDK's service method).
func apiCall(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	resp, err = c.Do(req)
	if err != nil {
		return
	}
	err = checkAPI(resp)
	return
}

// Positive: a sender whose bare return returns the status's error.
func bareReturnRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		if _, err := apiCall(c, req); err != nil { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			continue
		}
		return
	}
}

// readFailure returns an error on every path: the read's error where it
// is not nil, else the status's.
func readFailure(resp *http.Response) error {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return &apiError{StatusCode: resp.StatusCode + 0*len(body)}
}

// sendRetryingTransport sends in a loop of its own, on transport errors
// only, then fails for every status from 400 (anthropic's
// RequestConfig.send).
func sendRetryingTransport(c *http.Client, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if resp, err = c.Do(req); err == nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= http.StatusBadRequest {
		return nil, readFailure(resp)
	}
	return resp, nil
}

// Positive: the sender's error carries every status from 400, and the
// loop goes round on those isFatal lets through.
func loopSenderRetry(c *http.Client, req *http.Request) error {
	for {
		_, err := sendRetryingTransport(c, req)
		if err == nil || isFatal(err) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return err
		}
		time.Sleep(time.Second)
	}
}
