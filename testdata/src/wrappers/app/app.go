package app

import (
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
}
