package checks

import (
	_ "embed"
	"fmt"
	"strings"
)

// A Decl is a check as the pass that reports it declares it, beside the
// pass's code: its ID (the Category of its diagnostics) and whether it
// runs when -checks does not name it. What the check is, its title, rule
// and examples, is checks.md's.
type Decl struct {
	ID string
	// NonDefault is set for a check that runs only when -checks names
	// it ("all" does).
	NonDefault bool
}

// IDs returns the IDs of decls, in their order.
func IDs(decls []Decl) []string {
	ids := make([]string, len(decls))
	for i, d := range decls {
		ids[i] = d.ID
	}
	return ids
}

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

// Heading is the check's heading: its ID and title.
func (c Check) Heading() string { return c.ID + " " + c.Title }

// DocsURL is where the checks' pages are published: docs/checks in the
// repository, one page per check named by its ID, so that a check's address
// never changes when its title or the docs around it do.
const DocsURL = "https://github.com/statuslint/statuslint/blob/main/docs/checks/"

// URL is the address of the check's page.
func (c Check) URL() string { return DocsURL + c.ID + ".md" }

// Page is the check's page in docs/checks, generated from checks.md: the
// rule, a bad and a good example, and how to silence it or switch it off.
func (c Check) Page() string {
	return fmt.Sprintf(`<!-- generated from internal/checks/checks.md by go test ./internal/checks -run TestCheckPages -update; edit that file -->
# %[1]s %[2]s

%[3]s

Bad:

`+"```go\n%[4]s\n```"+`

Good:

`+"```go\n%[5]s\n```"+`

Silence one finding with `+"`//lint:ignore %[1]s <reason>`"+` on the line before
it or at the end of its line, every finding of a file with
`+"`//lint:file-ignore %[1]s <reason>`"+`; switch the check off with
`+"`-checks=all,-%[1]s`"+` (see [choosing checks](../usage.md#silencing-findings-and-choosing-checks)).

[All checks](README.md)
`, c.ID, c.Title, c.Doc, c.Bad, c.Good)
}

// Index is docs/checks/README.md: every check with a link to its page.
func Index() string {
	var b strings.Builder
	b.WriteString("<!-- generated from internal/checks/checks.md by go test ./internal/checks -run TestCheckPages -update; edit that file -->\n")
	b.WriteString("# Checks\n\n")
	b.WriteString("Every check looks at the status values that reach a status sink; [what statuslint reads](../sinks.md) lists them.\n\n")
	b.WriteString("| ID | check |\n| --- | --- |\n")
	for _, c := range All {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s |\n", c.ID, c.ID, c.Title)
	}
	return b.String()
}

//go:embed checks.md
var checksDoc string

// Markdown is the documentation of every check: checks.md.
func Markdown() string { return checksDoc }

// All lists every check, in the order of checks.md, the one place
// where checks are described: the analyzer's doc, -explain, SARIF rules and
// the pages in docs/checks come from it.
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
	checks, err := Parse(doc)
	if err != nil {
		panic("checks.md: " + err.Error())
	}
	return checks
}

// Parse reads a checks.md: a "### ID title" heading per check, its doc,
// then "Bad:" and "Good:" each followed by a Go code block.
func Parse(doc string) ([]Check, error) {
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
