package analyzer

import (
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/analyzer/knowledge"
	"github.com/statuslint/statuslint/analyzer/table"
)

// Analyzer checks HTTP status codes against the default status-code table;
// its flags configure it.
var Analyzer = New(Config{})

// Config configures an analyzer built with New. The zero value uses the
// default table, net/http's constants, the built-in sinks, and checks test
// files.
type Config struct {
	// Codes is a built-in profile name or the path of a table file.
	Codes string
	// Table is a table already read, for build systems that cannot give
	// the analyzer a file (Bazel's nogo): a package that embeds the team's
	// table parses it with table.Parse and builds the analyzer with it.
	// It wins over Codes; the -codes flag, when set, wins over both.
	Table *table.Table
	// Constants is the import path of a package whose constants fixes use
	// instead of net/http's.
	Constants string
	// Sinks adds status sinks: comma-separated pkgpath.Func:argIndex and
	// pkgpath.Type.Method:argIndex.
	Sinks string
	// SkipTests leaves _test.go files unchecked.
	SkipTests bool
	// Checks selects the checks that run, in staticcheck's syntax:
	// "all", IDs, "SL2*", and "-ID" to switch one off. Empty runs all.
	Checks []string
	// ShowIDs ends each message with its check ID, "(SL1001)", for hosts
	// that print a diagnostic's message and not its category (go vet's
	// text output, golangci-lint), so that users can write //lint:ignore
	// and -checks from what they read.
	ShowIDs bool
	// FoldRelated moves related positions into the message ("...; the
	// request is sent again at client.go:42"), for hosts that show each
	// related position as a finding of its own (golangci-lint).
	FoldRelated bool
}

// A ConfigError is a configuration value statuslint cannot use: a table
// that cannot be read, a malformed sink, an unknown check. Field names the
// setting, as the flag and the golangci-lint setting spell it.
type ConfigError struct {
	Field string // "codes", "sinks" or "checks"
	Err   error
}

func (e *ConfigError) Error() string { return e.Err.Error() }

func (e *ConfigError) Unwrap() error { return e.Err }

// configError wraps a non-nil err as the field's ConfigError.
func configError(field string, err error) error {
	if err == nil {
		return nil
	}
	return &ConfigError{Field: field, Err: err}
}

// Validate reports what is wrong with cfg, as a *ConfigError: a table that
// cannot be read, a malformed sink, an unknown check. A Config whose table
// Validate read is given it in Table, so that it is read once.
func (cfg *Config) Validate() error {
	if cfg.Table == nil {
		tab, err := table.Load(cfg.Codes)
		if err != nil {
			return configError("codes", err)
		}
		cfg.Table = tab
	}
	if _, err := parseSinks(cfg.Sinks); err != nil {
		return configError("sinks", err)
	}
	_, err := selectChecks(cfg.Checks)
	return configError("checks", err)
}

// settings holds one analyzer's configuration.
type settings struct {
	codes     tableFlag
	constants string
	sinks     sinksFlag
	tests     bool
	checks    checksFlag
	// codesPass, retryPass and routesPass are the -statuscodes,
	// -statusretry and -statusroutes switches.
	codesPass, retryPass, routesPass bool
	// routes is -routes: list the routes and their operations instead of
	// the findings.
	routes bool
	// showIDs and foldRelated are Config's.
	showIDs, foldRelated bool
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
	if f.tab != nil && spec == f.spec {
		return nil // read already: the driver checks the flag before parsing it
	}
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
	f.once.Do(func() {
		f.tab, f.err = table.Load(f.spec)
		f.err = configError("codes", f.err)
	})
	return f.tab, f.err
}

// sinksFlag is the -sinks flag, with the index of all sinks it implies.
type sinksFlag struct {
	value string
	user  []sinkSpec
	index sinkIndex
	err   error
}

func (f *sinksFlag) String() string { return f.value }

func (f *sinksFlag) Set(value string) error {
	user, err := parseSinks(value)
	if err != nil {
		return err
	}
	f.value, f.user, f.err = value, user, nil
	f.index = newSinkIndex(builtinSinks, user)
	return nil
}

// Reaches reports whether pkg can hold a finding or a fact for a, an
// analyzer made by New: whether it is or imports, directly or not, a
// package in KnownPackage. For a package loaded from export data, Imports
// lists only what its exported API mentions: drivers that have the import
// graph walk it with KnownPackage instead.
func Reaches(a *analysis.Analyzer, pkg *types.Package) bool {
	return reaches(pkg, userSinks(a))
}

// KnownPackage reports whether a, an analyzer made by New, knows the
// values of the package at path: net/http, a framework, client or retry
// library of the knowledge tables (fasthttp, gin, resty...), or the
// package of one of a's -sinks. Drivers use it, over the import graph,
// to leave packages that reach none of them unloaded.
func KnownPackage(a *analysis.Analyzer, path string) bool {
	return known(path, userSinks(a))
}

func userSinks(a *analysis.Analyzer) []sinkSpec {
	if f := a.Flags.Lookup("sinks"); f != nil {
		if sinks, ok := f.Value.(*sinksFlag); ok {
			return sinks.user
		}
	}
	return nil
}

func known(path string, user []sinkSpec) bool {
	return knowledge.IsKnownPackage(path) || slices.ContainsFunc(user, func(s sinkSpec) bool { return s.Path == path })
}

// reaches reports whether pkg is, or imports directly or not, a package
// whose values statuslint knows. The type checker lists every direct
// import of the package being analyzed; the rest of the walk sees what
// export data gives, and the passes make up for it with the facts of the
// packages they import.
func reaches(pkg *types.Package, user []sinkSpec) bool {
	return findImport(pkg, func(p *types.Package) bool { return known(p.Path(), user) }) != nil
}

// findImport returns pkg itself or the first package it imports, directly
// or not, for which match is true; nil if there is none.
func findImport(pkg *types.Package, match func(*types.Package) bool) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if match(p) {
			return p
		}
		for _, imp := range p.Imports() {
			if found := walk(imp); found != nil {
				return found
			}
		}
		return nil
	}
	return walk(pkg)
}
