// Package fasthttp is a stub of github.com/valyala/fasthttp.
package fasthttp

import "time"

const (
	StatusOK                  = 200
	StatusCreated             = 201
	StatusMovedPermanently    = 301
	StatusFound               = 302
	StatusBadRequest          = 400
	StatusNotFound            = 404
	StatusTeapot              = 418
	StatusServiceUnavailable  = 503
	StatusInternalServerError = 500
)

type RequestCtx struct{ Response Response }

func (ctx *RequestCtx) SetStatusCode(statusCode int)             {}
func (ctx *RequestCtx) Error(msg string, statusCode int)         {}
func (ctx *RequestCtx) Redirect(uri string, statusCode int)      {}
func (ctx *RequestCtx) RedirectBytes(uri []byte, statusCode int) {}

type Request struct{}

type Response struct{ Header ResponseHeader }

func (resp *Response) StatusCode() int              { return 0 }
func (resp *Response) SetStatusCode(statusCode int) {}

type ResponseHeader struct{}

func (h *ResponseHeader) StatusCode() int              { return 0 }
func (h *ResponseHeader) SetStatusCode(statusCode int) {}
func (h *ResponseHeader) Peek(key string) []byte       { return nil }

type Client struct{}

func (c *Client) Do(req *Request, resp *Response) error { return nil }
func (c *Client) Get(dst []byte, url string) (statusCode int, body []byte, err error) {
	return 0, nil, nil
}

func Do(req *Request, resp *Response) error                               { return nil }
func DoTimeout(req *Request, resp *Response, timeout time.Duration) error { return nil }
func Get(dst []byte, url string) (statusCode int, body []byte, err error) { return 0, nil, nil }
func AcquireRequest() *Request                                            { return nil }
func AcquireResponse() *Response                                          { return nil }
