package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"
)

// loadSyntax loads the packages patterns match as packages.Load does in
// LoadSyntax mode, parsed and type-checked from source, their
// dependencies from export data, but without compiling them.
//
// packages.Load asks the go command for export data with -export, which
// builds every package it lists, the matched ones and their test variants
// included, though the loader then reads those from source: on a large
// package that is most of a run (in a fresh copy of anthropic-sdk-go,
// 107 s of 110, the compiler on its 170-file root package and two test
// variants of it). go vet compiles the dependencies only. So does this:
// one go list for the import graph without -export, one with -export for
// the dependencies alone, and the type checker for the rest: the matched
// packages, the test variants of dependencies ("q [p.test]"), which only
// a test build has export data for, and what imports those; all but the
// matched packages without function bodies, as packages.Load reads
// dependencies.
//
// The second go list costs about what the first does (the go command
// loads the whole graph again), which on a small module is a third of a
// run. With oneCall the first asks for export data itself, as
// packages.Load does: the go command then compiles the packages read from
// source too, nothing once its cache holds them (loadPlan says when that
// is the cheaper way). It returns the size of the files read from
// source, for the next run's plan, and the packages that their test
// variants cover (coveredByTests), which are not read at all.
func loadSyntax(patterns []string, tests bool, tags string, oneCall bool) ([]*packages.Package, int64, map[*packages.Package]*packages.Package, error) {
	var flags []string
	if tags != "" {
		flags = []string{"-tags=" + tags}
	}
	graph := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes
	if oneCall {
		graph |= packages.NeedExportFile
	}
	roots, err := packages.Load(&packages.Config{Mode: graph, Tests: tests, BuildFlags: flags}, patterns...)
	if err != nil {
		return nil, 0, nil, err
	}
	roots, covered := coveredByTests(roots)
	initial := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		initial[p] = true
	}
	// From source: the matched packages, the test variants, and every
	// package that imports one of those, as its export data would need
	// them compiled (anthropic-sdk-go's vertex imports its 170-file root
	// package). What is left imports only what is left, so its export
	// data never names a package read from source.
	fset := token.NewFileSet()
	var fromSource []*packages.Package // dependencies first
	isSource := map[*packages.Package]bool{}
	var exported []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		p.Fset = fset
		src := initial[p] || strings.Contains(p.ID, " [")
		for _, imp := range p.Imports {
			src = src || isSource[imp]
		}
		switch {
		case src:
			isSource[p] = true
			fromSource = append(fromSource, p)
			if oneCall {
				// The compiler's errors, which the type checker
				// reports again, and better.
				p.Errors = slices.DeleteFunc(p.Errors, compileError(p))
				p.ExportFile = ""
			}
		case p.PkgPath == "unsafe":
			p.Types = types.Unsafe
		default:
			exported = append(exported, p.ID)
		}
	})
	if len(exported) > 0 && !oneCall {
		if err := cachedExportFiles(roots, exported, flags); err != nil {
			return nil, 0, nil, err
		}
	}
	var size int64
	for _, p := range fromSource {
		for _, name := range p.CompiledGoFiles {
			if fi, err := os.Stat(name); err == nil {
				size += fi.Size()
			}
		}
	}

	// The types read from export data, shared so that a package is one
	// object however many export files mention it.
	var mu sync.Mutex
	shared := map[string]*types.Package{}
	imported := func(p *packages.Package) (*types.Package, error) {
		mu.Lock()
		defer mu.Unlock()
		if p.Types != nil && p.Types.Complete() {
			return p.Types, nil
		}
		pkg, err := readExport(p, fset, shared)
		if err != nil {
			return nil, fmt.Errorf("could not import %s: %v", p.PkgPath, err)
		}
		p.Types = pkg
		return pkg, nil
	}

	// A package waits for its imports read from source (which waited
	// for theirs); the rest is checked in parallel.
	done := make(map[*packages.Package]chan struct{}, len(fromSource))
	for _, p := range fromSource {
		done[p] = make(chan struct{})
	}
	files := newParseCache(fset, fromSource)
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range fromSource {
		wg.Go(func() {
			defer close(done[p])
			for _, imp := range p.Imports {
				if c := done[imp]; c != nil {
					<-c
				}
			}
			cpu <- struct{}{}
			defer func() { <-cpu }()
			check(p, initial[p], imported, files.parse)
		})
	}
	wg.Wait()

	// Every package whose types some export file gave gets them, as
	// packages.Load gives them, complete or not: later reads of export
	// data go on from the same objects.
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Types == nil && !isSource[p] {
			p.Types = shared[p.PkgPath]
		}
	})
	return roots, size, covered, nil
}

