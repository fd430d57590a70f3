package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"log"
	"maps"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// options are the driver's own flags, the ones singlechecker has.
type options struct {
	json, fix, diff, tests bool
	sarif, verbose         bool
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
	fs.BoolVar(&o.tests, "test", true, "load the packages' tests too (with -tests=false, nothing in _test.go files is reported)")
	fs.StringVar(&o.debug, "debug", "", `debug flags, any subset of "fpstv"`)
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&o.memProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&o.traceFile, "trace", "", "write trace log to this file")
	fs.BoolVar(&o.sarif, "sarif", false, "emit a SARIF 2.1.0 log for code-scanning tools")
	fs.String("explain", "", "print the documentation of check `ID` (all: list the checks)")
	fs.BoolVar(&o.verbose, "v", false, "say how many packages were analyzed and how many findings there are")
	// Legacy vet flags, accepted and ignored as singlechecker does; not
	// listed.
	for _, name := range []string{"source", "all"} {
		fs.Bool(name, false, hiddenFlag)
	}
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `tags` for loading packages")
	return o
}

// exclusive reports flags that choose different outputs, of which a run
// writes one: -json, -sarif and -fix.
func (o *options) exclusive() error {
	var set []string
	for _, f := range []struct {
		name string
		on   bool
	}{{"-fix", o.fix}, {"-json", o.json}, {"-sarif", o.sarif}} {
		if f.on {
			set = append(set, f.name)
		}
	}
	if len(set) > 1 {
		return fmt.Errorf("%s choose different outputs: give one", strings.Join(set, " and "))
	}
	if o.diff && !o.fix {
		return fmt.Errorf("-diff shows what -fix would change: give it with -fix")
	}
	return nil
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
	demand := analyzer.FactDemand(a)
	cache := newFactCache(a)
	known := func(path string) bool { return analyzer.KnownPackage(a, path) }
	alone := func(pkg *types.Package) bool { return analyzer.HoldsFactsAlone(a, pkg) }
	var depRouters func(*types.Package) bool
	if analyzer.FlagSpec(a) {
		depRouters = func(pkg *types.Package) bool { return analyzer.DependencyRouters(a, pkg) }
	}
	roots, report, views, covered, err := load(patterns, o.tests, o.tags, known, alone, demand, depRouters, cache)
	if err != nil {
		log.Print(err)
		return 1
	}
	// Each load error once, naming its package; packages that do not
	// type-check are not analyzed (their errors are the go command's to
	// explain), so that no "failed prerequisites" follow.
	var loadErrors strings.Builder
	broken := printLoadErrors(io.MultiWriter(os.Stderr, &loadErrors), report)
	if len(broken) > 0 {
		code = 1
		isBroken := func(p *packages.Package) bool { return broken[p] }
		roots = slices.DeleteFunc(roots, isBroken)
		report = slices.DeleteFunc(report, isBroken)
	}
	// Before keepRootImports, while roots' imports are the import graph.
	for _, path := range analyzer.ConstantsPackages(a) {
		if !loaded(roots, path) && !exists(path, o.tags) {
			log.Printf("warning: -constants %s: no such package, so fixes use net/http's constants", path)
		}
	}
	keepRootImports(roots, views)
	if dbg('v') {
		for _, v := range views {
			log.Printf("facts of %s: from the cache", v.ID)
		}
	}

	opts := &checker.Options{SanityCheck: dbg('s'), Sequential: dbg('p')}
	if dbg('f') {
		opts.FactLog = os.Stderr
	}
	if cache != nil {
		defer cache.wrap(a)()
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, opts)
	if err != nil {
		log.Print(err)
		return 1
	}
	if cache != nil {
		cache.store(a)
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
		pending, err := applyFixes(graph.Roots, o.diff, os.Stdout)
		if err != nil {
			log.Print(err)
			return 1
		}
		if pending {
			return 1 // as go fix -diff: a fix is pending
		}
		return code
	case o.json:
		if err := writeJSON(os.Stdout, graph, covered); err != nil {
			log.Printf("writing -json output: %v", err)
			return 1
		}
		return code
	case o.sarif:
		n, err := writeSARIF(os.Stdout, graph, strings.FieldsFunc(loadErrors.String(), func(r rune) bool { return r == '\n' }))
		if err != nil {
			log.Printf("writing -sarif output: %v", err)
			return 1
		}
		if n > 0 && code == 0 {
			return 3
		}
		return code
	}
	list := sortedFindings(graph)
	if err := printText(os.Stderr, list, o.context); err != nil {
		log.Printf("writing findings: %v", err)
		return 1
	}
	if o.verbose {
		log.Printf("%s analyzed, %s", plural(len(report)+len(covered), "package"), plural(len(list), "finding"))
	}
	if listsRoutes(a) {
		log.Print(routesSummary(list, len(report)+len(covered)))
	}
	if len(list) > 0 && code == 0 && !listsRoutes(a) {
		return 3 // errors, exit 1, come first; -routes lists, it finds nothing
	}
	return code
}

