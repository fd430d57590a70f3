// Package gock is a stub of github.com/h2non/gock.
package gock

// Request is a mocked request's expectation.
type Request struct{}

// Response is a mocked response.
type Response struct{ StatusCode int }

func New(uri string) *Request                        { return &Request{} }
func (r *Request) Get(path string) *Request          { return r }
func (r *Request) Post(path string) *Request         { return r }
func (r *Request) Reply(status int) *Response        { return &Response{} }
func (r *Response) Status(code int) *Response        { return r }
func (r *Response) JSON(data interface{}) *Response  { return r }
func (r *Response) BodyString(body string) *Response { return r }
func Off()                                           {}
