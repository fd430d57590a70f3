package knowledge

import (
	"regexp"
	"sync"
)

// A NameRule decides by a name where no type can say: a function named
// as a retry decision, a loop in a function named for waiting. Each is
// listed in NameRules with the reason no type decides, is shown both ways
// in its fixture (lines marked "// Name rule ID: positive" and
// "...: negative"), and is documented in docs/libraries.md, which is made
// from this list.
type NameRule struct {
	// ID names the rule in the docs and the fixtures.
	ID string
	// Names is what the rule matches: a regular expression, anchored
	// where whole names are meant.
	Names string
	// Applies says what named so is taken for what.
	Applies string
	// Reason says why a name decides: what no type tells.
	Reason string
	// Fixture is the fixture file, under testdata/src, that shows the
	// rule both ways.
	Fixture string

	re func() *regexp.Regexp
}

// Match reports whether name is matched by the rule.
func (r *NameRule) Match(name string) bool { return r.re().MatchString(name) }

func rule(r NameRule) *NameRule {
	r.re = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(r.Names) })
	return &r
}

// The name rules.
var (
	RetryDecisionNames = rule(NameRule{
		ID:      "retry-decision",
		Names:   `(?i)retr(y|iable|yable)`,
		Applies: "a boolean function over a status or a response named so is a retry decision, reported for what it retries even where no loop is seen",
		Reason:  "a decision and a classification (isServerError) have the same type and body; only the name says which is used to retry",
		Fixture: "retry/preds/heuristics.go",
	})
	PollNames = rule(NameRule{
		ID:      "poll",
		Names:   `(?i)poll|wait|await|until|watch|health|ready|readiness|liveness`,
		Applies: "a loop that re-sends a request whose method cannot be known, in a function named so, is a poll, not a retry",
		Reason:  "a poll and a retry send the same request the same way; what the loop waits for is in its name",
		Fixture: "retry/loops/heuristics.go",
	})
	StatusParamNames = rule(NameRule{
		ID:      "status-param",
		Names:   `(?i)status|code`,
		Applies: "the first integer parameter named so of a function that returns an error (a response check) holds the status its error stands for",
		Reason:  "a status is a plain int; a check of an attempt count has the same signature",
		Fixture: "retry/loops/names.go",
	})
	SetMethodNames = rule(NameRule{
		ID:      "set-method",
		Names:   `^(Contains|Has|Includes|Exists)$`,
		Applies: "a method so named of a package-level set built from constant codes, called with a status, looks the status up",
		Reason:  "code sets are the project's own types (minio's set.IntSet); no common type or interface marks them",
		Fixture: "retry/preds/names.go",
	})
	EqualityHelperNames = rule(NameRule{
		ID:      "equality-helper",
		Names:   `(?i)equal`,
		Applies: "a call of a function so named with a status and a constant side by side compares them (AssertEqual(t, 200, resp.StatusCode))",
		Reason:  "assertion helpers are the project's own or a small library's; only testify, quicktest and gomega are known by type",
		Fixture: "frameworks/assertions_test.go",
	})
	StatusFieldNames = rule(NameRule{
		ID:      "status-field",
		Names:   `^(StatusCode|HTTPStatus|HttpStatusCode)$`,
		Applies: "an integer field so named holds a status where its type speaks HTTP (its package is or mentions a known package, or the struct has a field of such a type), unless the package compares it with or gives it a number from 1 to 99, which no status is",
		Reason:  "SDKs name their status fields so without a shared type; the HTTP test keeps Docker's exit code out, the 1-99 test an exit code in a package that speaks HTTP",
		Fixture: "exitcodes/app/app.go",
	})
)

// NameRules lists every name rule, in the order of the docs.
var NameRules = []*NameRule{RetryDecisionNames, PollNames, StatusParamNames, SetMethodNames, EqualityHelperNames, StatusFieldNames}
