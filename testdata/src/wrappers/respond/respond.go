// Package respond wraps status sinks; other packages learn that through
// facts.
package respond

import (
	"encoding/json"
	"net/http"
	"slices"
)

// JSON writes v with the given status.
func JSON(w http.ResponseWriter, code int, v any) { // want JSON:"statusSink.1."
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// Error wraps a wrapper.
func Error(w http.ResponseWriter, status int, msg string) { // want Error:"statusSink.1."
	JSON(w, status, map[string]string{"error": msg})
}

// Writer sends statuses through a method.
type Writer struct{ w http.ResponseWriter }

// Send writes the status.
func (s Writer) Send(code int) { // want Send:"statusSink.0."
	s.w.WriteHeader(int(code))
}

// Expect is a test helper: its want is compared with a status.
func Expect(resp *http.Response, want int) bool { // want Expect:"statusSink.1."
	return resp.StatusCode == want
}

// Repeat uses n as a count, so n is no status even though it reaches a sink.
func Repeat(w http.ResponseWriter, n int) {
	for i := 0; i < n; i++ {
		w.Write([]byte("x"))
	}
	w.WriteHeader(n)
}

// Pad sizes a buffer with n.
func Pad(w http.ResponseWriter, n int) {
	buf := make([]byte, n)
	w.Write(buf)
	w.WriteHeader(n)
}

// Log takes an int that never reaches a sink.
func Log(level int, msg string) {}

// count returns an int that is no status.
func count() int { return 404 }

// Total is not a sink.
func Total() int { return count() + 1 }

// RequireCodes fails unless the status is one of codes, as consul/api's
// requireHttpCodes does: each of the codes is a status.
func RequireCodes(resp *http.Response, codes ...int) bool { // want RequireCodes:"statusSink.1."
	for _, code := range codes {
		if resp.StatusCode == code {
			return true
		}
	}
	return false
}

// AnyOf does the same with slices.Contains.
func AnyOf(resp *http.Response, codes ...int) bool { // want AnyOf:"statusSink.1."
	return slices.Contains(codes, resp.StatusCode)
}

// HandleError writes its status only when there is an error, and may
// overwrite it first (as jaeger's handleError does): a status, but 0 is
// its "no status", not an invalid one.
func HandleError(w http.ResponseWriter, err error, status int) bool { // want HandleError:"statusSink.2."
	if err == nil {
		return false
	}
	if err == errGone {
		status = http.StatusGone
	}
	http.Error(w, err.Error(), status)
	return true
}

var errGone = json.Unmarshal(nil, nil)

// Responder's only implementation writes the status it is given: a call
// through the interface passes a status.
type Responder interface {
	Respond(w http.ResponseWriter, code int) // want Respond:"statusSink.1."
}

type plain struct{}

func (plain) Respond(w http.ResponseWriter, code int) { w.WriteHeader(code) } // want Respond:"statusSink.1."

// Logger has an implementation that only logs: its level is no status.
type Logger interface {
	Log(level int)
}

type quiet struct{}

func (quiet) Log(level int) {}

type loud struct{}

func (loud) Log(level int) { _ = http.StatusText(level) } // want Log:"statusSink.0."
