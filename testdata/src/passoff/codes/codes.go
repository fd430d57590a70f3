package codes

import "net/http"

// With -statuscodes=false, the retry pass still reports; raw literals do
// not.
func f(c *http.Client, req *http.Request, w http.ResponseWriter) {
	w.WriteHeader(404)
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 404 { // want `retrying on 404 \(Not Found\)`
			return
		}
	}
}

// With -statuscodes=false, a directive for SL1001 is not judged: it
// would silence a finding when the pass runs (not SL0002).
func g(w http.ResponseWriter) {
	//lint:ignore SL1001 the partner's API wants the number
	w.WriteHeader(404)
}