// tiedRoute matches a -routes line of a route tied to an operation:
// "route GET /pets -> GET /v2/pets (listPets, api.yaml:12)", the route
// perhaps registered elsewhere ("route GET /pets (registered at
// example.com/api/pets.go:12 by api.Routes.Setup) -> ...").
var tiedRoute = regexp.MustCompile(`^route \S+ \S+( \((registered at \S+ by|through the call at) \S+\))? -> [A-Z]+ /`)

// routesSummary says what -routes read, so that a run that lists nothing
// says why rather than nothing.
func routesSummary(list []finding, packages int) string {
	if len(list) == 0 {
		return fmt.Sprintf("-routes: no route registration in %s: routes are read where they are registered on a router statuslint knows (net/http, gin, echo, chi, fiber, gorilla/mux, httprouter; see docs/tables.md), directly or through a function of the package that forwards its router and path, and only with an OpenAPI or Swagger spec as -codes", plural(packages, "package"))
	}
	tied := 0
	for _, f := range list {
		if tiedRoute.MatchString(f.message) {
			tied++
		}
	}
	return fmt.Sprintf("-routes: %s, %d tied to an operation, %d not (each line says why)", plural(len(list), "registration"), tied, len(list)-tied)
}

// listsRoutes reports whether a runs with -routes: the lines it prints
// are the routes and their operations, not findings.
func listsRoutes(a *analysis.Analyzer) bool {
	f := a.Flags.Lookup("routes")
	return f != nil && f.Value.String() == "true"
}

