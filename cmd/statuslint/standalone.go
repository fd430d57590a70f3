package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// options are the driver's own flags, the ones singlechecker has.
type options struct {
	json, fix, diff, tests bool
	sarif                  bool
	context                int
	debug                  string
	cpuProfile, memProfile string
	traceFile              string
	tags                   string
}

// registerFlags adds the analyzer's flags and the driver's to fs, with
// singlechecker's names and defaults, so that scripts written for it keep
// working.
func registerFlags(fs *flag.FlagSet, a *analysis.Analyzer) *options {
	o := &options{context: -1, tests: true}
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.BoolVar(&o.json, "json", false, "emit JSON output")
	fs.IntVar(&o.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&o.tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.StringVar(&o.debug, "debug", "", `debug flags, any subset of "fpstv"`)
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&o.memProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&o.traceFile, "trace", "", "write trace log to this file")
	fs.BoolVar(&o.sarif, "sarif", false, "emit a SARIF 2.1.0 log for code-scanning tools")
	fs.String("explain", "", "print the documentation of check `ID` (all: list the checks)")
	// Legacy vet flags, accepted and ignored as singlechecker does.
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `tags` for loading packages")
	return o
}

// standalone runs a on the packages matched by patterns and returns the
// exit code: 0 clean, 3 findings, 1 errors, which win over findings (with
// -json and -fix, findings do not change it, as with singlechecker).
//
// Unlike singlechecker, it does not load every dependency from source.
// The packages the patterns match are parsed and type-checked, and so are
// the main module's packages they import that can hold a wrapper (see
// load); everything else comes from export data, as for an analyzer
// without facts. Facts then flow among those packages only, which is where
// the project's own wrappers are; dependencies are covered by the built-in
// knowledge and -sinks.
func standalone(a *analysis.Analyzer, patterns []string, o *options) (code int) {
	stop, err := o.profile()
	if err != nil {
		log.Print(err)
		return 1
	}
	defer stop()

	dbg := func(b byte) bool { return strings.IndexByte(o.debug, b) >= 0 }
	if dbg('v') {
		log.Printf("load %s", patterns)
	}
	roots, report, err := load(patterns, o.tests, o.tags, func(path string) bool { return analyzer.KnownPackage(a, path) })
	if err != nil {
		log.Print(err)
		return 1
	}
	// Each load error once, naming its package; packages that do not
	// type-check are not analyzed (their errors are the go command's to
	// explain), so that no "failed prerequisites" follow.
	broken := printLoadErrors(os.Stderr, report)
	if len(broken) > 0 {
		code = 1
		isBroken := func(p *packages.Package) bool { return broken[p] }
		roots = slices.DeleteFunc(roots, isBroken)
		report = slices.DeleteFunc(report, isBroken)
	}
	keepRootImports(roots)

	opts := &checker.Options{SanityCheck: dbg('s'), Sequential: dbg('p')}
	if dbg('f') {
		opts.FactLog = os.Stderr
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, opts)
	if err != nil {
		log.Print(err)
		return 1
	}
	if dbg('t') {
		defer printTimes(graph)
	}
	graph = reported(graph, report)
	if printActionErrors(os.Stderr, graph) {
		code = 1
	}

	switch {
	case o.fix:
		if err := applyFixes(graph.Roots, o.diff, os.Stdout); err != nil {
			log.Print(err)
			return 1
		}
		return code
	case o.json:
		if err := graph.PrintJSON(os.Stdout); err != nil {
			log.Printf("writing -json output: %v", err)
			return 1
		}
		return code
	case o.sarif:
		n, err := writeSARIF(os.Stdout, graph)
		if err != nil {
			log.Printf("writing -sarif output: %v", err)
			return 1
		}
		if n > 0 && code == 0 {
			return 3
		}
		return code
	}
	if err := graph.PrintText(os.Stderr, o.context); err != nil {
		log.Printf("writing findings: %v", err)
		return 1
	}
	for act := range graph.All() {
		if act.IsRoot && len(act.Diagnostics) > 0 && code == 0 {
			return 3 // errors, exit 1, come first
		}
	}
	return code
}

// load loads the packages matched by patterns from source, and their
// dependencies from export data. Packages of the main module that the
// matched ones import are loaded from source too, so that their wrappers
// are found (go vet finds them as well); they are analyzed, not reported.
// Only those that import, directly or not, a package for which known is
// true are loaded so.
// It returns the packages to analyze and, among them, those to report.
func load(patterns []string, tests bool, tags string, known func(path string) bool) (roots, report []*packages.Package, err error) {
	conf := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}
	if tags != "" {
		conf.BuildFlags = []string{"-tags=" + tags}
	}
	report, err = packages.Load(conf, patterns...)
	if err == nil && len(report) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		return nil, nil, err
	}
	extra := mainModuleDeps(report, reachesAny(known))
	if len(extra) == 0 {
		return report, report, nil
	}
	all, err := packages.Load(conf, append(slices.Clone(patterns), extra...)...)
	if err != nil {
		return nil, nil, err
	}
	matched := map[string]bool{}
	for _, p := range report {
		matched[p.ID] = true
	}
	report = nil
	for _, p := range all {
		switch {
		case matched[p.ID]:
			report = append(report, p)
			roots = append(roots, p)
		case slices.Contains(extra, p.ID):
			roots = append(roots, p) // not its test variants
		}
	}
	return roots, report, nil
}

