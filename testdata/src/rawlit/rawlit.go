package rawlit

import (
	"net/http"
	"net/http/httptest"
)

type wrapped struct{ http.ResponseWriter }

// logWriter implements http.ResponseWriter itself.
type logWriter struct{ w http.ResponseWriter }

func (l logWriter) Header() http.Header         { return l.w.Header() }
func (l logWriter) Write(b []byte) (int, error) { return l.w.Write(b) }
func (l logWriter) WriteHeader(code int)        { l.w.WriteHeader(code) }

// notWriter has a WriteHeader method but is no ResponseWriter.
type notWriter struct{}

func (notWriter) WriteHeader(code int) {}

func handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)                  // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
	w.WriteHeader((200))                // want `raw status code 200 in WriteHeader: use http.StatusOK`
	w.WriteHeader(400 + 4)              // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
	w.WriteHeader(int(201))             // want `raw status code 201 in WriteHeader: use http.StatusCreated`
	http.Error(w, "bad", 400)           // want `raw status code 400 in http.Error: use http.StatusBadRequest`
	http.Redirect(w, r, "/x", 301)      // want `raw status code 301 in http.Redirect: use http.StatusMovedPermanently`
	_ = http.RedirectHandler("/y", 302) // want `raw status code 302 in http.RedirectHandler: use http.StatusFound`
	_ = http.StatusText(500)            // want `raw status code 500 in http.StatusText: use http.StatusInternalServerError`
	wrapped{w}.WriteHeader(202)         // want `raw status code 202 in WriteHeader: use http.StatusAccepted`
	logWriter{w}.WriteHeader(204)       // want `raw status code 204 in WriteHeader: use http.StatusNoContent`
	var iface interface{ http.ResponseWriter } = w
	iface.WriteHeader(403) // want `raw status code 403 in WriteHeader: use http.StatusForbidden`

	// A constant that travels to the sink through a local variable.
	code := 404 // want `raw status code 404 in WriteHeader \(through code\): use http.StatusNotFound`
	w.WriteHeader(code)

	// Not sinks, or not raw literals: nothing to report.
	notWriter{}.WriteHeader(404)
	w.WriteHeader(http.StatusOK)
	const notFound = 404
	w.WriteHeader(notFound)
	http.Error(w, "bad", http.StatusBadRequest)
}

func client(c *http.Client, items []string) {
	resp, err := c.Get("http://example.com")
	if err != nil {
		return
	}
	if resp.StatusCode == 200 { // want `raw status code 200 in comparison with resp.StatusCode: use http.StatusOK`
	}
	if 404 != resp.StatusCode { // want `raw status code 404 in comparison with resp.StatusCode: use http.StatusNotFound`
	}
	switch resp.StatusCode {
	case 200, 201: // want `raw status code 200 in case of switch on resp.StatusCode: use http.StatusOK` `raw status code 201 in case of switch on resp.StatusCode: use http.StatusCreated`
	case http.StatusAccepted:
	}
	resp.StatusCode = 503 // want `raw status code 503 in assignment to resp.StatusCode: use http.StatusServiceUnavailable`

	// Class checks, counts and unrelated integers are not statuses.
	if resp.StatusCode >= 400 || resp.StatusCode < 300 || resp.StatusCode/100 == 5 {
	}
	if len(items) == 200 {
	}
	n := 404
	if n == 404 {
	}
	resp.ContentLength = 404
	switch len(items) {
	case 200:
	}
	if resp.StatusCode == 0 { // zero tests for an unset status
	}
}

func literals() []*http.Response {
	rec := httptest.NewRecorder()
	if rec.Code != 201 { // want `raw status code 201 in comparison with rec.Code: use http.StatusCreated`
	}
	rec.Code = 202                            // want `raw status code 202 in assignment to rec.Code: use http.StatusAccepted`
	_ = &httptest.ResponseRecorder{Code: 200} // want `raw status code 200 in httptest.ResponseRecorder literal: use http.StatusOK`
	return []*http.Response{
		{StatusCode: 404, ProtoMajor: 1}, // want `raw status code 404 in http.Response literal: use http.StatusNotFound`
		{Status: "200 OK", ProtoMinor: 200},
	}
}

// A concrete writer of this package decides what -1 means; net/http's
// writer panics on it.
func sentinels(l logWriter, w http.ResponseWriter) {
	l.WriteHeader(-1)
	w.WriteHeader(-1) // want `invalid status -1 in WriteHeader`
}

// A response writer's own Status() int reports the status written.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) Status() int { return r.code }

func written(r *recorder) bool {
	return r.Status() == 404 // want `raw status code 404 in comparison with r.Status\(\): use http.StatusNotFound`
}

// Status() on a type that is no writer is not a status.
type job struct{}

func (job) Status() int { return 3 }

func done(j job) bool { return j.Status() == 3 }

// One finding per status per statement: the fix replaces both literals.
func twice(w http.ResponseWriter) {
	http.Error(w, http.StatusText(503), 503) // want `raw status code 503 in http.Error: use http.StatusServiceUnavailable`
}