// load loads the packages matched by patterns from source, and their
// dependencies from export data. Packages of the main module that the
// matched ones import are type-checked from source too, so that their
// wrappers are found (go vet finds them as well); they are analyzed, not
// reported. Only those that can hold a fact (canHoldFacts) and whose
// facts the matched packages could use (demanded) are, so that a narrow
// run in a big module costs about what its own packages cost.
// It returns the packages to analyze and, among them, those to report.
//
// With a cache, a package whose facts it holds is not read: views are the
// packages that stand for those, with the types of their export data, on
// which the cache's analyzers export the facts (factCache.wrap).
//
// covered maps the test variants that stand for their packages
// (coveredByTests) to those packages, which are not loaded further.
func load(patterns []string, tests bool, tags string, known func(path string) bool, holdsAlone func(*types.Package) bool, demand func(types.Object) bool, depRouters func(*types.Package) bool, cache *factCache) (roots, report, views []*packages.Package, covered map[*packages.Package]*packages.Package, err error) {
	plan := newLoadPlan(patterns, tests, tags)
	report, size, covered, err := loadSyntax(patterns, tests, tags, plan.oneCall())
	if err == nil {
		plan.record(size)
	}
	if err == nil && len(report) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if demand == nil {
		demand = func(types.Object) bool { return true }
	}
	// The packages read for alone, apart from the loader's: one set for
	// all, so that what many export files mention is read once.
	aloneFset, aloneSeen := token.NewFileSet(), map[string]*types.Package{}
	alone := func(p *packages.Package) bool {
		// Its own exports: from the loader if it has them whole, else
		// from its export data, read apart.
		pkg := p.Types
		if pkg == nil || !pkg.Complete() {
			var err error
			if pkg, err = readExport(p, aloneFset, aloneSeen); err != nil {
				return false
			}
		}
		return holdsAlone(pkg)
	}
	extra := mainModuleDeps(report, canHoldFacts(known, alone))
	// The dependency modules' packages that declare routers
	// (analyzer.DependencyRouters): read from source where a package
	// read from source uses one, as go vet analyzes them.
	routerDeps := map[string]*packages.Package{}
	declares := map[string]bool{}
	if depRouters != nil {
		reported := map[string]bool{}
		for _, p := range report {
			reported[p.PkgPath] = true // analyzed already, as a pattern matched it
		}
		packages.Visit(report, nil, func(p *packages.Package) {
			if m := p.Module; m != nil && !m.Main && m.Version != "" && !known(p.PkgPath) && !reported[p.PkgPath] && !strings.Contains(p.ID, " [") {
				routerDeps[p.PkgPath] = p
			}
		})
	}
	declaresRouters := func(path string) bool {
		r, ok := declares[path]
		if !ok {
			p := routerDeps[path]
			pkg := p.Types
			if pkg == nil || !pkg.Complete() {
				pkg, _ = readExport(p, aloneFset, aloneSeen)
			}
			r = pkg != nil && depRouters(pkg)
			declares[path] = r
		}
		return r
	}
	if len(extra) == 0 && len(routerDeps) == 0 {
		return report, report, nil, covered, nil
	}
	// The module's own imported packages, type-checked from the source
	// files the go command listed, against the export data of their
	// imports: no second go list, and none of their tests, which a
	// narrow run does not need. The reported packages keep their view of
	// them from export data; the analyzer matches facts across the two
	// views by object path.
	//
	// A package the graph has only as a test variant is read as that
	// variant: kratos's internal/testhelpers imports identity, so the
	// external test identity_test imports
	// "internal/testhelpers [identity.test]", and its wrappers' facts
	// are what go vet gives that test.
	byPath := map[string]*packages.Package{}
	variant := func(p *packages.Package) bool { return strings.Contains(p.ID, " [") }
	packages.Visit(report, nil, func(p *packages.Package) {
		if !slices.Contains(extra, p.PkgPath) {
			return
		}
		// The plain package if the graph has it, else the first test
		// variant by ID.
		if q := byPath[p.PkgPath]; q == nil || variant(q) && (!variant(p) || p.ID < q.ID) {
			byPath[p.PkgPath] = p
		}
	})
	bySource := map[string]*packages.Package{}
	// The types every load shares: those the loader made, and what
	// readExport adds. Those it made only in part (log, where an export
	// file mentions log.Logger and no reported package imports log) are
	// shared too: readExport completes them in place, so that log.Logger
	// is one type, whichever export file names it.
	seen := map[string]*types.Package{}
	packages.Visit(report, nil, func(p *packages.Package) {
		if p.Types != nil && seen[p.PkgPath] == nil && !strings.Contains(p.ID, " [") {
			seen[p.PkgPath] = p.Types
		}
	})
	var order []string
	byView := map[string]*packages.Package{}
	queue := report
	for len(queue) > 0 {
		var next []*packages.Package
		paths := demanded(queue, byPath, demand)
		// Any object of theirs: whether the package declares a
		// router is read from its exports (declaresRouters).
		for _, path := range demanded(queue, routerDeps, func(types.Object) bool { return true }) {
			if declaresRouters(path) && !slices.Contains(paths, path) {
				byPath[path] = routerDeps[path]
				paths = append(paths, path)
			}
		}
		slices.Sort(paths)
		for _, path := range paths {
			if _, done := bySource[path]; done {
				continue
			}
			if cache != nil {
				if facts, ok := cache.lookup(byPath[path]); ok {
					if v, err := cachedView(byPath[path], seen); err == nil {
						cache.hits[v.Types] = facts
						bySource[path] = nil
						byView[path] = v
						views = append(views, v)
						continue
					}
				}
			}
			// One that does not type-check stays seen through export
			// data: its errors are not the reported packages'.
			src, err := fromSource(byPath[path], seen)
			bySource[path] = src
			if err == nil {
				order = append(order, path)
				next = append(next, src)
				if k := cache.keyOf(byPath[path]); k != "" {
					cache.misses[src.Types] = k
				}
			}
		}
		queue = next
	}
	roots = slices.Clone(report)
	for _, path := range order {
		roots = append(roots, bySource[path])
	}
	for _, p := range roots {
		for path, imp := range p.Imports {
			if src := bySource[imp.PkgPath]; src != nil {
				p.Imports[path] = src
			} else if v := byView[imp.PkgPath]; v != nil {
				p.Imports[path] = v
			}
		}
	}
	return roots, report, views, covered, nil
}

// cachedView returns a package that stands for p, whose facts the cache
// holds, in the graph: p's types from export data, and no syntax.
func cachedView(p *packages.Package, seen map[string]*types.Package) (*packages.Package, error) {
	pkg := p.Types
	if pkg == nil || !pkg.Complete() {
		var err error
		if pkg, err = readExport(p, p.Fset, seen); err != nil {
			return nil, err
		}
	}
	return &packages.Package{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Fset: p.Fset, Module: p.Module,
		Types: pkg, TypesSizes: p.TypesSizes, TypesInfo: &types.Info{}}, nil
}

