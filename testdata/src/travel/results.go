package travel

import (
	"net/http"
	"net/http/httptest"
)

// Functions that return a status: a call of one reads a status.
func codeOf(h http.Handler, path string) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Code
}

func fetch(c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		return 0 // no response: a constant, not a status read
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

func results(h http.Handler, c *http.Client) bool {
	get := func(p string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		return rec.Code
	}
	if get("/a") != 200 { // want `raw status code 200 in comparison with get\("/a"\): use http.StatusOK`
		return false
	}
	if codeOf(h, "/b") == 404 { // want `raw status code 404 in comparison with codeOf\(h, "/b"\): use http.StatusNotFound`
		return false
	}
	return fetch(c, "https://example.com") == 204 // want `raw status code 204 in comparison with fetch\(c, "https://example.com"\): use http.StatusNoContent`
}

// Negative: a function that returns something else on some path is no
// status function.
func sizeOrStatus(resp *http.Response, size bool) int {
	if size {
		return int(resp.ContentLength)
	}
	return resp.StatusCode
}

func notResults(resp *http.Response) bool {
	return sizeOrStatus(resp, true) == 200
}

// A status among other results: the one integer result every return
// gives from a status read (crowdsec's readDecisionsGetResp).
func readBody(rec *httptest.ResponseRecorder) ([]byte, int) {
	return rec.Body.Bytes(), rec.Code
}

func bodyAndStatus(rec *httptest.ResponseRecorder) bool {
	body, code := readBody(rec)
	return len(body) > 0 && code == 201 // want `raw status code 201 in comparison with code: use http.StatusCreated`
}

// Negative: two integer results, one a status and one a length, where the
// length is compared; and a bare return of named results, read nowhere.
func lengthAndStatus(rec *httptest.ResponseRecorder) (int, int) {
	return rec.Body.Len(), rec.Code
}

func named(rec *httptest.ResponseRecorder) (n int, err error) {
	n = rec.Code
	return
}

func notStatusResults(rec *httptest.ResponseRecorder) bool {
	size, _ := lengthAndStatus(rec)
	n, _ := named(rec)
	return size == 200 || n == 404
}