// coveredByTests drops from roots each package whose test variant is a
// root too ("p" beside "p [p.test]") and covers it: the variant holds
// every file of the package, so the package's findings are the variant's
// on its files; analyzing both, as go vet and x/tools' checkers do, reads
// and type-checks those files twice. (Its tests could add a method to one
// of its types, which the variant then sees; the runs compared, text and
// -json, found the same.) A package that another loaded package imports
// stays: that one needs its facts. covered maps each variant to the
// package it stands for.
func coveredByTests(roots []*packages.Package) ([]*packages.Package, map[*packages.Package]*packages.Package) {
	byID := make(map[string]*packages.Package, len(roots))
	for _, p := range roots {
		byID[p.ID] = p
	}
	imported := map[*packages.Package]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			imported[imp] = true
		}
	})
	covered := map[*packages.Package]*packages.Package{}
	var kept []*packages.Package
	for _, p := range roots {
		v := byID[p.PkgPath+" ["+p.PkgPath+".test]"]
		if p.ID == p.PkgPath && v != nil && !imported[p] && len(p.Errors) == 0 && len(v.Errors) == 0 && holdsAll(v.CompiledGoFiles, p.CompiledGoFiles) {
			covered[v] = p
			continue
		}
		kept = append(kept, p)
	}
	return kept, covered
}

// holdsAll reports whether every element of sub is in list.
func holdsAll(list, sub []string) bool {
	for _, s := range sub {
		if !slices.Contains(list, s) {
			return false
		}
	}
	return true
}

// compileError reports whether e is the compiler's output for p, which
// go list -export gives as p's error when p does not build ("# path\n"
// and the compiler's messages).
func compileError(p *packages.Package) func(packages.Error) bool {
	return func(e packages.Error) bool {
		return strings.HasPrefix(e.Msg, "# "+p.PkgPath+"\n") || strings.HasPrefix(e.Msg, "# "+p.ID+"\n")
	}
}

// oneCallBytes bounds what a run that loads with one go list may have
// the go command compile: the files of the packages read from source.
// Compiling a package costs about the second go list on a cold cache at a
// few hundred kilobytes, and nothing on a warm one; a package several
// megabytes big (anthropic-sdk-go's 170 generated files) costs a minute.
const oneCallBytes = 2 << 20

// loadPlan remembers, for a working directory and its patterns, how much
// the last run read from source, so that the next one knows before it
// lists anything whether one go list is the cheaper load (loadSyntax).
type loadPlan struct {
	file string // "" without a user cache directory
}

// newLoadPlan returns the plan of a run over patterns in the current
// directory.
func newLoadPlan(patterns []string, tests bool, tags string) *loadPlan {
	dir, err := os.UserCacheDir()
	wd, werr := os.Getwd()
	if err != nil || dir == "" || werr != nil {
		return &loadPlan{}
	}
	h := sha256.New()
	fmt.Fprintf(h, "statuslint load 1\n%s\n%v\n%s\n%s\n%s\n", wd, tests, tags, os.Getenv("GOFLAGS"), strings.Join(patterns, "\x00"))
	return &loadPlan{file: filepath.Join(dir, "statuslint", "load", hex.EncodeToString(h.Sum(nil))+".size")}
}

// oneCall reports whether the last run read at most oneCallBytes from
// source; a first run lists twice.
func (lp *loadPlan) oneCall() bool {
	if lp.file == "" {
		return false
	}
	data, err := os.ReadFile(lp.file)
	if err != nil {
		return false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return false
	}
	now := time.Now()
	os.Chtimes(lp.file, now, now) // used: trimOld keeps it
	return n <= oneCallBytes
}

// record keeps what this run read from source for the next; a cache that
// cannot be written only costs the next run a second go list.
func (lp *loadPlan) record(size int64) {
	if lp.file == "" {
		return
	}
	writeAtomic(lp.file, []byte(strconv.FormatInt(size, 10)+"\n"))
	trimOld(filepath.Dir(lp.file), ".size")
}

// exportFiles sets the export file of each package among the graph of
// roots whose ID is in ids, asking the go command to build them, and
// gives those it could not build the go command's errors.
func exportFiles(roots []*packages.Package, ids, flags []string) error {
	deps, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedExportFile, BuildFlags: flags}, ids...)
	if err != nil {
		return err
	}
	byID := make(map[string]*packages.Package, len(deps))
	for _, d := range deps {
		byID[d.ID] = d
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		d := byID[p.ID]
		if d == nil || p.ExportFile != "" {
			return
		}
		p.ExportFile = d.ExportFile
		if p.ExportFile != "" {
			return
		}
		for _, e := range d.Errors {
			if !containsError(p.Errors, e) {
				p.Errors = append(p.Errors, e)
			}
		}
	})
	return nil
}

