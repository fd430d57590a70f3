package loops

import "net/http"

// Retries decided by a list the loop ranges over (elastic-transport-go's
// shape): a struct field the package defaults from a package-level array
// when the user configures none.

var defaultRetryOnStatus = [...]int{502, 503, 504}

var safeRetryOnStatus = []int{http.StatusBadGateway, http.StatusGatewayTimeout}

type Config struct {
	RetryOnStatus []int
}

type listClient struct {
	c             *http.Client
	retryOnStatus []int
	safeStatus    []int
	userStatus    []int
}

func newListClient(cfg Config, user []int) *listClient {
	if len(cfg.RetryOnStatus) == 0 {
		cfg.RetryOnStatus = defaultRetryOnStatus[:]
	}
	return &listClient{c: http.DefaultClient, retryOnStatus: cfg.RetryOnStatus, safeStatus: safeRetryOnStatus, userStatus: user}
}

// Positive: the default list holds 503; the flag is declared, false, at
// the top of each round, before the send.
func (lc *listClient) perform(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		var (
			shouldRetry bool
		)
		res, err = lc.c.Do(req)
		if err != nil {
			return nil, err
		}
		for _, code := range lc.retryOnStatus {
			if res.StatusCode == code { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
				shouldRetry = true
			}
		}
		if !shouldRetry {
			break
		}
	}
	return res, err
}

// Negative: a list of codes the API lets a client re-send.
func (lc *listClient) performSafe(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		shouldRetry := false
		res, err = lc.c.Do(req)
		if err != nil {
			return nil, err
		}
		for _, code := range lc.safeStatus {
			if res.StatusCode == code {
				shouldRetry = true
			}
		}
		if !shouldRetry {
			break
		}
	}
	return res, err
}

// Negative: only the user's list, which cannot be known.
func (lc *listClient) performUser(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i < 3; i++ {
		shouldRetry := false
		res, err = lc.c.Do(req)
		if err != nil {
			return nil, err
		}
		for _, code := range lc.userStatus {
			if res.StatusCode == code {
				shouldRetry = true
			}
		}
		if !shouldRetry {
			break
		}
	}
	return res, err
}
