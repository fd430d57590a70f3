package main

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/statuslint/statuslint/analyzer"
)

// finding is a diagnostic ready to print, with its positions resolved.
type finding struct {
	posn, end token.Position
	check     string
	message   string
	related   []relatedPosn
}

type relatedPosn struct {
	posn, end token.Position
	message   string
}

// sortedFindings returns the diagnostics of graph's roots sorted by file, line,
// column and check, once each: a file of a package with tests belongs to
// the package and its test variant, and both report it.
func sortedFindings(graph *checker.Graph) []finding {
	var out []finding
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := finding{posn: fset.Position(d.Pos), end: fset.Position(d.End), check: d.Category, message: d.Message}
			key := fmt.Sprint(f.posn, f.end, f.check, f.message)
			if seen[key] {
				continue
			}
			seen[key] = true
			for _, r := range d.Related {
				f.related = append(f.related, relatedPosn{fset.Position(r.Pos), fset.Position(r.End), r.Message})
			}
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.posn.Filename, b.posn.Filename), cmp.Compare(a.posn.Line, b.posn.Line),
			cmp.Compare(a.posn.Column, b.posn.Column), cmp.Compare(a.check, b.check), cmp.Compare(a.message, b.message))
	})
	return out
}

// printText prints findings as staticcheck does, "file:line:col: message
// (ID)", files relative to the working directory, each related position
// on a line of its own below ("file:line:col: \tmessage", as
// go vet prints them); with context >= 0, the lines around each.
func printText(w io.Writer, list []finding, context int) error {
	cwd, _ := os.Getwd()
	var b strings.Builder
	show := func(posn, end token.Position) {
		if context < 0 {
			return
		}
		if !end.IsValid() {
			end = posn
		}
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - context; i <= end.Line+context; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(&b, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	for _, f := range list {
		fmt.Fprintf(&b, "%s: %s", relPosn(f.posn, cwd), f.message)
		if _, ok := analyzer.LookupCheck(f.check); ok {
			fmt.Fprintf(&b, " (%s)", f.check) // not -routes' listing
		}
		b.WriteString("\n")
		show(f.posn, f.end)
		for _, r := range f.related {
			fmt.Fprintf(&b, "%s: \t%s\n", relPosn(r.posn, cwd), r.message)
			show(r.posn, r.end)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// relPosn is posn with its file relative to cwd when it is below it, as
// go vet prints them.
func relPosn(posn token.Position, cwd string) string {
	if cwd != "" {
		if rel, err := filepath.Rel(cwd, posn.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			posn.Filename = rel
		}
	}
	return posn.String()
}