// cachedExportFiles is exportFiles, without asking the go command again
// when the packages of ids are what they were at a run that asked: the
// same toolchain, environment and flags, the same module versions in the
// module cache (which cannot change under their names) and the same files
// of the others (the main module's packages, directory replacements).
// Their export data is then what it was, and the files the go command gave
// for it are used while they exist: its cache keeps what it compiled by
// its contents.
func cachedExportFiles(roots []*packages.Package, ids, flags []string) error {
	file := exportCacheFile(roots, ids, flags)
	if file != "" && useExportCache(roots, file) {
		return nil
	}
	if err := exportFiles(roots, ids, flags); err != nil {
		return err
	}
	if file != "" {
		writeExportCache(roots, ids, file)
	}
	return nil
}

// exportCacheFile returns the file of the export cache entry for ids, or
// "" when they cannot be cached: a package with errors or a file that
// cannot be read, no user cache directory.
func exportCacheFile(roots []*packages.Package, ids, flags []string) string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	byID := map[string]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) { byID[p.ID] = p })
	modcache := os.Getenv("GOMODCACHE")
	if modcache == "" {
		modcache = filepath.Join(build.Default.GOPATH, "pkg", "mod")
	}
	h := sha256.New()
	fmt.Fprintf(h, "statuslint export 1\n%s\n", strings.Join(flags, " "))
	// What the go command builds with: its environment and settings.
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		if strings.HasPrefix(kv, "GO") || strings.HasPrefix(kv, "CGO_") || strings.HasPrefix(kv, "CC=") || strings.HasPrefix(kv, "CXX=") {
			fmt.Fprintln(h, kv)
		}
	}
	if cfg, err := os.UserConfigDir(); err == nil {
		data, _ := os.ReadFile(filepath.Join(cfg, "go", "env"))
		h.Write(data)
	}
	goroots := map[string]bool{}
	for _, id := range slices.Sorted(slices.Values(ids)) {
		p := byID[id]
		if p == nil || len(p.Errors) > 0 || len(p.CompiledGoFiles) == 0 && len(p.GoFiles) == 0 {
			return ""
		}
		// GoFiles, not CompiledGoFiles: cgo's output is in the go
		// command's cache.
		files := p.GoFiles
		if len(files) == 0 {
			files = p.CompiledGoFiles
		}
		switch m := p.Module; {
		case m == nil:
			// The standard library: its files are its toolchain's,
			// whose version the key holds.
			i := strings.LastIndex(files[0], string(filepath.Separator)+"src"+string(filepath.Separator))
			if i < 0 {
				return ""
			}
			goroot := files[0][:i]
			if !goroots[goroot] {
				goroots[goroot] = true
				// A toolchain's tree, not a GOPATH's, whose files can
				// change under the same name.
				version, err := os.ReadFile(filepath.Join(goroot, "VERSION"))
				if _, serr := os.Stat(filepath.Join(goroot, "src", "cmd", "go", "main.go")); err != nil || serr != nil {
					return ""
				}
				fmt.Fprintf(h, "goroot %s %s\n", goroot, version)
			}
			fmt.Fprintf(h, "std %s\n", id)
		case m.Replace != nil && m.Replace.Version != "" && inDir(m.Replace.Dir, modcache):
			fmt.Fprintf(h, "mod %s %s@%s\n", id, m.Replace.Path, m.Replace.Version)
		case m.Replace == nil && m.Version != "" && inDir(m.Dir, modcache):
			fmt.Fprintf(h, "mod %s %s@%s\n", id, m.Path, m.Version)
		default:
			// A package that can change under its name (the main
			// module's, a directory replacement): by the contents of
			// its files.
			fmt.Fprintf(h, "dir %s\n", id)
			for _, name := range slices.Concat(p.GoFiles, p.OtherFiles) {
				data, err := os.ReadFile(name)
				if err != nil {
					return ""
				}
				fmt.Fprintf(h, "%s %d\n", name, len(data))
				h.Write(data)
			}
		}
	}
	return filepath.Join(dir, "statuslint", "export", hex.EncodeToString(h.Sum(nil))+".export")
}

// inDir reports whether path is inside dir.
func inDir(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..")
}

// useExportCache gives the packages the export files of the entry, if it
// has one for each of them and each still exists.
func useExportCache(roots []*packages.Package, file string) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	export := map[string]string{}
	for line := range strings.Lines(string(data)) {
		id, path, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			return false
		}
		if _, err := os.Stat(path); err != nil {
			return false
		}
		export[id] = path
	}
	var given []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		if path, ok := export[p.ID]; ok && p.ExportFile == "" {
			p.ExportFile = path
			given = append(given, p)
		}
	})
	// The graph visits each ID once: every entry was given if as many
	// packages took one.
	if len(given) != len(export) {
		for _, p := range given {
			p.ExportFile = ""
		}
		return false
	}
	now := time.Now()
	os.Chtimes(file, now, now) // used: trimOld keeps it
	return true
}

