package config

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A ConfigError is a configuration value statuslint cannot use: a table
// that cannot be read, a malformed sink, an unknown check. Field names the
// setting, as the flag and the golangci-lint setting spell it.
type ConfigError struct {
	Field string // "codes", "sinks" or "checks"
	Err   error
}

func (e *ConfigError) Error() string { return e.Err.Error() }

func (e *ConfigError) Unwrap() error { return e.Err }

// NewError wraps a non-nil err as the field's ConfigError.
func NewError(field string, err error) error {
	if err == nil {
		return nil
	}
	return &ConfigError{Field: field, Err: err}
}

// Settings holds one analyzer's configuration.
type Settings struct {
	Codes     *TableFlag
	Constants string
	Sinks     SinksFlag
	Tests     bool
	Checks    checks.Flag
	// Switches are the passes' switches (-statuscodes, -statusretry,
	// -statusroutes), shared by the settings derived from these.
	Switches []*Switch
	// Routes is -routes: list the routes and their operations instead of
	// the findings.
	Routes bool
	// ShowIDs and FoldRelated are Config's.
	ShowIDs, FoldRelated bool
	// APIs are the tables of the APIs client requests go to, by base
	// URL, the nearest file's first (apis entries of the configuration
	// files).
	APIs []APITable
	// Explicit are the settings given as flags or in Config ("codes",
	// "checks", "constants", "tests"), which configuration files do not
	// override. Sinks add up: a file's are added to the flag's.
	Explicit map[string]bool
	// cache holds For's answers, shared by the settings For derives.
	cache *forCache
}

// forCache is what For computes once per process.
type forCache struct {
	dirs    sync.Map // directory -> func() (*Settings, error)
	derived sync.Map // chain of files -> func() (*Settings, error)
	tables  sync.Map // table spec -> *TableFlag
	// once reads the module's files, moduleFiles and moduleErr.
	once        sync.Once
	moduleFiles []*File
	moduleErr   error
}

// For returns the settings for pass's package: s, with what the
// configuration files of its directory set (Chain), except the settings
// given explicitly; the error of a bad flag or file. Packages under the
// same files share one Settings, and each table is read once.
func (s *Settings) For(pass *analysis.Pass) (*Settings, error) {
	if err := s.ConfigErr(); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(pass.Files))
	for _, f := range pass.Files {
		names = append(names, pass.Fset.File(f.Pos()).Name())
	}
	dir := dirOfFiles(names)
	if dir == "" || s.cache == nil {
		return s, nil
	}
	load, _ := s.cache.dirs.LoadOrStore(dir, sync.OnceValues(func() (*Settings, error) {
		files, err := Chain(dir)
		if err != nil {
			return nil, NewError("config", err)
		}
		var chain []*File
		for _, f := range files {
			chain = append(chain, f.layers(dir)...)
		}
		if len(chain) == 0 {
			return s, nil
		}
		var key strings.Builder
		for _, f := range chain {
			fmt.Fprintf(&key, "%s:%d\x00", f.Path, f.Line)
		}
		d, _ := s.cache.derived.LoadOrStore(key.String(), sync.OnceValues(func() (*Settings, error) { return s.with(chain), nil }))
		return d.(func() (*Settings, error))()
	}))
	return load.(func() (*Settings, error))()
}

