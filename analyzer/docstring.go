package analyzer

import (
	_ "embed"
	"strings"
)

//go:embed doc.go
var docSource string

// analyzerDoc extracts the analyzer's documentation from doc.go: the
// package comment from its "# Analyzer" heading on, so that the Go doc and
// the -help text are one text.
func analyzerDoc() string {
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
