package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

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

// runSARIF runs statuslint with -json and prints the findings as a SARIF
// 2.1.0 log for code-scanning tools. It returns the exit code: 0 clean, 3
// findings, 1 errors.
func runSARIF(args []string, stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "statuslint:", err)
		return 1
	}
	cmd := exec.Command(exe, append([]string{"-json"}, args...)...)
	cmd.Stderr = stderr
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			return 1
		}
	}
	log, failed, err := toSARIF(out)
	if err != nil {
		fmt.Fprintln(stderr, "statuslint:", err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return 1
	}
	switch {
	case failed:
		return 1
	case len(log.Runs[0].Results) > 0:
		return 3
	}
	return 0
}

// toSARIF converts the checker's JSON tree; failed reports packages whose
// analysis failed.
func toSARIF(data []byte) (sarif.Log, bool, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&tree); err != nil && err != io.EOF {
		return sarif.Log{}, false, fmt.Errorf("reading -json output: %v", err)
	}
	run := sarif.Run{Tool: sarif.Tool{Driver: sarif.ToolComponent{
		Name:           "statuslint",
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
	failed := false
	for _, analyzers := range tree {
		for _, raw := range analyzers {
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				failed = true // {"error": "..."}
				continue
			}
			for _, d := range diags {
				key := d.Category + "\x00" + d.Posn + "\x00" + d.End + "\x00" + d.Message
				if seen[key] {
					continue
				}
				seen[key] = true
				r := sarif.Result{
					RuleID:       d.Category,
					Kind:         sarif.Fail,
					Level:        sarif.Warning,
					Message:      sarif.Message{Text: d.Message},
					Locations:    []sarif.Location{location(d.Posn, d.End)},
					Suppressions: []sarif.Suppression{},
				}
				for _, rel := range d.Related {
					loc := location(rel.Posn, "")
					loc.Message = &sarif.Message{Text: rel.Message}
					r.RelatedLocations = append(r.RelatedLocations, loc)
				}
				run.Results = append(run.Results, r)
			}
		}
	}
	return sarif.Log{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarif.Run{run}}, failed, nil
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
