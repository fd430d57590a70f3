// Package carried hands the errors of its services to writers that
// answer the status an error carries: the statuses each handler writes
// so are checked against its route's operation, at the error handed.
package carried

import (
	"errors"
	"net/http"

	"routes/apperr"
	"routes/service"
)

var svc = &service.Instances{}

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /v2/{project}/instances/{id}", deleteInstance)
	mux.HandleFunc("GET /v2/{project}/volumes/{id}", showVolume)
	mux.HandleFunc("DELETE /v2/{project}/volumes/{id}", deleteVolume)
	mux.HandleFunc("POST /v2/{project}/instances", createInstance)
	mux.HandleFunc("GET /v2/health", health)
	http.ListenAndServe(":8080", mux)
}

// Positive: Delete's errors carry 400, 409 and 410; deleteInstance
// documents 204, 404 and 409.
func deleteInstance(w http.ResponseWriter, r *http.Request) {
	if err := svc.Delete(r.PathValue("id")); err != nil {
		apperr.Respond(w, err) // want `statuses 400 \(Bad Request\) and 410 \(Gone\), carried by the error err hands to Respond \(given at service.go:20 and service.go:29\), are not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\} \(documented: 204, 404, 409\)`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Negative: Show's 404 is documented for showVolume; through a writer
// of this package. Positive: the 429 it carries is not. A status given
// by a function of this package the handler calls is written there, and
// found there (the 422), not again at the writer.
func showVolume(w http.ResponseWriter, r *http.Request) {
	name, err := svc.Show(r.PathValue("id"))
	if err != nil {
		fail(w, err) // want `status 429 \(Too Many Requests\), carried by the error err hands to fail \(the status given at service.go:47\), is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\} \(documented: 200, 404\)`
		return
	}
	if err := lookup(name); err != nil {
		fail(w, err)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func fail(w http.ResponseWriter, err error) {
	apperr.RespondAs(w, err)
}

func lookup(name string) error {
	if name == "" {
		return apperr.New(http.StatusUnprocessableEntity, errors.New("no name")) // want `status 422 \(Unprocessable Entity\) in New is not documented for GET /v2/\{project_id\}/volumes/\{volume_id\}`
	}
	return nil
}

// A status carried by an error of this package's own type, written by
// its own writer: given in a function the handler calls, it is found
// there.
type localErr struct{ code int }

func (e *localErr) Error() string { return "local" }

// Code is the status the error answers.
func (e *localErr) Code() int { return e.code }

func writeLocal(w http.ResponseWriter, err error) {
	if e, ok := err.(*localErr); ok {
		w.WriteHeader(e.Code())
	}
}

func teapot() error { return &localErr{code: http.StatusTeapot} } // want `status 418 \(I'm a teapot\) in return of Code \(through code\) is not documented for DELETE /v2/\{project_id\}/volumes/\{volume_id\}`

// deleteVolume documents 204 and 409.
func deleteVolume(w http.ResponseWriter, r *http.Request) {
	writeLocal(w, teapot())
}

// Negative: an error of no known status; a writer that writes its own
// status, not the error's (its own is found as such); a wrapped error;
// an error whose status is kept by a type the writer does not read; the
// default status of a writer of an error's status (500 for another
// error), written for some errors only. Positive: the writer of that
// type (createInstance documents 200, 400 and 403).
func createInstance(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("reserve") {
		apperr.Respond(w, svc.Reserve())
		service.WriteQuota(w, svc.Reserve()) // want `status 402 \(Payment Required\), carried by the error svc.Reserve\(\) hands to WriteQuota \(the status given at service.go:\d+\), is not documented for POST /v2/\{project_id\}/instances`
		return
	}
	if err := service.Check(r.FormValue("id")); err != nil {
		apperr.Respond(w, err)
		return
	}
	if err := svc.Delete(""); err != nil {
		// Positive: Text writes its own 502 on w, whatever the error.
		apperr.Text(w, err) // want `status 502 \(Bad Gateway\) written by apperr.Text \(carried.go:\d+ calling apperr.go:\d+\) is not documented for POST /v2/\{project_id\}/instances`
		return
	}
	apperr.Respond(w, svc.Create())
}

// Negative: a status given here is this handler's own write, found
// where it is given, not again at the writer.
func health(w http.ResponseWriter, r *http.Request) {
	apperr.Respond(w, apperr.New(http.StatusTeapot, nil)) // want `status 418 \(I'm a teapot\) in New is not documented for GET /v2/health`
}
