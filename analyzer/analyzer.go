package analyzer

import (
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"honnef.co/go/tools/analysis/facts/tokenfile"

	"github.com/statuslint/statuslint/analyzer/table"
)

// Analyzer checks HTTP status codes against the default status-code table;
// its flags -codes and -constants configure it.
var Analyzer = New(Config{})

// Config configures an analyzer built with New. The zero value uses the
// default table and net/http's constants.
type Config struct {
	// Codes is a built-in profile name or the path of a table file.
	Codes string
	// Constants is the import path of a package whose constants fixes use
	// instead of net/http's.
	Constants string
}

// New returns a statuslint analyzer configured by cfg. Each analyzer owns its
// flags, so several can run side by side with different tables.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{codes: tableFlag{spec: cfg.Codes}, constants: cfg.Constants}
	a := &analysis.Analyzer{
		Name:      "statuslint",
		Doc:       analyzerDoc(),
		URL:       "https://github.com/statuslint/statuslint#checks",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, tokenfile.Analyzer},
		Run:       s.run,
		FactTypes: []analysis.Fact{new(constantsFact)},
	}
	a.Flags.Var(&s.codes, "codes", "status-code `table`: a built-in profile ("+joinProfiles()+") or a file (.rst, .md, .yaml, .json)")
	a.Flags.StringVar(&s.constants, "constants", cfg.Constants, "import `path` of a package whose status constants fixes use instead of net/http's")
	return a
}

// settings holds one analyzer's configuration.
type settings struct {
	codes     tableFlag
	constants string
}

// tableFlag is the -codes flag. The table is read once, on first use, and
// shared read-only by all passes.
type tableFlag struct {
	spec string
	once sync.Once
	tab  *table.Table
	err  error
}

func (f *tableFlag) String() string {
	if f.spec == "" {
		return table.DefaultProfile
	}
	return f.spec
}

// Set validates the table at once, so that a bad table stops the tool
// before it analyzes anything.
func (f *tableFlag) Set(spec string) error {
	tab, err := table.Load(spec)
	if err != nil {
		return err
	}
	f.spec = spec
	f.once.Do(func() {})
	f.tab, f.err = tab, nil
	return nil
}

func (f *tableFlag) table() (*table.Table, error) {
	f.once.Do(func() { f.tab, f.err = table.Load(f.spec) })
	return f.tab, f.err
}

func joinProfiles() string {
	return strings.Join(table.Profiles(), ", ")
}

func (s *settings) run(pass *analysis.Pass) (any, error) {
	tab, err := s.codes.table()
	if err != nil {
		return nil, err
	}
	if s.constants != "" && pass.Pkg.Path() == s.constants {
		exportConstants(pass)
	}
	if !reachesHTTP(pass.Pkg) {
		return nil, nil
	}
	c := &checker{pass: pass, tab: tab, constants: s.constants}
	c.inspect(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	return nil, nil
}
