// Package checks is the list of statuslint's checks, read from checks.md (the
// one place each check is described), and the -checks selection.
package checks
