// Package table reads API status-code tables: which HTTP status codes an
// API documents, what each means, and whether a client may retry a request
// that got it.
package table

import (
	"fmt"
	"regexp"
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
	Name    string
	Entries []Entry
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

var (
	spaces       = regexp.MustCompile(`\s+`)
	neverRe      = regexp.MustCompile(`modify the request instead of re-?initiating|should not (re-?initiate|re-?send|retry)|must not (re-?initiate|re-?send|retry)`)
	unchangedRe  = regexp.MustCompile(`may (re-?initiate|re-?send|retry) the request without (any )?modification`)
	retryAfterRe = regexp.MustCompile(`(re-?initiate|re-?send|retry)[^.]*after[^.]*retry-after`)
	unusedRe     = regexp.MustCompile(`no longer used|^unused$|\(unused\)`)
)

// Classify derives retry guidance and the unused mark from an entry's
// prose, the way the seed table states them.
func Classify(name, description string) (Retry, bool) {
	d := strings.ToLower(spaces.ReplaceAllString(description, " "))
	unused := unusedRe.MatchString(strings.ToLower(strings.TrimSpace(name))) || unusedRe.MatchString(d)
	switch {
	case neverRe.MatchString(d):
		return RetryNever, unused
	case unchangedRe.MatchString(d):
		return RetryUnchanged, unused
	case retryAfterRe.MatchString(d):
		return RetryAfterRetryAfter, unused
	}
	return RetryUnspecified, unused
}
