package loops

import (
	"log"
	"net/http"
	"net/http/httputil"
	"time"
)

// Positive: the standard library's own code says nothing of this loop's
// wait. Analyzed from source (analysistest, golangci-lint), net/http's
// transport hands the response's headers to a hook, which once counted as
// reading Retry-After; httputil.DumpRequestOut drives that transport, so
// a loop that dumps its request (minio-go's trace) looked as if it waited
// on 429. Under go vet and the standalone driver the standard library
// has no facts: one answer in every mode.
func dumpedRetry(c *http.Client, req *http.Request, trace bool) (*http.Response, error) {
	for {
		if trace {
			if dump, err := httputil.DumpRequestOut(req, false); err == nil {
				log.Printf("%s", dump)
			}
		}
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}
