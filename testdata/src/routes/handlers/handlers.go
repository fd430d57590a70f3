// Package handlers holds handlers that another package (routes/split)
// registers: each exported one's written statuses are a fact.
package handlers

import (
	"net/http"
	"net/http/httptest"
)

// Create writes 409 through a helper of its package.
func Create(w http.ResponseWriter, r *http.Request) { // want Create:"writes\\[409\\]"
	conflict(w)
}

func conflict(w http.ResponseWriter) {
	w.WriteHeader(http.StatusConflict)
}

// Health writes only what its operation documents.
func Health(w http.ResponseWriter, r *http.Request) { // want Health:"writes\\[503\\]"
	w.WriteHeader(http.StatusServiceUnavailable)
}

// Instances is a handler type; its methods are handlers.
type Instances struct{}

func (Instances) Delete(w http.ResponseWriter, r *http.Request) { // want Delete:"writes\\[418\\]"
	w.WriteHeader(http.StatusTeapot)
}

// List writes no constant status: no fact.
func List(w http.ResponseWriter, r *http.Request) {}

// Events takes the connection over (a websocket, here by hand): the
// route it serves is no REST operation.
func Events(w http.ResponseWriter, r *http.Request) { // want Events:"writes\\[\\], upgrades"
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	conn.Close()
}

// Latest only redirects, or refuses: a browser's shortcut.
func Latest(w http.ResponseWriter, r *http.Request) { // want Latest:"writes\\[400 302\\]"
	if r.URL.Query().Get("id") == "" {
		http.Error(w, "no message", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, "/v2/messages/1", http.StatusFound)
}

// Licenses answers JSON, as an operation does.
func Licenses(w http.ResponseWriter, r *http.Request) { // want Licenses:"writes\\[200\\]"
	w.WriteHeader(http.StatusOK)
}

// Files is the API's file handler, made by NewFiles: a handler
// registered through it writes what its one implementation writes.
type Files interface {
	Put(w http.ResponseWriter, r *http.Request) // want Put:"writes\\[507\\]"
}

type files struct{}

func (*files) Put(w http.ResponseWriter, r *http.Request) { // want Put:"writes\\[507\\]"
	w.WriteHeader(http.StatusInsufficientStorage)
}

// NewFiles returns the file handler.
func NewFiles() Files { return &files{} }

// Pair has two implementations: which one a call reaches is not known,
// so its method has no fact.
type Pair interface {
	Get(w http.ResponseWriter, r *http.Request)
}

type left struct{}

func (left) Get(w http.ResponseWriter, r *http.Request) { // want Get:"writes\\[410\\]"
	w.WriteHeader(http.StatusGone)
}

type right struct{}

func (right) Get(w http.ResponseWriter, r *http.Request) {}

// Redirector returns a handler that sends the client elsewhere: its fact
// is what that handler writes.
func Redirector(to string) http.HandlerFunc { // want Redirector:"writes\\[307\\]"
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to, http.StatusTemporaryRedirect)
	}
}

// Conflicting returns a handler that writes 409.
func Conflicting() http.HandlerFunc { // want Conflicting:"writes\\[409\\]"
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict)
	}
}

// Forward answers an error by redirecting to the error page, on the
// ResponseWriter it is given (kratos's errorx.Manager.Forward).
func Forward(w http.ResponseWriter, r *http.Request, err error) { // want Forward:"writes\\[303\\]"
	http.Redirect(w, r, "/v2/errors", http.StatusSeeOther)
}

// Probe writes on a recorder of its own: given no ResponseWriter, what it
// writes is no caller's response.
func Probe() { // want Probe:"writes\\[418\\]"
	rec := httptest.NewRecorder()
	rec.WriteHeader(http.StatusTeapot)
}

// Recovering answers 500 from a deferred function, when it recovers a
// panic: a write in a function literal is not known to happen.
func Recovering(w http.ResponseWriter, r *http.Request) { // want Recovering:"writes\\[500\\]"
	defer func() {
		if recover() != nil {
			w.WriteHeader(http.StatusInternalServerError)
		}
	}()
}
