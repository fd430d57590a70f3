package user

import (
	"net/http"

	"constants/apistatus"
)

func handler(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(404)          // want `raw status code 404 in WriteHeader: use apistatus.NotFound`
	if resp.StatusCode == 200 { // want `raw status code 200 in comparison with resp.StatusCode: use apistatus.OK`
	}
	// apistatus.Created is a typed Code: it does not fit an int, so net/http's
	// constant is used.
	w.WriteHeader(201) // want `raw status code 201 in WriteHeader: use http.StatusCreated`
	// No project constant for 400.
	http.Error(w, "bad", 400) // want `raw status code 400 in http.Error: use http.StatusBadRequest`
	apistatus.Send(409)
}