// reachesAny returns a test of whether a package is, or imports directly
// or not, a package for which known is true. It walks the import graph
// the go command gives: the types of a package loaded from export data
// list only the imports its API mentions.
func reachesAny(known func(path string) bool) func(*packages.Package) bool {
	memo := map[*packages.Package]bool{}
	var reach func(p *packages.Package) bool
	reach = func(p *packages.Package) bool {
		if r, ok := memo[p]; ok {
			return r
		}
		memo[p] = false // an import cycle is an error the loader reports
		r := known(p.PkgPath)
		for _, imp := range p.Imports {
			if r {
				break
			}
			r = reach(imp)
		}
		memo[p] = r
		return r
	}
	return reach
}

// mainModuleDeps returns the packages of a main module (the one in the
// working directory, or a workspace's) that roots import, directly or not,
// and that are not roots themselves, for which need is true.
func mainModuleDeps(roots []*packages.Package, need func(*packages.Package) bool) []string {
	seen := map[*packages.Package]bool{}
	for _, p := range roots {
		seen[p] = true
	}
	var deps []string
	var walk func(p *packages.Package)
	walk = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if imp.Module != nil && imp.Module.Main && need(imp) && !slices.Contains(deps, imp.PkgPath) {
				deps = append(deps, imp.PkgPath)
			}
			walk(imp)
		}
	}
	for _, p := range roots {
		walk(p)
	}
	// A package that is a root under another ID (p and p [p.test]) is
	// loaded already.
	deps = slices.DeleteFunc(deps, func(path string) bool {
		return slices.ContainsFunc(roots, func(p *packages.Package) bool { return p.PkgPath == path })
	})
	slices.Sort(deps)
	return deps
}

// reported returns the part of graph whose diagnostics are reported: the
// actions on the packages in report. The others stop being roots, as the
// printers report the diagnostics of every root they reach.
func reported(graph *checker.Graph, report []*packages.Package) *checker.Graph {
	reportSet := make(map[*packages.Package]bool, len(report))
	for _, p := range report {
		reportSet[p] = true
	}
	var roots []*checker.Action
	for _, act := range graph.Roots {
		if reportSet[act.Package] {
			roots = append(roots, act)
		} else {
			act.IsRoot = false
		}
	}
	return &checker.Graph{Roots: roots}
}

// keepRootImports cuts every root's imports down to the other roots. The
// checker runs an analyzer with facts on every package it can reach through
// imports; the others were loaded from export data and have no syntax to
// find facts in, so visiting them would only cost time.
func keepRootImports(roots []*packages.Package) {
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		isRoot[p] = true
	}
	for _, p := range roots {
		kept := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if isRoot[imp] {
				kept[path] = imp
			}
		}
		p.Imports = kept
	}
}

// profile starts the profiles and the trace the flags ask for; stop writes
// them.
func (o *options) profile() (stop func(), err error) {
	var stops []func()
	stop = func() {
		for _, f := range slices.Backward(stops) {
			f()
		}
	}
	create := func(name string) (*os.File, error) {
		f, err := os.Create(name)
		if err != nil {
			stop()
		}
		return f, err
	}
	if o.cpuProfile != "" {
		f, err := create(o.cpuProfile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			stop()
			return nil, err
		}
		stops = append(stops, pprof.StopCPUProfile)
	}
	if o.traceFile != "" {
		f, err := create(o.traceFile)
		if err != nil {
			return nil, err
		}
		if err := trace.Start(f); err != nil {
			stop()
			return nil, err
		}
		stops = append(stops, trace.Stop)
	}
	if o.memProfile != "" {
		f, err := create(o.memProfile)
		if err != nil {
			return nil, err
		}
		stops = append(stops, func() {
			runtime.GC() // up-to-date statistics
			if err := pprof.WriteHeapProfile(f); err != nil {
				log.Printf("writing memory profile: %v", err)
			}
			f.Close()
		})
	}
	return stop, nil
}

// printTimes prints the slowest actions, those that make up 90% of the
// total, as singlechecker's -debug=t does.
func printTimes(graph *checker.Graph) {
	var list []*checker.Action
	var total time.Duration
	for act := range graph.All() {
		list = append(list, act)
		total += act.Duration
	}
	slices.SortFunc(list, func(a, b *checker.Action) int { return int(b.Duration - a.Duration) })
	var sum time.Duration
	w := io.Writer(os.Stderr)
	for _, act := range list {
		fmt.Fprintf(w, "%s\t%s\n", act.Duration, act)
		sum += act.Duration
		if sum >= total*9/10 {
			break
		}
	}
	if total > sum {
		fmt.Fprintf(w, "%s\tall others\n", total-sum)
	}
}
