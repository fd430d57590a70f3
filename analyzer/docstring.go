package analyzer

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/statuslint/statuslint/internal/checks"
)

//go:embed doc.go
var docSource string

// analyzerDoc is the analyzer's documentation: the package comment of
// doc.go from its "# Analyzer" heading on, so that the Go doc and the -help
// text are one text, then each check's title and first paragraph.
func analyzerDoc() string {
	var b strings.Builder
	b.WriteString(packageDoc())
	b.WriteString("\n\nChecks:\n")
	for _, c := range checks.All {
		first, _, _ := strings.Cut(c.Doc, "\n\n")
		fmt.Fprintf(&b, "\n%s %s: %s\n", c.ID, c.Title, strings.Join(strings.Fields(first), " "))
	}
	return strings.TrimSpace(b.String())
}

func packageDoc() string {
	var b strings.Builder
	in := false
	for line := range strings.Lines(docSource) {
		if !strings.HasPrefix(line, "//") {
			break
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# Analyzer ") {
			in = true
			continue
		}
		if in {
			b.WriteString(strings.TrimPrefix(text, "\t"))
		}
	}
	return strings.TrimSpace(b.String())
}
