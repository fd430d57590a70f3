package table

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

var (
	mdSeparator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`) })
	mdBreak     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<br\s*/?>`) })
)

// parseMarkdown reads the status-code pipe tables of a Markdown document:
//
//	| Status Code | Name | Description |
//	| ----------- | ---- | ----------- |
//	| 404         | Not Found | ... |
//
// "<br>" in a cell starts a new paragraph; "\|" is a literal pipe.
func parseMarkdown(source string, data []byte) ([]Entry, error) {
	lines := splitLines(data)
	var entries []Entry
	found := false
	for i := 0; i+1 < len(lines); i++ {
		if !isPipeRow(lines[i]) || !mdSeparator().MatchString(strings.TrimSpace(lines[i+1])) {
			continue
		}
		header := splitPipeRow(lines[i])
		if n := len(splitPipeRow(lines[i+1])); n != len(header) {
			return nil, fmt.Errorf("%s:%d: ragged table: separator has %d cells, the header %d", source, i+2, n, len(header))
		}
		cols, isStatus := findColumns(header)
		j := i + 2
		for ; j < len(lines) && isPipeRow(lines[j]); j++ {
			if !isStatus {
				continue
			}
			cells := splitPipeRow(lines[j])
			if len(cells) != len(header) {
				return nil, fmt.Errorf("%s:%d: ragged table: row has %d cells, the header %d", source, j+1, len(cells), len(header))
			}
			e, err := cols.entry(source, j+1, cells)
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
		found = found || isStatus
		i = j - 1
	}
	if !found {
		return nil, fmt.Errorf("%s: no status-code table found (a pipe table needs a column headed \"Status Code\")", source)
	}
	return entries, nil
}

func isPipeRow(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "|")
}

// splitPipeRow splits a table row into its cells, honouring "\|".
func splitPipeRow(line string) []string {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '|':
			b.WriteByte('|')
			i++
		case s[i] == '|':
			cells = append(cells, cellText(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(cells, cellText(b.String()))
}

func cellText(s string) string {
	return strings.TrimSpace(mdBreak().ReplaceAllString(s, "\n\n"))
}
