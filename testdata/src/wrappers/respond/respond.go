// Package respond wraps status sinks; other packages learn that through
// facts.
package respond

import (
	"encoding/json"
	"net/http"
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
