package analyzer

import (
	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/config"
)

// The check IDs, set as each diagnostic's Category.
const (
	CheckRawLiteral     = checks.RawLiteral
	CheckUndocumented   = checks.Undocumented
	CheckUnused         = checks.Unused
	CheckInvalid        = checks.Invalid
	CheckOperation      = checks.Operation
	CheckRoute          = checks.Route
	CheckRetryNever     = checks.RetryNever
	CheckRetryAfterWait = checks.RetryAfterWait
	CheckBadDirective   = checks.BadDirective
	CheckUnusedIgnore   = checks.UnusedIgnore
)

// A Check is one of statuslint's checks; its ID is the Category of its
// diagnostics.
type Check = checks.Check

// Checks lists every check, in the order of their documentation.
var Checks = checks.All

// LookupCheck returns the check with the given ID.
func LookupCheck(id string) (Check, bool) { return checks.Lookup(id) }

// ChecksMarkdown is the documentation of every check, in Markdown.
func ChecksMarkdown() string { return checks.Markdown() }

// ValidateChecks reports whether value is a valid -checks value.
func ValidateChecks(value string) error { return checks.Validate(value) }

// A ConfigError is a bad Config or flag value: Field names it (codes,
// sinks, checks), Err says what is wrong.
type ConfigError = config.ConfigError
