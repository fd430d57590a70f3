// Package httpmock is a stub of github.com/jarcoal/httpmock.
package httpmock

import "net/http"

// Responder answers a mocked request.
type Responder func(*http.Request) (*http.Response, error)

func NewStringResponse(status int, body string) *http.Response     { return nil }
func NewStringResponder(status int, body string) Responder         { return nil }
func NewBytesResponse(status int, body []byte) *http.Response      { return nil }
func NewBytesResponder(status int, body []byte) Responder          { return nil }
func NewJsonResponse(status int, body any) (*http.Response, error) { return nil, nil }
func NewJsonResponseOrPanic(status int, body any) *http.Response   { return nil }
func NewJsonResponder(status int, body any) (Responder, error)     { return nil, nil }
func NewJsonResponderOrPanic(status int, body any) Responder       { return nil }
func NewXmlResponse(status int, body any) (*http.Response, error)  { return nil, nil }
func NewXmlResponder(status int, body any) (Responder, error)      { return nil, nil }
func NewXmlResponderOrPanic(status int, body any) Responder        { return nil }
func RegisterResponder(method, url string, responder Responder)    {}
func Activate()                                                    {}
func DeactivateAndReset()                                          {}
func NewNotFoundResponder(fn func(...any)) Responder               { return nil }
func ResponderFromResponse(resp *http.Response) Responder          { return nil }
func ConnectionFailure(*http.Request) (*http.Response, error)      { return nil, nil }
func NewErrorResponder(err error) Responder                        { return nil }
func GetCallCountInfo() map[string]int                             { return nil }
func GetTotalCallCount() int                                       { return 0 }
