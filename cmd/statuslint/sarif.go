package main

import (
	"encoding/json"
	"io"
	"net/url"
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

// sarifLog is a SARIF 2.1.0 log as code scanning takes it: staticcheck's
// types with a run that always has its results (its sarif.Run drops an
// empty list, and code scanning refuses "Missing 'results' array"), the
// base its paths are relative to, and how the run went.
type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarif.Tool     `json:"tool"`
	Results []sarif.Result `json:"results"`
	// OriginalURIBaseIDs maps %SRCROOT% to the module root, which every
	// result's path is relative to, whatever the working directory.
	OriginalURIBaseIDs map[string]sarif.ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Invocations        []sarifInvocation                 `json:"invocations"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
	// ToolExecutionNotifications are the packages that did not load.
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string        `json:"level"`
	Message sarif.Message `json:"message"`
}

// srcRoot is the base SARIF paths are relative to.
const srcRoot = "%SRCROOT%"

// writeSARIF writes the findings of graph's roots as a SARIF 2.1.0 log
// for code-scanning tools, with loadErrors (the packages that did not
// load, a line each) as notifications, and returns how many results it
// holds.
func writeSARIF(w io.Writer, graph *checker.Graph, loadErrors []string) (int, error) {
	log := toSARIF(graph, moduleRoot(), loadErrors)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return len(log.Runs[0].Results), enc.Encode(log)
}

// moduleRoot returns the directory of the go.mod the working directory is
// in, or the working directory when there is none.
func moduleRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}

// toSARIF makes the log of graph's findings, one rule per check, paths
// relative to root.
func toSARIF(graph *checker.Graph, root string, loadErrors []string) sarifLog {
	run := sarifRun{Tool: sarif.Tool{Driver: sarif.ToolComponent{
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
				Locations:    []sarif.Location{location(root, posn, end)},
				Suppressions: []sarif.Suppression{},
			}
			for _, rel := range d.Related {
				loc := location(root, fset.Position(rel.Pos).String(), "")
				loc.Message = &sarif.Message{Text: rel.Message}
				r.RelatedLocations = append(r.RelatedLocations, loc)
			}
			run.Results = append(run.Results, r)
		}
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{srcRoot: {URI: fileURI(root) + "/"}}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(loadErrors) == 0}
	for _, e := range loadErrors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarif.Message{Text: strings.TrimPrefix(e, "statuslint: ")}})
	}
	run.Invocations = []sarifInvocation{inv}
	return sarifLog{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarifRun{run}}
}

// location turns "file:line:col" positions into a SARIF location: a path
// relative to root, under %SRCROOT%, or an absolute file URI for a file
// outside it.
func location(root, posn, end string) sarif.Location {
	file, line, col := splitPosn(posn)
	_, endLine, endCol := splitPosn(end)
	art := sarif.ArtifactLocation{URI: fileURI(file)}
	if rel, err := filepath.Rel(root, file); root != "" && err == nil && !strings.HasPrefix(rel, "..") {
		art = sarif.ArtifactLocation{URI: filepath.ToSlash(rel), URIBaseID: srcRoot}
	}
	return sarif.Location{PhysicalLocation: sarif.PhysicalLocation{
		ArtifactLocation: art,
		Region:           sarif.Region{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
	}}
}

// fileURI returns the file: URI of an absolute path.
func fileURI(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	return u.String()
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
