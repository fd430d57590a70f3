package loops

import "net/http"

// Where the method of a probe cannot be known (a request given as a
// parameter), the polling rule goes by the function's name (poll, wait, await, until,
// watch): the same loop is a poll in waitUntilReady and a retry in
// fetchWithRetry.

// Name rule poll: negative: named for waiting, a 404 here means "not there
// yet".
func waitUntilReady(c *http.Client, req *http.Request) {
	for i := 0; i < 30; i++ {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			return
		}
	}
}

// Name rule poll: positive: the same loop, named for fetching, is a retry.
func fetchWithRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 30; i++ {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\)` `retrying on 429`
			return
		}
	}
}
