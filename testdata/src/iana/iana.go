package iana

import "net/http"

// The IANA registry lists 307 and 451, but not 299, and marks 418 unused.
func handler(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTemporaryRedirect)
	w.WriteHeader(http.StatusUnavailableForLegalReasons)
	w.WriteHeader(http.StatusTeapot) // want `status 418 in WriteHeader is listed as unused by iana`
}

// The profile's retry values are common client practice, not IANA's: the
// message says whose they are.
func fetch(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): common HTTP client practice says to modify the request instead of re-initiating it`
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, nil
}
