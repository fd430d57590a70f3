// Package resty is a stub of github.com/go-resty/resty/v2.
package resty

import (
	"net/http"
	"time"
)

// Client is a resty client.
type Client struct{}

// Request is a resty request.
type Request struct{}

// Response is a resty response.
type Response struct{}

// RetryConditionFunc decides whether to retry.
type RetryConditionFunc func(*Response, error) bool

// RetryAfterFunc returns the wait before a retry.
type RetryAfterFunc func(*Client, *Response) (time.Duration, error)

func New() *Client                                                         { return &Client{} }
func (c *Client) R() *Request                                              { return &Request{} }
func (c *Client) SetRetryCount(count int) *Client                          { return c }
func (c *Client) AddRetryCondition(condition RetryConditionFunc) *Client   { return c }
func (c *Client) AddRetryAfterErrorCondition() *Client                     { return c }
func (r *Request) AddRetryCondition(condition RetryConditionFunc) *Request { return r }
func (r *Request) Get(url string) (*Response, error)                       { return &Response{}, nil }
func (r *Response) StatusCode() int                                        { return 0 }
func (r *Response) Header() http.Header                                    { return nil }
func (c *Client) SetRetryAfter(callback RetryAfterFunc) *Client            { return c }
