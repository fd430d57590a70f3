package directives

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/checks"
)

// A directive silences findings: staticcheck's //lint:ignore and
// //lint:file-ignore, and golangci-lint's //nolint.
type directive struct {
	comment *ast.Comment
	// checks are the statuslint checks it names; nil for a //nolint that
	// names statuslint or all linters, which silences every check.
	checks []string
	// first and last are the lines it covers; a file-ignore covers the
	// whole file.
	file        string
	first, last int
	// lint is true for lint:ignore and lint:file-ignore, which are
	// reported when they silence nothing.
	lint bool
	used bool
}

// isStatuslintID reports whether id has the form of statuslint's check
// IDs, SL and four digits; other IDs in a lint:ignore directive belong to
// other tools (staticcheck's SA1019).
func isStatuslintID(id string) bool {
	digits, ok := strings.CutPrefix(id, "SL")
	return ok && len(digits) == 4 && strings.Trim(digits, "0123456789") == ""
}

// directives returns the directives in files, and reports malformed ones.
// A directive alone on its line covers the statement or declaration that
// starts on the next line, all its lines; at the end of a line, that line.
func directives(pass *analysis.Pass, files []*ast.File, enabled checks.Set) []*directive {
	var out []*directive
	for _, f := range files {
		var lines *nodeLines
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parseDirective(pass, c, enabled)
				if d == nil {
					continue
				}
				pos := pass.Fset.Position(c.Slash)
				d.file = pos.Filename
				switch {
				case d.first == -1: // file-ignore
					d.first, d.last = 0, 1<<31-1
				default:
					if lines == nil {
						lines = newNodeLines(pass.Fset, f)
					}
					d.first, d.last = lines.covered(pos.Line, pos.Column)
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// parseDirective reads one comment; nil if it is no directive of
// statuslint's.
func parseDirective(pass *analysis.Pass, c *ast.Comment, enabled checks.Set) *directive {
	text, ok := strings.CutPrefix(c.Text, "//")
	if !ok {
		return nil
	}
	if rest, ok := strings.CutPrefix(strings.TrimLeft(text, " \t"), "nolint"); ok {
		// //nolint, //nolint:all, //nolint:statuslint,other // why, and
		// with a space after the slashes, which golangci-lint honours
		// too.
		if rest == "" || rest[0] == ' ' {
			return &directive{comment: c}
		}
		if list, ok := strings.CutPrefix(rest, ":"); ok {
			list, _, _ = strings.Cut(list, " ")
			for _, name := range strings.Split(list, ",") {
				if name == "all" || name == "statuslint" {
					return &directive{comment: c}
				}
			}
		}
		return nil
	}
	var fileWide bool
	switch {
	case strings.HasPrefix(text, "lint:ignore"):
		text = strings.TrimPrefix(text, "lint:ignore")
	case strings.HasPrefix(text, "lint:file-ignore"):
		text, fileWide = strings.TrimPrefix(text, "lint:file-ignore"), true
	default:
		return nil
	}
	if text != "" && text[0] != ' ' {
		return nil // lint:ignorefoo
	}
	fields := strings.Fields(text)
	kind := "lint:ignore"
	if fileWide {
		kind = "lint:file-ignore"
	}
	bad := func(why string) *directive {
		if enabled[BadDirective] {
			pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: BadDirective, URL: checkURL(BadDirective),
				Message: fmt.Sprintf("malformed //%s directive: %s; write //%s SL1001[,SL2001] reason", kind, why, kind)})
		}
		return nil
	}
	if len(fields) == 0 {
		return bad("it names no check")
	}
	var ours []string
	for _, id := range strings.Split(fields[0], ",") {
		if !isStatuslintID(id) {
			continue // another tool's
		}
		if _, ok := checks.Lookup(id); !ok {
			return bad(fmt.Sprintf("statuslint has no check %s (statuslint -explain lists them)", id))
		}
		ours = append(ours, id)
	}
	if len(ours) == 0 {
		return nil
	}
	if len(fields) < 2 {
		return bad("it gives no reason")
	}
	d := &directive{comment: c, checks: ours, lint: true}
	if fileWide {
		d.first = -1
	}
	return d
}

// silences reports whether d silences diag, at position pos.
func (d *directive) silences(diag analysis.Diagnostic, pos token.Position) bool {
	return pos.Filename == d.file && pos.Line >= d.first && pos.Line <= d.last &&
		(d.checks == nil || slices.Contains(d.checks, diag.Category))
}

// FilterReports returns a Report function that drops the diagnostics of
// checks not enabled and those a directive silences, and a function to call
// once the pass is done, which reports the lint directives that silenced
// nothing. Only the diagnostics that get through are reported, so fix
// modes never touch a silenced line.
func FilterReports(pass *analysis.Pass, files []*ast.File, enabled checks.Set) (report func(analysis.Diagnostic), done func()) {
	dirs := directives(pass, files, enabled)
	report = func(d analysis.Diagnostic) {
		if !enabled[d.Category] {
			return
		}
		pos := pass.Fset.Position(d.Pos)
		silenced := false
		for _, dir := range dirs {
			if dir.silences(d, pos) {
				dir.used, silenced = true, true
			}
		}
		if !silenced {
			if d.URL == "" {
				d.URL = checkURL(d.Category)
			}
			pass.Report(d)
		}
	}
	done = func() {
		if !enabled[UnusedIgnore] {
			return
		}
		for _, dir := range dirs {
			// A directive for checks that did not run cannot be judged.
			judged := slices.ContainsFunc(dir.checks, func(id string) bool { return enabled[id] })
			if dir.lint && !dir.used && judged {
				pass.Report(analysis.Diagnostic{Pos: dir.comment.Pos(), End: dir.comment.End(), Category: UnusedIgnore, URL: checkURL(UnusedIgnore),
					Message: fmt.Sprintf("this directive silences no %s finding: the code it was written for has changed; remove it", strings.Join(dir.checks, " or "))})
			}
		}
	}
	return report, done
}

// checkURL is the documentation address of the check id.
func checkURL(id string) string {
	if c, ok := checks.Lookup(id); ok {
		return c.URL()
	}
	return ""
}

// nodeLines finds the lines a directive alone on its line covers.
type nodeLines struct {
	// ends maps a line to the last line of the outermost statement or
	// declaration that starts on it.
	ends map[int]int
	// code holds, for each line, the columns where tokens end on it.
	code map[int][]int
}

func newNodeLines(fset *token.FileSet, f *ast.File) *nodeLines {
	nl := &nodeLines{ends: map[int]int{}, code: map[int][]int{}}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		switch n.(type) {
		case *ast.CommentGroup, *ast.Comment:
			return false
		}
		start, end := fset.Position(n.Pos()), fset.Position(n.End())
		switch n.(type) {
		case ast.Stmt, ast.Decl, ast.Spec, *ast.Field, *ast.KeyValueExpr:
			if end.Line > nl.ends[start.Line] {
				nl.ends[start.Line] = end.Line
			}
		}
		if _, isFile := n.(*ast.File); !isFile {
			nl.code[end.Line] = append(nl.code[end.Line], end.Column)
			nl.code[start.Line] = append(nl.code[start.Line], start.Column)
		}
		return true
	})
	return nl
}

// covered returns the lines covered by a directive at line:col.
func (nl *nodeLines) covered(line, col int) (first, last int) {
	if slices.ContainsFunc(nl.code[line], func(c int) bool { return c <= col }) {
		return line, line // at the end of a line of code
	}
	next := line + 1
	return next, max(next, nl.ends[next])
}
