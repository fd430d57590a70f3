// Package assert is a stub of gotest.tools/v3/assert.
package assert

type TestingT interface{ FailNow() }

func Equal(t TestingT, x, y any, msgAndArgs ...any) {}
