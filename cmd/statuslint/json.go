package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The -json output has the shape of go vet's and the checkers' of x/tools
// ({"package ID": {"analyzer": [diagnostic, ...]}}, or {"error": ...} for
// an analysis that failed), so that tools written for them read it, with
// three differences users asked for: each finding is listed once, under
// the first package ID that reports it (a package's own ID before its test
// variant's, also where the variant alone was analyzed: coveredByTests),
// paths are relative to the working directory when they are below it, and
// each list is sorted as the text output is.

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonFinding struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`

	sortKey token.Position
}

// writeJSON writes the findings of graph's roots as -json output;
// covered maps the test variants analyzed for their packages to those
// packages, under whose ID the findings in their files are listed.
func writeJSON(w io.Writer, graph *checker.Graph, covered map[*packages.Package]*packages.Package) error {
	cwd, _ := os.Getwd()
	roots := slices.Clone(graph.Roots)
	slices.SortStableFunc(roots, func(a, b *checker.Action) int {
		return cmp.Or(cmp.Compare(a.Package.ID, b.Package.ID), cmp.Compare(a.Analyzer.Name, b.Analyzer.Name))
	})
	tree := map[string]map[string]any{}
	add := func(id, name string, v any) {
		if tree[id] == nil {
			tree[id] = map[string]any{}
		}
		tree[id][name] = v
	}
	seen := map[string]bool{}
	lists := map[[2]string][]jsonFinding{}
	for _, act := range roots {
		if act.Err != nil {
			add(act.Package.ID, act.Analyzer.Name, struct {
				Err string `json:"error"`
			}{act.Err.Error()})
			continue
		}
		fset := act.Package.Fset
		plain := covered[act.Package]
		for _, d := range act.Diagnostics {
			f := toJSONFinding(fset, d, cwd)
			key := fmt.Sprint(f.Posn, f.End, f.Category, f.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			id := act.Package.ID
			if plain != nil && slices.Contains(plain.CompiledGoFiles, f.sortKey.Filename) {
				id = plain.ID
			}
			k := [2]string{id, act.Analyzer.Name}
			lists[k] = append(lists[k], f)
		}
	}
	for k, list := range lists {
		slices.SortFunc(list, func(a, b jsonFinding) int {
			return cmp.Or(cmp.Compare(a.sortKey.Filename, b.sortKey.Filename), cmp.Compare(a.sortKey.Line, b.sortKey.Line),
				cmp.Compare(a.sortKey.Column, b.sortKey.Column), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Message, b.Message))
		})
		add(k[0], k[1], list)
	}
	data, err := json.MarshalIndent(tree, "", "\t") // maps' keys sorted
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// toJSONFinding returns d as -json has it, its paths relative to cwd.
func toJSONFinding(fset *token.FileSet, d analysis.Diagnostic, cwd string) jsonFinding {
	posn := fset.Position(d.Pos)
	f := jsonFinding{Category: d.Category, Posn: relPosn(posn, cwd), End: relPosn(fset.Position(d.End), cwd), Message: d.Message, sortKey: posn}
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message, Edits: []jsonTextEdit{}}
		for _, e := range fix.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(e.End)
			if !end.IsValid() {
				end = start
			}
			jf.Edits = append(jf.Edits, jsonTextEdit{Filename: relPosn(token.Position{Filename: start.Filename}, cwd), Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		f.SuggestedFixes = append(f.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, jsonRelated{Posn: relPosn(fset.Position(r.Pos), cwd), End: relPosn(fset.Position(r.End), cwd), Message: r.Message})
	}
	return f
}