// with returns s with the settings of chain, farthest first (a file's
// packages entries after the file's own), applied.
func (s *Settings) with(chain []*File) *Settings {
	d := &Settings{Codes: s.Codes, Constants: s.Constants, Sinks: s.Sinks, Tests: s.Tests, Checks: s.Checks,
		Switches: s.Switches, Routes: s.Routes,
		ShowIDs: s.ShowIDs, FoldRelated: s.FoldRelated, Explicit: s.Explicit, cache: s.cache}
	var sinks []SinkSpec
	for _, f := range chain {
		if f.Codes != nil && !s.Explicit["codes"] {
			t, _ := s.cache.tables.LoadOrStore(*f.Codes, NewTableFlag(*f.Codes, f.tab))
			d.Codes = t.(*TableFlag)
		}
		if f.Checks != nil && !s.Explicit["checks"] {
			d.Checks = checks.Flag{Decls: s.Checks.Decls}
			d.Checks.Err = d.Checks.Set(*f.Checks) // checked when read
		}
		if f.Constants != nil && !s.Explicit["constants"] {
			d.Constants = *f.Constants
		}
		if f.Tests != nil && !s.Explicit["tests"] {
			d.Tests = *f.Tests
		}
		sinks = append(sinks, f.Sinks...)
		for _, api := range f.APIs {
			t, _ := s.cache.tables.LoadOrStore(api.Codes, NewTableFlag(api.Codes, api.tab))
			// Nearest first: a nearer file's entry wins a tie.
			d.APIs = append([]APITable{{URLs: api.URLs, Codes: t.(*TableFlag)}}, d.APIs...)
		}
	}
	if len(sinks) > 0 {
		d.Sinks.User = append(slices.Clone(s.Sinks.User), sinks...)
		d.Sinks.Index = newSinkIndex(builtinSinks, d.Sinks.User)
	}
	return d
}

// NewSettings returns settings for For to derive from, with explicit
// naming the settings given explicitly.
func NewSettings(explicit map[string]bool) *Settings {
	if explicit == nil {
		explicit = map[string]bool{}
	}
	return &Settings{Explicit: explicit, cache: &forCache{}}
}

// ModuleFiles returns the configuration files of the module around the
// working directory (ModuleFiles), read once.
func (s *Settings) ModuleFiles() ([]*File, error) {
	if s.cache == nil {
		return nil, nil
	}
	s.cache.once.Do(func() {
		wd, err := os.Getwd()
		if err != nil {
			s.cache.moduleErr = err
			return
		}
		s.cache.moduleFiles, s.cache.moduleErr = ModuleFiles(wd)
	})
	return s.cache.moduleFiles, s.cache.moduleErr
}

// AllSinks returns the user's sinks: the flag's and those of the module's
// configuration files, for drivers that choose which packages to load.
func (s *Settings) AllSinks() []SinkSpec {
	all := slices.Clone(s.Sinks.User)
	for _, f := range s.AllFiles() {
		all = append(all, f.Sinks...)
	}
	return all
}

// AnySpec reports whether the table of the flags, or of one of the
// module's configuration files, is an OpenAPI spec: whether the routes
// pass can have facts to export.
func (s *Settings) AnySpec() bool {
	if tab, err := s.Codes.Table(); err == nil && tab.Spec != nil {
		return true
	}
	if s.Explicit["codes"] {
		return false
	}
	for _, f := range s.AllFiles() {
		if f.tab != nil && f.tab.Spec != nil {
			return true
		}
	}
	return false
}

// A Switch is a pass's -NAME switch, as go vet's, with the checks the pass
// declares: a pass switched off runs none of them (-statuscodes=false is
// -checks=all,-SL1001,...).
type Switch struct {
	Name   string
	On     bool
	Checks []checks.Decl
}

// ChecksOn returns the checks that run: those -checks selects, less those
// of a pass switched off. A directive for a check that does not run is not
// judged.
func (s *Settings) ChecksOn() checks.Set {
	on := checks.Set{}
	for id, v := range s.Checks.On {
		on[id] = v
	}
	for _, sw := range s.Switches {
		if !sw.On {
			for _, d := range sw.Checks {
				on[d.ID] = false
			}
		}
	}
	return on
}

// AnyOn reports whether one of decls, a pass's checks, runs.
func (s *Settings) AnyOn(decls []checks.Decl) bool {
	on := s.ChecksOn()
	return slices.ContainsFunc(decls, func(d checks.Decl) bool { return on[d.ID] })
}

// PassOn reports whether the pass named name is not switched off.
func (s *Settings) PassOn(name string) bool {
	for _, sw := range s.Switches {
		if sw.Name == name {
			return sw.On
		}
	}
	return true
}

// TableFlag is the -codes flag. The table is read once, on first use (or
// when the flag is set), and shared read-only by all passes, which may ask
// for it at the same time.
type TableFlag struct {
	mu   sync.Mutex
	spec string
	// read says that tab and err are spec's table and the error reading it.
	read bool
	tab  *table.Table
	err  error
}

