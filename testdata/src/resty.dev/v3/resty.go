// Package resty is a stub of resty.dev/v3.
package resty

// Client is a resty client.
type Client struct{}

// Request is a resty request.
type Request struct{}

// Response is a resty response.
type Response struct{}

// RetryConditionFunc decides whether to retry.
type RetryConditionFunc func(*Response, error) bool

func New() *Client                                                              { return &Client{} }
func (c *Client) R() *Request                                                   { return &Request{} }
func (c *Client) AddRetryConditions(conditions ...RetryConditionFunc) *Client   { return c }
func (r *Request) SetRetryConditions(conditions ...RetryConditionFunc) *Request { return r }
func (r *Response) StatusCode() int                                             { return 0 }

func RetryConditionStatus5XX(res *Response, _ error) bool { return false }
