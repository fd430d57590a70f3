package analyzer

import (
	"flag"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/routes"
	"github.com/statuslint/statuslint/internal/table"
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
	// table parses it with ParseTable and builds the analyzer with it.
	// It wins over Codes; the -codes flag, when set, wins over both.
	Table *Table
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

// Validate reports what is wrong with cfg, as a *ConfigError: a table that
// cannot be read, a malformed sink, an unknown check. A Config whose table
// file Validate read is given it in Table, so that it is read once.
func (cfg *Config) Validate() error {
	if cfg.Table == nil {
		tab, err := table.Load(cfg.Codes)
		if err != nil {
			return config.NewError("codes", err)
		}
		// Not the default: a Table given is a table chosen, which a
		// configuration file's codes do not override (and the built-in
		// profiles are read once per process anyway).
		if cfg.Codes != "" {
			cfg.Table = tab
		}
	}
	if _, err := config.ParseSinks(cfg.Sinks); err != nil {
		return config.NewError("sinks", err)
	}
	_, err := checks.Select(cfg.Checks, declared)
	return config.NewError("checks", err)
}

// TableWarnings returns the problems of the table a, an analyzer made by
// New, has read that do not affect statuses, each "file:line: problem;
// what is done instead": a driver shows them once, before the findings.
// The tables of the configuration files around the working directory
// (ConfigFiles) follow the flag's.
func TableWarnings(a *analysis.Analyzer) []string {
	var out []string
	if f := a.Flags.Lookup("codes"); f != nil {
		if t, ok := unwrapFlag(f.Value).(*config.TableFlag); ok {
			out = t.Warnings()
		}
	}
	v, ok := suites.Load(a)
	if !ok {
		return out
	}
	for _, f := range v.(*Suite).settings.AllFiles() {
		if tab := f.Table(); tab != nil {
			out = append(out, tab.Warnings...)
		}
	}
	return slices.Compact(out)
}

// ConfigFiles reads the configuration files (.statuslint.yaml) of the
// module around the working directory, for a driver that checks them all
// before it analyzes anything: their paths, or the first error, naming
// the file and line.
func ConfigFiles(a *analysis.Analyzer) ([]string, error) {
	v, ok := suites.Load(a)
	if !ok {
		return nil, nil
	}
	list, err := v.(*Suite).settings.ModuleFiles()
	var paths []string
	for _, f := range list {
		paths = append(paths, f.Path)
	}
	return paths, err
}

// HasSpec reports whether a, an analyzer made by New, has an OpenAPI
// table: its flag's, or one of the configuration files' of the module
// around the working directory. -routes lists nothing without one.
func HasSpec(a *analysis.Analyzer) bool {
	v, ok := suites.Load(a)
	return ok && v.(*Suite).settings.AnySpec()
}

// ConstantsPackages returns the -constants package of a, an analyzer made
// by New, and those the module's configuration files name, sorted: a
// driver warns of one no analyzed package is or imports, whose constants
// fixes cannot use.
func ConstantsPackages(a *analysis.Analyzer) []string {
	v, ok := suites.Load(a)
	if !ok {
		return nil
	}
	s := v.(*Suite).settings
	var out []string
	if s.Constants != "" {
		out = append(out, s.Constants)
	}
	for _, f := range s.AllFiles() {
		if f.Constants != nil {
			out = append(out, *f.Constants)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ConfigFingerprint hashes the configuration files of the module around
// dir and the tables they name, for a tool ID: the go command caches go
// vet's and go fix's results by the tool's ID and flags, not by the files
// they name.
func ConfigFingerprint(dir string) []byte { return config.Fingerprint(dir) }

// CheckConfigDir reads the configuration files that apply to the packages
// of dir (the nearest wins), for a driver that checks them before it
// analyzes the package: the first error, naming the file and line.
func CheckConfigDir(dir string) error {
	_, err := config.Chain(dir)
	return err
}

// unwrapFlag returns the value an explicitFlag records the setting of.
func unwrapFlag(v flag.Value) flag.Value {
	if e, ok := v.(*explicitFlag); ok {
		return e.Value
	}
	return v
}

// Reaches reports whether pkg can hold a finding or a fact for a, an
// analyzer made by New: whether it is or imports, directly or not, a
// package in KnownPackage. For a package loaded from export data, Imports
// lists only what its exported API mentions: drivers that have the import
// graph walk it with KnownPackage instead.
func Reaches(a *analysis.Analyzer, pkg *types.Package) bool {
	return config.Reaches(pkg, userSinks(a))
}

// HoldsFactsAlone reports whether pkg can hold a fact for a, an analyzer
// made by New, though it reaches no package in KnownPackage: it exports a
// retry helper, a function given an attempt that returns an error
// (go-containerregistry's internal/retry, over a copy of apimachinery's
// wait). Drivers that leave packages unloaded read those from source
// too.
func HoldsFactsAlone(a *analysis.Analyzer, pkg *types.Package) bool {
	return retry.DeclaresHelpers(pkg)
}

// DependencyRouters reports whether pkg, a package of a dependency
// module, holds facts a needs from the packages that use it: a's flags
// give an OpenAPI spec (under go vet a dependency's directory has none of
// the module's configuration files, so that a spec only they give reads
// no dependency, in either driver) and pkg declares a router type or a
// function that registers on a router it is given
// (routes.DeclaresRouters: ory/x's httprouterx and healthx). Drivers read
// such a package from source where a package they analyze uses it; it
// exports only the routes pass's facts.
func DependencyRouters(a *analysis.Analyzer, pkg *types.Package) bool {
	return FlagSpec(a) && !KnownPackage(a, pkg.Path()) && routes.DeclaresRouters(pkg)
}

// FlagSpec reports whether a's flags (or its Config) give an OpenAPI spec
// and its routes pass is on: only then can a dependency hold a fact of
// it (DependencyRouters).
func FlagSpec(a *analysis.Analyzer) bool {
	v, ok := suites.Load(a)
	if !ok {
		return false
	}
	s := v.(*Suite).settings
	if !s.PassOn(routes.Name) || !s.Routes && !s.AnyOn(routes.Checks) {
		return false
	}
	tab, err := s.Codes.Table()
	return err == nil && tab.Spec != nil
}

// RoutesPass returns the routes pass of a, an analyzer made by New: the
// one go vet runs on a dependency package that can hold its facts
// (DependencyRouters), with the passes it requires.
func RoutesPass(a *analysis.Analyzer) *analysis.Analyzer {
	v, ok := suites.Load(a)
	if !ok {
		return nil
	}
	return v.(*Suite).Routes
}

// KnownPackage reports whether a, an analyzer made by New, knows the
// values of the package at path: net/http, a framework, client or retry
// library of the knowledge tables (fasthttp, gin, resty...), or the
// package of one of a's -sinks. Drivers use it, over the import graph,
// to leave packages that reach none of them unloaded.
func KnownPackage(a *analysis.Analyzer, path string) bool {
	return config.Known(path, userSinks(a))
}

// userSinks returns a's sinks: its -sinks and those of the configuration
// files of the module around the working directory.
func userSinks(a *analysis.Analyzer) []config.SinkSpec {
	if v, ok := suites.Load(a); ok {
		return v.(*Suite).settings.AllSinks()
	}
	return nil
}