// demanded returns, sorted, the paths among candidates that the files of
// pkgs use an object of that can carry a fact (demand, the passes' own
// answer): those packages must be analyzed from source first, as go vet
// analyzes every package of the main module that a vetted one imports.
func demanded(pkgs []*packages.Package, candidates map[string]*packages.Package, demand func(types.Object) bool) []string {
	found := map[string]bool{}
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		for _, obj := range p.TypesInfo.Uses {
			pkg := obj.Pkg()
			if pkg == nil || pkg == p.Types || found[pkg.Path()] || candidates[pkg.Path()] == nil {
				continue
			}
			if demand(obj) {
				found[pkg.Path()] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(found))
}

// fromSource returns p, a package loaded from export data, parsed and
// type-checked from its files: its imports are those of p, from export
// data.
func fromSource(p *packages.Package, seen map[string]*types.Package) (*packages.Package, error) {
	if len(p.CompiledGoFiles) == 0 || p.Fset == nil {
		return nil, fmt.Errorf("%s: no files", p.PkgPath)
	}
	src := &packages.Package{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Fset: p.Fset, Module: p.Module,
		GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, TypesSizes: p.TypesSizes,
		Imports: maps.Clone(p.Imports)}
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(p.Fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		src.Syntax = append(src.Syntax, f)
	}
	size := 0
	for _, f := range src.Syntax {
		size += p.Fset.File(f.Pos()).Size()
	}
	src.TypesInfo = newInfo(size)
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("%s: no export data for %s", p.PkgPath, path)
			}
			if imp.Types != nil && imp.Types.Complete() {
				return imp.Types, nil
			}
			// An import no reported package needed the types of (azcore's
			// internal/exported imports sync/atomic): the loader left a
			// placeholder; its export data completes it.
			return readExport(imp, p.Fset, seen)
		}),
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	pkg, err := conf.Check(p.PkgPath, p.Fset, src.Syntax, src.TypesInfo)
	if err != nil {
		return nil, err
	}
	src.Types = pkg
	return src, nil
}

// readExport reads the types of imp from its export data into seen, the
// packages already read, so that a package is one object however many
// import it.
func readExport(imp *packages.Package, fset *token.FileSet, seen map[string]*types.Package) (*types.Package, error) {
	if pkg := seen[imp.PkgPath]; pkg != nil && pkg.Complete() {
		return pkg, nil
	}
	if imp.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", imp.PkgPath)
	}
	f, err := os.Open(imp.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", imp.PkgPath, err)
	}
	return gcexportdata.Read(r, fset, seen, imp.PkgPath)
}

// importerFunc is a types.Importer made of a function.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// canHoldFacts returns a test of whether a package can hold a fact that
// the packages importing it need: alone says it can by itself (it exports
// a retry helper), or it imports, directly, a package for which known is
// true (net/http, a framework, a -sinks package) or another package that
// can hold one. The passes leave any other package at once, as they find
// it neither reaching a known package nor importing facts. The test walks
// the import graph the go command gives: the types
// of a package loaded from export data list only the imports its API
// mentions.
func canHoldFacts(known func(path string) bool, alone func(*packages.Package) bool) func(*packages.Package) bool {
	memo := map[*packages.Package]bool{}
	var can func(p *packages.Package) bool
	can = func(p *packages.Package) bool {
		if r, ok := memo[p]; ok {
			return r
		}
		memo[p] = false // an import cycle is an error the loader reports
		r := alone(p)
		for _, imp := range p.Imports {
			if known(imp.PkgPath) || imp.Module != nil && imp.Module.Main && can(imp) {
				r = true
				break
			}
		}
		memo[p] = r
		return r
	}
	return can
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

// keepRootImports cuts every root's imports down to the other roots and
// the views of cached packages, on which the cache gives their facts. The
// checker runs an analyzer with facts on every package it can reach through
// imports; the others were loaded from export data and have no syntax to
// find facts in, so visiting them would only cost time.
func keepRootImports(roots, views []*packages.Package) {
	isRoot := make(map[*packages.Package]bool, len(roots)+len(views))
	for _, p := range slices.Concat(roots, views) {
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

// plural is "1 finding", "2 findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// exists reports whether the go command finds a package at path: one no
// analyzed package imports (a narrow run's) is not a mistake, one that is
// nowhere is.
func exists(path, tags string) bool {
	cfg := &packages.Config{Mode: packages.NeedName}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(cfg, path)
	return err == nil && len(pkgs) == 1 && len(pkgs[0].Errors) == 0
}

// loaded reports whether the package at path is one of roots or among
// their imports, direct or not.
func loaded(roots []*packages.Package, path string) bool {
	found := false
	packages.Visit(roots, func(p *packages.Package) bool {
		found = found || p.PkgPath == path
		return !found
	}, nil)
	return found
}
