package app

import (
	"encoding/json"
	"net/http"

	"wrappers/respond"
)

func handler(w http.ResponseWriter, r *http.Request) {
	respond.JSON(w, 404, nil)               // want `raw status code 404 in JSON: use http.StatusNotFound`
	respond.Error(w, 400, "bad")            // want `raw status code 400 in Error: use http.StatusBadRequest`
	respond.Writer{}.Send(201)              // want `raw status code 201 in Send: use http.StatusCreated`
	respond.JSON(w, http.StatusTeapot, nil) // want `status 418 \(I'm a teapot\) in JSON is not documented by huaweicloud`
	_ = respond.Expect(nil, 200)            // want `raw status code 200 in Expect: use http.StatusOK`

	// Counts and unrelated ints are not statuses.
	respond.Repeat(w, 404)
	respond.Pad(w, 404)
	respond.Log(404, "x")
	respond.JSON(w, http.StatusOK, 404)

	// Variadic wrappers: each code is a status.
	respond.RequireCodes(nil, 200, 204)   // want `raw status code 200 in RequireCodes: use http.StatusOK` `raw status code 204 in RequireCodes: use http.StatusNoContent`
	respond.AnyOf(nil, http.StatusTeapot) // want `status 418 \(I'm a teapot\) in AnyOf is not documented by huaweicloud`
	codes := []int{http.StatusOK}
	respond.RequireCodes(nil, codes...)

	// A parameter that reaches the sink on some paths only: 0 is its
	// "no status", and a code is still a status.
	var rs respond.Responder
	rs.Respond(w, 201) // want `raw status code 201 in Respond: use http.StatusCreated`
	var l respond.Logger
	l.Log(3)

	respond.HandleError(w, nil, 0)
	respond.HandleError(w, errTeapot, 500) // want `raw status code 500 in HandleError: use http.StatusInternalServerError`
}

// statusFor maps errors to statuses; its result reaches WriteHeader below,
// so its returned literals are statuses.
func statusFor(err error) int {
	switch err {
	case nil:
		return 200 // want `raw status code 200 in return of statusFor: use http.StatusOK`
	case errTeapot:
		return http.StatusTeapot // want `status 418 \(I'm a teapot\) in return of statusFor is not documented by huaweicloud`
	}
	return 500 // want `raw status code 500 in return of statusFor: use http.StatusInternalServerError`
}

var errTeapot = json.Unmarshal(nil, nil)

// Handle uses statusFor.
func Handle(w http.ResponseWriter, err error) {
	w.WriteHeader(statusFor(err))
}