// writeExportCache keeps the export files of ids for the next run, when
// the go command gave one for each.
func writeExportCache(roots []*packages.Package, ids []string, file string) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var b strings.Builder
	n := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		if want[p.ID] && p.ExportFile != "" {
			fmt.Fprintf(&b, "%s\t%s\n", p.ID, p.ExportFile)
			n++
		}
	})
	if n != len(want) {
		return
	}
	writeAtomic(file, []byte(b.String()))
	trimOld(filepath.Dir(file), ".export")
}

func containsError(list []packages.Error, e packages.Error) bool {
	for _, x := range list {
		if x.Pos == e.Pos && x.Msg == e.Msg {
			return true
		}
	}
	return false
}

// A parseCache parses each file once for every package that holds it, as
// packages.Load's does: a package and its test variants ("p", "p
// [p.test]", and "q [p.test]" for each q between p and its tests) hold
// the same files, and parsing them again for each was two thirds of the
// parsing of a run over std. The type checker does not change what it is
// given, so the packages share the trees. An entry goes from the cache
// once the last package that holds its file has asked for it: only the
// packages that keep their syntax keep it alive.
type parseCache struct {
	fset    *token.FileSet
	mu      sync.Mutex
	entries map[string]*parsed
}

type parsed struct {
	once sync.Once
	left int // the packages yet to ask for it
	f    *ast.File
	err  error
}

func newParseCache(fset *token.FileSet, pkgs []*packages.Package) *parseCache {
	c := &parseCache{fset: fset, entries: map[string]*parsed{}}
	for _, p := range pkgs {
		for _, name := range p.CompiledGoFiles {
			e := c.entries[name]
			if e == nil {
				e = new(parsed)
				c.entries[name] = e
			}
			e.left++
		}
	}
	return c
}

// parse returns the file name parsed as packages.Load parses it, without
// the deprecated ast.Objects: no pass reads them, and resolving them is a
// twentieth of a small run.
func (c *parseCache) parse(name string) (*ast.File, error) {
	c.mu.Lock()
	e := c.entries[name]
	if e == nil {
		e = new(parsed) // not counted: parsed for this caller alone
	} else if e.left--; e.left <= 0 {
		delete(c.entries, name)
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.f, e.err = parser.ParseFile(c.fset, name, nil, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	})
	return e.f, e.err
}

// check parses p (with parse) and type-checks it as packages.Load does:
// every error in p.Errors, p.IllTyped if there is one here or in an
// import, function bodies only for the matched packages (full).
func check(p *packages.Package, full bool, imported func(*packages.Package) (*types.Package, error), parse func(string) (*ast.File, error)) {
	// An import that failed for errors of its own: those are reported
	// on it, and the type checker's "could not import" adds nothing.
	failed := map[string]bool{}
	report := func(err error) {
		if e, ok := err.(types.Error); ok {
			for path := range failed {
				if strings.HasPrefix(e.Msg, "could not import "+path+" ") {
					return
				}
			}
		}
		switch err := err.(type) {
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	for _, name := range p.CompiledGoFiles {
		f, err := parse(name)
		if err != nil {
			report(err)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	// What a dependency's check records is never read: it records
	// nothing, and its syntax goes when it is checked.
	p.TypesInfo = &types.Info{}
	if full {
		size := 0
		for _, f := range p.Syntax {
			size += p.Fset.File(f.Pos()).Size()
		}
		p.TypesInfo = newInfo(size)
	} else {
		defer func() { p.Syntax, p.TypesInfo = nil, nil }()
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			pkg, err := imported(imp)
			if err != nil && len(imp.Errors) > 0 {
				failed[path] = true
			}
			return pkg, err
		}),
		IgnoreFuncBodies: !full,
		Error:            report,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	// A test main ("p.test") has no files: go list writes its source only
	// when it builds it. Nothing of the project's is in it.
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	err := types.NewChecker(conf, p.Fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		report(err)
	}
	// An import that failed (failed) has errors of its own.
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped || len(imp.Errors) > 0
	}
}

// newInfo returns a types.Info that records everything, as
// packages.Load's does, for a package of size bytes of source. Its maps
// start at about the size they end at (a little under, by the ratios of
// the standard library and gin: an expression for every 14-18 bytes, a
// use for every 20-25, a definition, selection or scope for every 90-120):
// grown from empty, rehashing them was an eighth of a run over std.
func newInfo(size int) *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, size/20),
		Defs:         make(map[*ast.Ident]types.Object, size/140),
		Uses:         make(map[*ast.Ident]types.Object, size/28),
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       make(map[ast.Node]*types.Scope, size/140),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, size/130),
		FileVersions: map[*ast.File]string{},
	}
}
