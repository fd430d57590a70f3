// Package sentinels hands the errors of its store to writers that answer
// them by comparing them with the store's error variables: the statuses
// each handler writes so are checked against its route's operation, at
// the error handed.
package sentinels

import (
	"errors"
	"net/http"

	"routes/sentinelerr"
	"routes/sentinelstore"
)

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v2/{project}/volumes/{id}", showVolume)
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", deleteVolume)
	mux.HandleFunc("DELETE /v2/{project}/instances/{id}", deleteInstance)
	mux.HandleFunc("POST /v2/{project}/instances", createInstance)
	http.ListenAndServe(":8080", mux)
}

// showVolume documents 200 and 404. Negative: Find's error wraps
// ErrNotFound, which Write answers 404; a writer that tests the error's
// text before the variable (what it answers is not known); an error that
// formats ErrConflict with %v (it wraps nothing); an error of no
// variable (Write's 500 for it is not known to be written). Positive:
// Remove's errors are ErrGone (410) and a wrapped ErrConflict (409);
// Expire's wraps ErrGone, which Write compares, not unwraps: 500.
func showVolume(w http.ResponseWriter, r *http.Request) {
	if err := sentinelerr.Find(r.PathValue("id")); err != nil {
		sentinelerr.Write(w, err)
		return
	}
	sentinelerr.ByText(w, sentinelerr.Remove("x"))
	sentinelerr.Write(w, sentinelerr.Describe("x"))
	sentinelerr.Write(w, errors.New("other"))
	if err := sentinelerr.Remove(r.PathValue("id")); err != nil {
		sentinelerr.Write(w, err) // want `statuses 409 \(Conflict\) and 410 \(Gone\), carried by the error err hands to Write \(given at sentinelerr.go:\d+ for %w sentinelerr.ErrConflict and sentinelerr.go:\d+ for sentinelerr.ErrGone\), are not documented for GET /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 200, 404\)`
		return
	}
	// Negative: ErrNotFound itself is statusOf's key for 404. Positive:
	// wrapped, it is no key: 500.
	sentinelerr.WriteMapped(w, sentinelerr.ErrNotFound)
	sentinelerr.WriteMapped(w, sentinelerr.Find("")) // want `status 500 \(Internal Server Error\), carried by the error sentinelerr.Find\(""\) hands to WriteMapped \(the status given at sentinelerr.go:\d+ for %w sentinelerr.ErrNotFound\)`
	sentinelerr.Write(w, sentinelerr.Expire("x"))    // want `status 500 \(Internal Server Error\), carried by the error sentinelerr.Expire\("x"\) hands to Write \(the status given at sentinelerr.go:\d+ for %w sentinelerr.ErrGone\), is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\}`
	w.WriteHeader(http.StatusOK)
}

// deleteVolume documents 204 and 409. Negative: a writer that answers
// 409, documented, for the wrapped ErrConflict, and whose 400 (for any
// error that is not ErrConflict) no variable decides.
func deleteVolume(w http.ResponseWriter, r *http.Request) {
	sentinelerr.WriteCode(w, sentinelerr.Remove("busy"))
	w.WriteHeader(http.StatusNoContent)
}

// deleteInstance documents 204, 404 and 409. A writer of this package
// that answers ErrNotFound itself and hands every other error on: for
// ErrNotFound it does not hand it on (its own 204 is found here, in the
// handler); for ErrGone it does (410, positive), and for the wrapped
// ErrConflict (409, documented).
func deleteInstance(w http.ResponseWriter, r *http.Request) {
	fail(w, sentinelerr.Remove(r.PathValue("id"))) // want `status 410 \(Gone\), carried by the error sentinelerr.Remove\(r.PathValue\("id"\)\) hands to fail \(the status given at sentinelerr.go:\d+ for sentinelerr.ErrGone\), is not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\}`
	fail(w, sentinelerr.Find(r.PathValue("id")))
}

func fail(w http.ResponseWriter, err error) {
	if errors.Is(err, sentinelerr.ErrNotFound) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	sentinelerr.Write(w, err)
}

// createInstance documents 200, 400 and 403. Negative: the wrapped
// ErrNotFound reaches a writer of this package only after a test of the
// error's type, which decides nothing known for it. Positive: the
// store's ErrLocked, through its package's facts (a store that speaks no
// HTTP), answered 423.
func createInstance(w http.ResponseWriter, r *http.Request) {
	failTyped(w, sentinelerr.Find(""))
	sentinelerr.WriteLocked(w, sentinelstore.Lock("")) // want `status 423 \(Locked\), carried by the error sentinelstore.Lock\(""\) hands to WriteLocked \(the status given at sentinelerr.go:\d+ for sentinelstore.ErrLocked\), is not documented for POST /v2/\{project_id\}/instances`
}

type typedErr struct{}

func (typedErr) Error() string { return "typed" }

func failTyped(w http.ResponseWriter, err error) {
	if _, ok := err.(typedErr); ok {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	sentinelerr.Write(w, err)
}
