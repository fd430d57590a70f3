// Package is is a stub of github.com/matryer/is.
package is

import "testing"

type I struct{}

func New(t testing.TB) *I          { return &I{} }
func (is *I) Equal(a, b any)       {}
func (is *I) True(expression bool) {}
