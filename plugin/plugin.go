// Package plugin registers statuslint as a golangci-lint v2 module plugin.
//
// Build a golangci-lint that includes it with `golangci-lint custom` and
// the .custom-gcl.yml of this repository, then enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - statuslint
//	  settings:
//	    custom:
//	      statuslint:
//	        type: module
//	        description: checks HTTP status codes against the API's table
//	        settings:
//	          codes: huaweicloud
//	          constants: example.com/project/status
//	          sinks: ["example.com/project/api.Abort:1"]
//	          tests: true
//	          checks: ["all", "-SL2001"]
package plugin

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/analyzer"
)

func init() {
	register.Plugin("statuslint", New)
}

// Settings are the plugin's settings, named like the command's flags.
type Settings struct {
	// Codes is a built-in profile name or the path of a table file.
	Codes string `json:"codes"`
	// Constants is the import path of the project's status constants.
	Constants string `json:"constants"`
	// Sinks lists more sinks: pkgpath.Func:argIndex or
	// pkgpath.Type.Method:argIndex.
	Sinks []string `json:"sinks"`
	// Tests says whether _test.go files are checked (default true).
	Tests *bool `json:"tests"`
	// Checks selects the checks that run: "all", IDs, "SL2*", "-ID".
	Checks []string `json:"checks"`
}

type plugin struct {
	cfg analyzer.Config
}

// New decodes and checks the settings golangci-lint passes: an unknown key,
// a value of the wrong type, a table that cannot be read or a malformed sink
// is an error that names it.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("statuslint settings: %w", err)
	}
	cfg := analyzer.Config{
		Codes:     s.Codes,
		Constants: s.Constants,
		Sinks:     strings.Join(s.Sinks, ","),
		SkipTests: s.Tests != nil && !*s.Tests,
		Checks:    s.Checks,
		// golangci-lint shows a message and the linter's name: the check
		// ID goes into the message, and related positions too, which it
		// would count as findings of their own.
		ShowIDs:     true,
		FoldRelated: true,
	}
	// Validate reads the table once and keeps it in cfg for the analyzer.
	if err := cfg.Validate(); err != nil {
		key := "codes"
		if ce := (*analyzer.ConfigError)(nil); errors.As(err, &ce) {
			key = ce.Field
		}
		return nil, fmt.Errorf("statuslint settings: %s: %w", key, err)
	}
	if cfg.Table != nil {
		for _, w := range cfg.Table.Warnings {
			fmt.Fprintf(os.Stderr, "statuslint: warning: %s\n", w)
		}
	}
	return &plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns the configured analyzer.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(p.cfg)}, nil
}

// GetLoadMode asks for type information, which every check needs.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
