package demo

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
	w.WriteHeader(http.StatusTeapot)
	w.WriteHeader(400) //nolint:statuslint // the literal is deliberate
	w.WriteHeader(405) //lint:ignore SL1001 staticcheck's form works here too
	w.WriteHeader(0)   // SL1004, switched off in .golangci.yml
}

func fetch(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		return
	}
}