// NewTableFlag returns the flag for spec; a table read already (Config's
// Table) is used as spec's instead of reading it again.
func NewTableFlag(spec string, tab *table.Table) *TableFlag {
	if tab != nil {
		return &TableFlag{spec: tab.Name, read: true, tab: tab}
	}
	return &TableFlag{spec: spec}
}

func (f *TableFlag) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.spec == "" {
		return table.DefaultProfile
	}
	return f.spec
}

// Set validates the table at once, so that a bad table stops the tool
// before it analyzes anything.
func (f *TableFlag) Set(spec string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.read && f.tab != nil && spec == f.spec {
		return nil // read already: the driver checks the flag before parsing it
	}
	tab, err := table.Load(spec)
	if err != nil {
		return err
	}
	f.spec, f.read, f.tab, f.err = spec, true, tab, nil
	return nil
}

// Warnings are the problems of the table read so far that do not affect
// statuses (Table.Warnings).
func (f *TableFlag) Warnings() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tab == nil {
		return nil
	}
	return f.tab.Warnings
}

// Table returns the table, reading it on first use.
func (f *TableFlag) Table() (*table.Table, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.read {
		f.tab, f.err = table.Load(f.spec)
		f.err = NewError("codes", f.err)
		f.read = true
	}
	return f.tab, f.err
}

// SinksFlag is the -sinks flag, with the index of all sinks it implies.
type SinksFlag struct {
	value string
	User  []SinkSpec
	Index SinkIndex
	Err   error
}

func (f *SinksFlag) String() string { return f.value }

func (f *SinksFlag) Set(value string) error {
	user, err := ParseSinks(value)
	if err != nil {
		return err
	}
	f.value, f.User, f.Err = value, user, nil
	f.Index = newSinkIndex(builtinSinks, user)
	return nil
}

func Known(path string, user []SinkSpec) bool {
	return knowledge.IsKnownPackage(path) || slices.ContainsFunc(user, func(s SinkSpec) bool { return s.Path == path })
}

// Reaches reports whether pkg is, or imports directly or not, a package
// whose values statuslint knows. The type checker lists every direct
// import of the package being analyzed; the rest of the walk sees what
// export data gives, and the passes make up for it with the facts of the
// packages they import.
func Reaches(pkg *types.Package, user []SinkSpec) bool {
	return typesx.FindImport(pkg, func(p *types.Package) bool { return Known(p.Path(), user) }) != nil
}

// ConfigErr is the error every pass fails with when the configuration is
// bad.
func (s *Settings) ConfigErr() error {
	if s.Sinks.Err != nil {
		return NewError("sinks", s.Sinks.Err)
	}
	return NewError("checks", s.Checks.Err)
}

// ChecksFile reports whether f is reported on: generated files are not
// (their author cannot fix them by hand), nor test files with -tests=false.
func (s *Settings) ChecksFile(pass *analysis.Pass, f *ast.File) bool {
	if ast.IsGenerated(f) {
		return false
	}
	return s.Tests || !strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
}

// AllFiles returns the module's configuration files and their packages
// entries, for drivers that look at every table, constants package or
// sink they name.
func (s *Settings) AllFiles() []*File {
	list, _ := s.ModuleFiles()
	var out []*File
	for _, f := range list {
		out = append(out, f.all()...)
	}
	return out
}

// An APITable is the table of the API the client requests whose URL
// starts with one of URLs go to.
type APITable struct {
	URLs  []string
	Codes *TableFlag
}

// API returns the table of the API a request to url goes to: the apis
// entry with the longest base URL that url is, or is below (a path, a
// query or a fragment after it); nil when none is, and the package's
// table judges the request.
func (s *Settings) API(url string) *TableFlag {
	var best *TableFlag
	n := 0
	for _, api := range s.APIs {
		for _, base := range api.URLs {
			if len(base) > n && underURL(url, base) {
				best, n = api.Codes, len(base)
			}
		}
	}
	return best
}

// underURL reports whether u is base or below it: base followed by
// nothing, a path, a query or a fragment.
func underURL(u, base string) bool {
	if !strings.HasPrefix(u, base) {
		return false
	}
	rest := u[len(base):]
	return rest == "" || strings.ContainsRune("/?#", rune(rest[0]))
}
