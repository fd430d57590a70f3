package table

import (
	"fmt"
	"strconv"
	"strings"
)

// columns says which cells of a row hold the code, name and description;
// -1 where the table has no such column.
type columns struct{ code, name, desc int }

// findColumns identifies columns by their header text. ok is false when no
// column holds a status code, meaning the table is about something else.
func findColumns(header []string) (c columns, ok bool) {
	c = columns{-1, -1, -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case c.code < 0 && (strings.Contains(h, "code") || h == "status"):
			c.code = i
		case c.name < 0 && (strings.Contains(h, "name") || strings.Contains(h, "reason") || strings.Contains(h, "phrase") || strings.Contains(h, "meaning")):
			c.name = i
		case c.desc < 0 && strings.Contains(h, "desc"):
			c.desc = i
		}
	}
	return c, c.code >= 0
}

// defaultColumns is the layout assumed for a table without a header row.
var defaultColumns = columns{0, 1, 2}

// entry turns one row of cells into an Entry, deriving the retry guidance
// from the description.
func (c columns) entry(source string, line int, cells []string) (Entry, error) {
	cell := func(i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	raw := cell(c.code)
	code, err := strconv.Atoi(raw)
	if err != nil {
		return Entry{}, fmt.Errorf("%s:%d: status code %q is not a number", source, line, raw)
	}
	e := Entry{Code: code, Name: cell(c.name), Description: cell(c.desc), Line: line}
	e.Retry, e.Unused = Classify(e.Name, e.Description)
	return e, nil
}
