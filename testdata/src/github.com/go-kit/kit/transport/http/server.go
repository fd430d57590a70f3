// Package http is a stub of go-kit's HTTP transport: a server built from
// an endpoint, a decoder and an encoder, whose errors an error encoder
// answers.
package http

import (
	"context"
	"net/http"

	"github.com/go-kit/kit/endpoint"
)

// DecodeRequestFunc extracts a request object from an HTTP request.
type DecodeRequestFunc func(context.Context, *http.Request) (request interface{}, err error)

// EncodeResponseFunc encodes the response to the ResponseWriter.
type EncodeResponseFunc func(context.Context, http.ResponseWriter, interface{}) error

// ErrorEncoder encodes an error to the ResponseWriter.
type ErrorEncoder func(ctx context.Context, err error, w http.ResponseWriter)

// Server wraps an endpoint and implements http.Handler.
type Server struct {
	e            endpoint.Endpoint
	dec          DecodeRequestFunc
	enc          EncodeResponseFunc
	errorEncoder ErrorEncoder
}

// ServerOption sets an optional parameter for servers.
type ServerOption func(*Server)

// NewServer constructs a new server that wraps the endpoint.
func NewServer(e endpoint.Endpoint, dec DecodeRequestFunc, enc EncodeResponseFunc, options ...ServerOption) *Server {
	s := &Server{e: e, dec: dec, enc: enc, errorEncoder: DefaultErrorEncoder}
	for _, option := range options {
		option(s)
	}
	return s
}

// ServerErrorEncoder sets the function that encodes errors.
func ServerErrorEncoder(ee ErrorEncoder) ServerOption {
	return func(s *Server) { s.errorEncoder = ee }
}

// ServerBefore sets functions run before the request is decoded.
func ServerBefore(before ...func(context.Context, *http.Request) context.Context) ServerOption {
	return func(*Server) {}
}

// ServeHTTP implements http.Handler.
func (s Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	request, err := s.dec(ctx, r)
	if err != nil {
		s.errorEncoder(ctx, err, w)
		return
	}
	response, err := s.e(ctx, request)
	if err != nil {
		s.errorEncoder(ctx, err, w)
		return
	}
	if err := s.enc(ctx, w, response); err != nil {
		s.errorEncoder(ctx, err, w)
	}
}

// DefaultErrorEncoder writes the error's text with 500.
func DefaultErrorEncoder(_ context.Context, err error, w http.ResponseWriter) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
