// Package require is a stub of github.com/stretchr/testify/require.
package require

import (
	"net/http"
	"net/url"

	"github.com/stretchr/testify/assert"
)

// TestingT is the subset of testing.T that assertions use.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func Equal(t TestingT, expected interface{}, actual interface{}, msgAndArgs ...interface{}) {}
func HTTPStatusCode(t TestingT, handler http.HandlerFunc, method string, url string, values url.Values, statuscode int, msgAndArgs ...interface{}) {
}

var _ = assert.Equal
