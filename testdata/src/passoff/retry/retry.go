package retry

import "net/http"

// With -statusretry=false, raw literals are reported; the retry is not.
func f(c *http.Client, req *http.Request, w http.ResponseWriter) {
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader`
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != http.StatusNotFound {
			return
		}
	}
}
