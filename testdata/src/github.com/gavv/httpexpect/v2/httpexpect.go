// Package httpexpect is a stub of github.com/gavv/httpexpect/v2.
package httpexpect

// Expect makes requests and checks their responses.
type Expect struct{}

// Request is a request being built.
type Request struct{}

// Response is a response being checked.
type Response struct{}

func (e *Expect) GET(path string, pathargs ...interface{}) *Request  { return &Request{} }
func (e *Expect) POST(path string, pathargs ...interface{}) *Request { return &Request{} }
func (r *Request) Expect() *Response                                 { return &Response{} }
func (r *Response) Status(status int) *Response                      { return r }
func (r *Response) StatusList(values ...int) *Response               { return r }
