package checks

import (
	_ "embed"
	"fmt"
	"strings"
)

// The check IDs, set as each diagnostic's Category.
const (
	RawLiteral     = "SL1001"
	Undocumented   = "SL1002"
	Unused         = "SL1003"
	Invalid        = "SL1004"
	Operation      = "SL1005"
	Route          = "SL1006"
	RetryNever     = "SL2001"
	RetryAfterWait = "SL2002"
	BadDirective   = "SL0001"
	UnusedIgnore   = "SL0002"
)

// A Check is one of statuslint's checks; its ID is the Category of its
// diagnostics.
type Check struct {
	ID, Title string
	// Doc is the check's rule and reach, in Markdown.
	Doc string
	// Bad and Good are Go examples: code the check reports, and the same
	// code as it should be.
	Bad, Good string
}

// Heading is the check's README heading.
func (c Check) Heading() string { return c.ID + " " + c.Title }

// URL is the address of the check's documentation: the README heading's
// anchor, as GitHub makes it.
func (c Check) URL() string {
	return "https://github.com/statuslint/statuslint#" + anchor(c.Heading())
}

// anchor returns GitHub's anchor for a heading: lower case, spaces to
// hyphens, punctuation other than hyphens and underscores dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

//go:embed checks.md
var checksDoc string

// Markdown is the documentation of every check, the README's
// section on them.
func Markdown() string { return checksDoc }

// All lists every check, in the order of checks.md, the one place
// where checks are described: the analyzer's doc, -explain, SARIF rules and
// the README come from it.
var All = mustParseChecks(checksDoc)

// Lookup returns the check with the given ID.
func Lookup(id string) (Check, bool) {
	for _, c := range All {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// mustParseChecks reads checks.md: a "### ID title" heading per check, its
// doc, then "Bad:" and "Good:" each followed by a Go code block.
func mustParseChecks(doc string) []Check {
	checks, err := parseChecksDoc(doc)
	if err != nil {
		panic("checks.md: " + err.Error())
	}
	return checks
}

func parseChecksDoc(doc string) ([]Check, error) {
	var checks []Check
	for _, section := range strings.Split(doc, "### ")[1:] {
		heading, body, _ := strings.Cut(section, "\n")
		id, title, ok := strings.Cut(heading, " ")
		if !ok || len(id) != 6 || !strings.HasPrefix(id, "SL") {
			return nil, fmt.Errorf("heading %q: want \"### SLnnnn title\"", heading)
		}
		text, bad, ok1 := cutLast(body, "\nBad:\n")
		bad, good, ok2 := strings.Cut(bad, "\nGood:\n")
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s: want Bad: and Good: examples", id)
		}
		c := Check{ID: id, Title: title, Doc: strings.TrimSpace(text), Bad: codeBlock(bad), Good: codeBlock(good)}
		if c.Doc == "" || c.Bad == "" || c.Good == "" {
			return nil, fmt.Errorf("%s: empty doc or example", id)
		}
		checks = append(checks, c)
	}
	return checks, nil
}

// cutLast is strings.Cut at the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// codeBlock returns the code of the first ```go block in s.
func codeBlock(s string) string {
	_, code, ok := strings.Cut(s, "```go\n")
	if !ok {
		return ""
	}
	code, _, _ = strings.Cut(code, "```")
	return strings.TrimRight(code, "\n")
}
