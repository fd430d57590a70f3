package codes

import (
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/requests"
	"github.com/statuslint/statuslint/internal/status"
)

// Name is the pass's name, and its switch's: -statuscodes=false.
const Name = "statuscodes"

// New returns the codes pass: it checks the statuses the sinks
// pass found against the table (SL1001 to SL1004, with fixes).
func New(s *config.Settings, sinks *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        Name + ": check statuses against the API's table (" + strings.Join(checks.IDs(Checks), ", ") + "); its findings are reported by statuslint",
		Requires:   []*analysis.Analyzer{sinks},
		Run:        func(pass *analysis.Pass) (any, error) { return runCodes(s, pass, sinks) },
		ResultType: reflect.TypeFor[[]analysis.Diagnostic](),
	}
}

// runCodes is the codes pass.
func runCodes(s *config.Settings, pass *analysis.Pass, sinks *analysis.Analyzer) (any, error) {
	var diags []analysis.Diagnostic
	// The settings of the package's directory: the flags', with what
	// its configuration files set.
	s, err := s.For(pass)
	if err != nil {
		return diags, err
	}
	statuses := pass.ResultOf[sinks].(*status.Statuses)
	found := statuses.Found
	if len(found) == 0 || !s.AnyOn(Checks) {
		return diags, nil
	}
	// Read the table only now: under go vet every package is a process of
	// its own, and most of them (the standard library below net/http)
	// find no status.
	tab, err := s.Codes.Table()
	if err != nil {
		return diags, nil // the statuslint pass reports it, once
	}
	c := &codeChecker{Pass: pass, Index: statuses.Index, tab: tab, constants: s.Constants, settings: s, out: &diags}
	c.requests = requests.New(pass.TypesInfo, pass.Pkg, c.FuncDecl, c.ValuesOf)
	for _, f := range found {
		if s.ChecksFile(pass, f.File) {
			c.check(f)
		}
	}
	return diags, nil
}
