// Package testenv says which of statuslint's tests a run takes.
package testenv

import (
	"os"
	"testing"
)

// Slow skips a test that fetches real modules from the module proxy,
// builds golangci-lint or analyzes the standard library, unless
// STATUSLINT_REAL=1 asks for them (CI does; see the README). Plain
// go test ./... then runs in minutes on a newcomer's machine.
func Slow(t testing.TB, why string) {
	t.Helper()
	if testing.Short() || os.Getenv("STATUSLINT_REAL") != "1" {
		t.Skip(why + " (set STATUSLINT_REAL=1 to run it)")
	}
}
