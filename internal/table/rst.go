package table

import (
	"fmt"
	"strconv"
	"strings"
)

// parseRST reads the status-code grid tables of a reStructuredText
// document, like the seed's "Status codes" page. Cells may span several
// lines; blank lines inside a cell separate paragraphs. Spanning cells are
// not supported: every row line must have a '|' under each '+' of the
// table's borders.
func parseRST(source string, data []byte) ([]Entry, error) {
	lines := splitLines(data)
	var entries []Entry
	found := false
	for i := 0; i < len(lines); i++ {
		indent, ok := borderStart(lines[i])
		if !ok {
			continue
		}
		end := i + 1
		for end < len(lines) && isTableLine(lines[end], indent) {
			end++
		}
		es, isStatus, err := parseGrid(source, lines[i:end], i+1, indent)
		if err != nil {
			return nil, err
		}
		if isStatus {
			found = true
			entries = append(entries, es...)
		}
		i = end - 1
	}
	if !found {
		return nil, fmt.Errorf("%s: no status-code table found (a grid table needs a column headed \"Status Code\")", source)
	}
	return entries, nil
}

func splitLines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Split(s, "\n")
}

// borderStart reports whether line is a grid border ("+---+"), and its indent.
func borderStart(line string) (int, bool) {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "+-") && !strings.HasPrefix(t, "+=") {
		return 0, false
	}
	return len(line) - len(t), true
}

func isTableLine(line string, indent int) bool {
	if len(line) <= indent || strings.TrimSpace(line[:indent]) != "" {
		return false
	}
	return line[indent] == '+' || line[indent] == '|'
}

// parseGrid parses one grid table whose first line is number first.
func parseGrid(source string, lines []string, first, indent int) (entries []Entry, isStatus bool, err error) {
	errorf := func(i int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", source, first+i, fmt.Sprintf(format, args...))
	}
	top := []rune(strings.TrimRight(lines[0][indent:], " \t"))
	var bounds []int
	for j, r := range top {
		switch r {
		case '+':
			bounds = append(bounds, j)
		case '-', '=':
		default:
			return nil, false, errorf(0, "table border has unexpected character %q at column %d", r, indent+j+1)
		}
	}
	if len(bounds) < 2 || bounds[len(bounds)-1] != len(top)-1 {
		return nil, false, errorf(0, "table border must end with '+'")
	}
	ncol := len(bounds) - 1
	isBound := make([]bool, len(top))
	for _, b := range bounds {
		isBound[b] = true
	}

	var (
		header   []string
		rows     [][]string
		rowLines []int
		cur      [][]string // per column, the cell's text lines
		curLine  = -1
		sawRule  bool
	)
	flush := func(isHeaderRule bool) {
		if curLine >= 0 {
			cells := make([]string, ncol)
			for c := range ncol {
				cells[c] = joinCell(cur[c])
			}
			if isHeaderRule && !sawRule && len(rows) == 0 {
				header = cells
			} else {
				rows = append(rows, cells)
				rowLines = append(rowLines, first+curLine)
			}
		}
		cur, curLine = make([][]string, ncol), -1
	}
	cur = make([][]string, ncol)
	for i := 1; i < len(lines); i++ {
		line := []rune(strings.TrimRight(lines[i][indent:], " \t"))
		if len(line) != len(top) {
			return nil, false, errorf(i, "ragged table: line is %d characters wide, the table's border is %d", len(line), len(top))
		}
		if line[0] == '+' {
			rule := false
			for j, r := range line {
				want := r == '-' || r == '='
				if isBound[j] {
					want = r == '+'
				}
				if !want {
					return nil, false, errorf(i, "ragged table: border does not line up with the first border at column %d", indent+j+1)
				}
				rule = rule || r == '='
			}
			flush(rule)
			sawRule = sawRule || rule
			continue
		}
		for _, b := range bounds {
			if line[b] != '|' {
				return nil, false, errorf(i, "ragged table: expected '|' at column %d (spanning cells are not supported)", indent+b+1)
			}
		}
		if curLine < 0 {
			curLine = i
		}
		for c := range ncol {
			cur[c] = append(cur[c], strings.TrimSpace(string(line[bounds[c]+1:bounds[c+1]])))
		}
	}
	if curLine >= 0 {
		return nil, false, errorf(len(lines)-1, "table ends without a closing border")
	}

	cols := defaultColumns
	if header != nil {
		var ok bool
		if cols, ok = findColumns(header); !ok {
			return nil, false, nil
		}
	} else if len(rows) > 0 {
		// No header rule: treat the first row as a header if it names columns.
		if c, ok := findColumns(rows[0]); ok && !isNumber(rows[0][c.code]) {
			cols, rows, rowLines = c, rows[1:], rowLines[1:]
		}
	}
	for k, cells := range rows {
		e, err := cols.entry(source, rowLines[k], cells)
		if err != nil {
			return nil, false, err
		}
		entries = append(entries, e)
	}
	return entries, true, nil
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(strings.TrimSpace(s))
	return err == nil
}

// joinCell joins a cell's lines: lines of one paragraph with a space,
// paragraphs with a blank line.
func joinCell(lines []string) string {
	var paras []string
	var cur []string
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return strings.Join(paras, "\n\n")
}
