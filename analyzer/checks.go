package analyzer

import (
	"slices"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/codes"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/directives"
	"github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/routes"
)

// The IDs of the checks of statuslint's first releases, set as each
// diagnostic's Category; each pass declares its own (Checks lists them
// all).
const (
	CheckRawLiteral     = codes.RawLiteral
	CheckUndocumented   = codes.Undocumented
	CheckUnused         = codes.Unused
	CheckInvalid        = codes.Invalid
	CheckOperation      = routes.Operation
	CheckRoute          = routes.Route
	CheckRetryNever     = retry.RetryNever
	CheckRetryAfterWait = retry.RetryAfterWait
	CheckBadDirective   = directives.BadDirective
	CheckUnusedIgnore   = directives.UnusedIgnore
)

// declared is every pass's declaration of its checks, in the order of
// checks.md.
var declared = slices.Concat(codes.Checks, routes.Checks, retry.Checks, directives.Checks)

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
