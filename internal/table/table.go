// Package table reads API status-code tables: which HTTP status codes an
// API documents, what each means, and whether a client may retry a request
// that got it.
package table

import (
	"fmt"
	"strings"
)

// Retry is an API's guidance on re-sending a request that got a status.
type Retry uint8

// The retry guidances a table can give.
const (
	// RetryUnspecified: the table says nothing about retrying.
	RetryUnspecified Retry = iota
	// RetryNever: modify the request instead of re-initiating it.
	RetryNever
	// RetryUnchanged: the request may be re-sent without modification.
	RetryUnchanged
	// RetryAfterRetryAfter: re-send only after the response's Retry-After.
	RetryAfterRetryAfter
)

var retryNames = [...]string{"unspecified", "never", "unchanged", "after-retry-after"}

func (r Retry) String() string {
	if int(r) < len(retryNames) {
		return retryNames[r]
	}
	return fmt.Sprintf("Retry(%d)", r)
}

// ParseRetry parses the retry value of YAML and JSON tables.
func ParseRetry(s string) (Retry, error) {
	for i, n := range retryNames {
		if s == n {
			return Retry(i), nil
		}
	}
	return 0, fmt.Errorf("unknown retry value %q (want one of %s)", s, strings.Join(retryNames[:], ", "))
}

// Entry is one documented status code.
type Entry struct {
	Code        int
	Name        string
	Description string
	Retry       Retry
	// Unused marks a code the table lists as no longer used (like 306).
	Unused bool
	// Line is where the entry starts in its source, for error messages.
	Line int
}

// MinCode and MaxCode bound the status codes net/http accepts; WriteHeader
// panics outside them.
const (
	MinCode = 100
	MaxCode = 999
)

// Table is an API's list of documented status codes.
type Table struct {
	// Name identifies the table in diagnostics: a profile name or file name.
	Name string
	// RetryGuidance, when set, names whose the retry guidance of the
	// entries is, in diagnostics, where that is not the table's own (the
	// iana profile's: common client practice, which IANA's registry does
	// not give).
	RetryGuidance string
	Entries       []Entry
	// Spec, for a table read from OpenAPI, holds each operation's codes.
	Spec *Spec
	// AnyStatus is set for a spec with an operation that documents a
	// default response (or no responses): any status may then be
	// documented for some operation, and a status is undocumented only
	// where it is tied to an operation that does not document it.
	AnyStatus bool
	// Warnings are problems of the table that do not affect statuses
	// ("file:line: problem; what is done instead"): a schema $ref that
	// names nothing, an operation that documents no responses.
	Warnings []string
	// index maps a code to 1+its position in Entries; 0 means absent. An
	// array, not a map, because lookups happen once per status in every
	// package.
	index [MaxCode + 1]uint16
}

// New builds a table and checks it: codes in range, no duplicates, not empty.
// Errors name the source and the entry's line.
func New(name, source string, entries []Entry) (*Table, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: the table lists no status codes", source)
	}
	t := &Table{Name: name, Entries: entries}
	for i, e := range entries {
		if e.Code < MinCode || e.Code > MaxCode {
			return nil, fmt.Errorf("%s:%d: status code %d is not between %d and %d", source, e.Line, e.Code, MinCode, MaxCode)
		}
		if j := t.index[e.Code]; j != 0 {
			return nil, fmt.Errorf("%s:%d: duplicate status code %d (first listed on line %d)", source, e.Line, e.Code, entries[j-1].Line)
		}
		t.index[e.Code] = uint16(i + 1)
	}
	return t, nil
}

// Lookup returns the entry for code, or nil if the table does not list it.
func (t *Table) Lookup(code int64) *Entry {
	if code < 0 || code > MaxCode {
		return nil
	}
	if i := t.index[code]; i != 0 {
		return &t.Entries[i-1]
	}
	return nil
}

// The phrases Classify looks for. Plain substring tests, not regular
// expressions: every go vet process reads the table again.
var (
	retryVerbs      = []string{"re-initiate", "reinitiate", "re-send", "resend", "retry", "re-try"}
	neverPhrases    = []string{"instead of re-initiating", "instead of reinitiating", "instead of retrying", "instead of re-sending", "instead of resending"}
	neverPrefixes   = []string{"should not ", "must not ", "should never ", "must never "}
	unchangedSuffix = []string{" the request without any modification", " the request without modification", " it without any modification", " it without modification", " the request unchanged"}
)

// Classify derives retry guidance and the unused mark from an entry's
// prose, the way the seed table states them: "the client should modify
// the request instead of re-initiating it" is RetryNever; "the client may
// re-initiate the request without any modification" is RetryUnchanged;
// re-initiating "after" the time in the "Retry-After" header is
// RetryAfterRetryAfter. "Unused" as the name, or "no longer used", marks
// a code unused.
func Classify(name, description string) (Retry, bool) {
	d := strings.ToLower(strings.Join(strings.Fields(description), " "))
	n := strings.ToLower(strings.TrimSpace(name))
	unused := n == "unused" || strings.Contains(n, "(unused)") || strings.Contains(d, "no longer used") || strings.Contains(d, "(unused)")
	for _, p := range neverPhrases {
		if strings.Contains(d, p) {
			return RetryNever, unused
		}
	}
	for _, v := range retryVerbs {
		for _, p := range neverPrefixes {
			if strings.Contains(d, p+v) {
				return RetryNever, unused
			}
		}
		for _, suffix := range unchangedSuffix {
			if strings.Contains(d, "may "+v+suffix) {
				return RetryUnchanged, unused
			}
		}
	}
	for sentence := range strings.SplitSeq(d, ". ") {
		at := strings.Index(sentence, "retry-after")
		if at < 0 {
			continue
		}
		before := sentence[:at]
		for _, v := range retryVerbs {
			if i := strings.Index(before, v); i >= 0 && strings.Contains(before[i:], " after ") {
				return RetryAfterRetryAfter, unused
			}
		}
	}
	return RetryUnspecified, unused
}
