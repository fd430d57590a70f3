// Package gokit serves go-kit servers: the errors their decoders and
// endpoints return are answered by the error encoder the options give,
// and the statuses it answers for them are checked against the route's
// operation, at the return of the error.
package gokit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
)

var (
	ErrTooLarge = errors.New("too large")
	ErrBad      = errors.New("bad request")
	ErrGone     = errors.New("gone")
)

func routes() {
	options := []httptransport.ServerOption{
		httptransport.ServerBefore(),
		httptransport.ServerErrorEncoder(encodeError),
	}
	mux := http.NewServeMux()
	mux.Handle("POST /v2/{project}/instances", httptransport.NewServer(makeCreate(), decodeCreate, encodeResponse, options...))
	mux.Handle("GET /v2/{project}/volumes/{id}", httptransport.NewServer(makeShow(), decodeShow, encodeResponse))
	mux.Handle("DELETE /v2/{project}/volumes/{id}", httptransport.NewServer(makeShow(), decodeShow, encodeResponse, httptransport.ServerErrorEncoder(encodeByText)))
	http.ListenAndServe(":8080", mux)
}

// createInstance documents 200, 400 and 403. Positive: the decoder's
// ErrTooLarge, wrapped, is 413; the endpoint's ErrGone is 410. Negative:
// ErrBad is 400.
func decodeCreate(_ context.Context, r *http.Request) (interface{}, error) {
	if r.ContentLength > 1<<20 {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, r.ContentLength) // want `status 413 \(Request Entity Too Large\), carried by the error fmt.Errorf\("%w: %d bytes", ErrTooLarge, r.ContentLength\), which decodeCreate returns and NewServer hands to encodeError \(the status given at gokit.go:\d+ for %w gokit.ErrTooLarge\), is not documented for POST /v2/\{project_id\}/instances \(documented: 200, 400, 403\)`
	}
	if r.Body == nil {
		return nil, ErrBad
	}
	return r.URL.Query().Get("name"), nil
}

func makeCreate() endpoint.Endpoint {
	return func(_ context.Context, req interface{}) (interface{}, error) {
		if req == "" {
			return nil, ErrGone // want `status 410 \(Gone\), carried by the error ErrGone, which the function literal of makeCreate returns and NewServer hands to encodeError \(the status given at gokit.go:\d+ for gokit.ErrGone\)`
		}
		return req, nil
	}
}

// showVolume documents 200 and 404. Negative: without an error encoder
// go-kit's default answers 500, which is not followed; deleteVolume's
// encoder (204 and 409 documented) tests the error's text first, so what
// it answers for ErrTooLarge is not known.
func decodeShow(_ context.Context, r *http.Request) (interface{}, error) {
	if r.ContentLength > 1<<20 {
		return nil, ErrTooLarge
	}
	return r.PathValue("id"), nil
}

func makeShow() endpoint.Endpoint {
	return func(_ context.Context, req interface{}) (interface{}, error) { return req, nil }
}

func encodeResponse(_ context.Context, w http.ResponseWriter, resp interface{}) error {
	_, err := fmt.Fprint(w, resp)
	return err
}

func encodeError(_ context.Context, err error, w http.ResponseWriter) {
	w.WriteHeader(codeFrom(err))
}

func codeFrom(err error) int {
	switch {
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrGone):
		return http.StatusGone
	case err == ErrBad:
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func encodeByText(_ context.Context, err error, w http.ResponseWriter) {
	if strings.HasPrefix(err.Error(), "too") {
		w.WriteHeader(http.StatusConflict)
		return
	}
	if errors.Is(err, ErrTooLarge) {
		w.WriteHeader(http.StatusRequestEntityTooLarge)
	}
}
