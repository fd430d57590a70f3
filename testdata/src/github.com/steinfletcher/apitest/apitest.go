// Package apitest is a stub of github.com/steinfletcher/apitest.
package apitest

import "net/http"

// APITest is a test being built.
type APITest struct{}

// Request is the request under test.
type Request struct{}

// Response is the expected response.
type Response struct{}

// Mock is a mocked external call.
type Mock struct{}

// MockResponse is what a mock answers.
type MockResponse struct{}

func New(name ...string) *APITest                           { return &APITest{} }
func (a *APITest) Handler(handler http.Handler) *APITest    { return a }
func (a *APITest) Mocks(mocks ...*Mock) *APITest            { return a }
func (a *APITest) Get(url string) *Request                  { return &Request{} }
func (r *Request) Expect(t TestingT) *Response              { return &Response{} }
func (r *Response) Status(s int) *Response                  { return r }
func (r *Response) End() Result                             { return Result{} }
func NewMock() *Mock                                        { return &Mock{} }
func (m *Mock) Get(u string) *MockRequest                   { return &MockRequest{} }
func (r *MockRequest) RespondWith() *MockResponse           { return &MockResponse{} }
func (r *MockResponse) Status(statusCode int) *MockResponse { return r }
func (r *MockResponse) End() *Mock                          { return &Mock{} }

// MockRequest is a mocked request's expectation.
type MockRequest struct{}

// Result is a finished test.
type Result struct{}

// TestingT is the subset of testing.T the expectations use.
type TestingT interface {
	Errorf(format string, args ...interface{})
}
