package main

import (
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// vetConfig is the part of the go command's vet config (see
// golang.org/x/tools/go/analysis/unitchecker.Config) that decides whether
// a package needs analyzing at all.
type vetConfig struct {
	ModulePath    string // "" for the standard library
	ModuleVersion string // "" for the main module and workspace modules
	VetxOnly      bool
	GoFiles       []string
	VetxOutput    string
}

// vetConfigArg returns the vet config file among args, as go vet and go fix
// pass it: the last argument, ending in .cfg.
func vetConfigArg(args []string) (string, bool) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return "", false
	}
	return args[len(args)-1], true
}

// factsNotNeeded reports whether the vet config at path is one of the go
// command's facts-only runs (made for every dependency of the packages
// being vetted) that statuslint has no facts to find in. It keeps facts
// only for the packages of the module being analyzed, as the standalone
// driver does: the standard library's sinks and those of the frameworks
// are built in, and a dependency module's own wrappers are out of scope
// (-sinks names them).
// The config read is returned for what else the run asks of it
// (mayDeclareRouters).
func factsNotNeeded(path string) (bool, vetConfig, error) {
	var cfg vetConfig
	data, err := os.ReadFile(path)
	if err != nil {
		return false, cfg, err
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return false, cfg, fmt.Errorf("reading vet config %s: %v", path, err)
	}
	return cfg.VetxOnly && (cfg.ModulePath == "" || cfg.ModuleVersion != ""), cfg, nil
}

// mayDeclareRouters reports whether the facts-only run of cfg is of a
// dependency module's package that may declare routers
// (analyzer.DependencyRouters): one that imports net/http or a package
// known reaches. Its types say whether it does.
func mayDeclareRouters(cfg vetConfig, known func(string) bool) bool {
	if cfg.ModuleVersion == "" {
		return false
	}
	fset := token.NewFileSet()
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && (p == "net/http" || known(p)) {
				return true
			}
		}
	}
	return false
}

// analyzerFlags returns the flags of args that a's flag set defines, for
// a run that parses them apart from the go command's own.
func analyzerFlags(a *analysis.Analyzer, args []string) []string {
	var out []string
	for _, arg := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && a.Flags.Lookup(name) != nil && strings.Contains(arg, "=") {
			out = append(out, arg)
		}
	}
	return out
}

// typesOnly stands in for statuslint in facts-only runs that need no
// facts. It has no fact types, so unitchecker runs no analysis at all: it
// type-checks the package and writes the types that the packages importing
// it need, with no facts, as it does for any fact-free vet tool.
var typesOnly = &analysis.Analyzer{
	Name: "statuslint",
	Doc:  "statuslint: types only",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// registerFactTypes registers with gob the fact types of a and of the
// analyzers it requires, as unitchecker does for the analyzers it runs:
// typesOnly runs none, but reads the facts the packages it imports were
// given.
func registerFactTypes(a *analysis.Analyzer) {
	seen := map[*analysis.Analyzer]bool{}
	var walk func(*analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
		for _, r := range a.Requires {
			walk(r)
		}
	}
	walk(a)
}

// hasCodes reports whether args give -codes.
func hasCodes(args []string) bool {
	_, ok := cutValueFlag(args, "codes")
	return ok
}
