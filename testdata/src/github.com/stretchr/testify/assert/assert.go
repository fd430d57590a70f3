// Package assert is a stub of github.com/stretchr/testify/assert.
package assert

import (
	"net/http"
	"net/url"
)

// TestingT is the subset of testing.T that assertions use.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

func Equal(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) bool { return true }
func EqualValues(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) bool {
	return true
}
func NotEqual(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) bool { return true }
func HTTPStatusCode(t TestingT, handler http.HandlerFunc, method, url string, values url.Values, statuscode int, msgAndArgs ...interface{}) bool {
	return true
}

// Assertions binds assertions to a TestingT.
type Assertions struct{ t TestingT }

func New(t TestingT) *Assertions { return &Assertions{t} }

func (a *Assertions) Equal(expected interface{}, actual interface{}, msgAndArgs ...interface{}) bool {
	return true
}
