package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"honnef.co/go/tools/sarif"

	"github.com/statuslint/statuslint/analyzer"
)

// jsonDiagnostic is a finding as the checker's -json output has it.
type jsonDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// writeSARIF writes the findings of graph's roots as a SARIF 2.1.0 log
// for code-scanning tools, and returns how many results it holds.
func writeSARIF(w io.Writer, graph *checker.Graph) (int, error) {
	log := toSARIF(graph)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return len(log.Runs[0].Results), enc.Encode(log)
}

// toSARIF makes the log of graph's findings, one rule per check.
func toSARIF(graph *checker.Graph) sarif.Log {
	run := sarif.Run{Tool: sarif.Tool{Driver: sarif.ToolComponent{
		Name:           "statuslint",
		Version:        version(),
		InformationURI: "https://github.com/statuslint/statuslint",
	}}}
	for _, c := range analyzer.Checks {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarif.ReportingDescriptor{
			ID:                   c.ID,
			ShortDescription:     sarif.Message{Text: c.Title},
			Help:                 sarif.Message{Text: c.Doc, Markdown: c.Doc + "\n\nBad:\n\n```go\n" + c.Bad + "\n```\n\nGood:\n\n```go\n" + c.Good + "\n```"},
			HelpURI:              c.URL(),
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
		})
	}
	// A file of a package with tests is analyzed twice, in the package
	// and in its test variant: report each finding once.
	seen := map[string]bool{}
	run.Results = []sarif.Result{}
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn, end := fset.Position(d.Pos).String(), ""
			if d.End.IsValid() {
				end = fset.Position(d.End).String()
			}
			key := d.Category + "\x00" + posn + "\x00" + end + "\x00" + d.Message
			if seen[key] {
				continue
			}
			seen[key] = true
			r := sarif.Result{
				RuleID:       d.Category,
				Kind:         sarif.Fail,
				Level:        sarif.Warning,
				Message:      sarif.Message{Text: d.Message},
				Locations:    []sarif.Location{location(posn, end)},
				Suppressions: []sarif.Suppression{},
			}
			for _, rel := range d.Related {
				loc := location(fset.Position(rel.Pos).String(), "")
				loc.Message = &sarif.Message{Text: rel.Message}
				r.RelatedLocations = append(r.RelatedLocations, loc)
			}
			run.Results = append(run.Results, r)
		}
	}
	return sarif.Log{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarif.Run{run}}
}

// location turns "file:line:col" positions into a SARIF location with a
// path relative to the working directory, as code scanning expects.
func location(posn, end string) sarif.Location {
	file, line, col := splitPosn(posn)
	_, endLine, endCol := splitPosn(end)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
	}
	return sarif.Location{PhysicalLocation: sarif.PhysicalLocation{
		ArtifactLocation: sarif.ArtifactLocation{URI: filepath.ToSlash(file)},
		Region:           sarif.Region{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
	}}
}

func splitPosn(posn string) (string, int, int) {
	i := strings.LastIndex(posn, ":")
	if i < 0 {
		return posn, 0, 0
	}
	j := strings.LastIndex(posn[:i], ":")
	if j < 0 {
		return posn, 0, 0
	}
	line, _ := strconv.Atoi(posn[j+1 : i])
	col, _ := strconv.Atoi(posn[i+1:])
	return posn[:j], line, col
}
