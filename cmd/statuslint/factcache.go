package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"go/types"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/statuslint/statuslint/analyzer"
)

// factCache keeps on disk the facts of the module's packages that a
// standalone run reads from source only for their facts (see load), as
// the go command's vet cache keeps a vet tool's facts: a narrow run that
// imports a big package of the module (openai-go's tests import its
// 300-file generated root package) type-checks and analyzes it once, and
// later runs read its facts instead while nothing they depend on changes.
//
// An entry's key hashes everything the facts can depend on: the
// statuslint executable, the analyzer's flags and the files they and the
// module's configuration name, the package's ID and the contents of its
// files, the keys of the main module's packages it imports (so a change
// anywhere below it is a new key) and the export data files of the other
// packages it imports, which the go command names by their contents.
type factCache struct {
	dir string
	// settings hashes the flags and the configuration; tool adds the
	// executable, hashed on the first key asked for (a run with no
	// package read only for facts, as every ./... run, never reads it).
	settings []byte
	tool     []byte
	toolOnce sync.Once
	// keys memoizes key by package.
	keys map[*packages.Package]string
	// hits are the facts read from the cache, by the view of the package
	// that stands for it in the graph (view).
	hits map[*types.Package][]cachedFact
	// misses are the keys of the packages read from source this run, by
	// their types, and got the facts their passes exported, by key and
	// analyzer; store writes those of every fact analyzer complete.
	mu     sync.Mutex
	misses map[*types.Package]string
	got    map[string]map[string][]cachedFact
	failed map[string]bool
}

// cachedFact is one fact in an entry: the analyzer that exported it, the
// object's path in its package ("" for a package fact), the fact's type
// and its gob encoding.
type cachedFact struct {
	Analyzer, Path, Type string
	Data                 []byte
}

// factCacheVersion changes when the format of an entry does.
const factCacheVersion = "statuslint facts 1"

// newFactCache returns the cache for a's runs in the user's cache
// directory, or nil when there is none: a run without a cache reads every
// package it needs from source, as before.
func newFactCache(a *analysis.Analyzer) *factCache {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return nil
	}
	h := sha256.New()
	io.WriteString(h, factCacheVersion+"\n")
	// The flags, and the contents of any file a flag's value names
	// (-codes=openapi.yaml, a table of api=file pairs).
	a.Flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(h, "flag %s=%s\n", f.Name, f.Value)
		for _, part := range strings.FieldsFunc(f.Value.String(), func(r rune) bool { return r == ',' || r == '=' }) {
			if data, err := os.ReadFile(part); err == nil {
				fmt.Fprintf(h, "file %s %d\n", part, len(data))
				h.Write(data)
			}
		}
	})
	if wd, err := os.Getwd(); err == nil {
		h.Write(analyzer.ConfigFingerprint(wd))
	}
	return &factCache{
		dir:      filepath.Join(dir, "statuslint", "facts"),
		settings: h.Sum(nil),
		keys:     map[*packages.Package]string{},
		hits:     map[*types.Package][]cachedFact{},
		misses:   map[*types.Package]string{},
		got:      map[string]map[string][]cachedFact{},
		failed:   map[string]bool{},
	}
}

// toolKey returns the hash of the settings and the running executable,
// or nil when the executable cannot be read (then nothing is cached).
func (c *factCache) toolKey() []byte {
	c.toolOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		h.Write(c.settings)
		if _, err := io.Copy(h, f); err == nil {
			c.tool = h.Sum(nil)
		}
	})
	return c.tool
}

// key returns the key of p's facts, or "" when p cannot be cached (an
// error, a file that cannot be read, an import without export data).
func (c *factCache) key(p *packages.Package) string {
	if k, ok := c.keys[p]; ok {
		return k
	}
	c.keys[p] = ""
	tool := c.toolKey()
	if tool == nil || len(p.Errors) > 0 || len(p.CompiledGoFiles) == 0 {
		return ""
	}
	h := sha256.New()
	h.Write(tool)
	fmt.Fprintf(h, "package %s\n", p.ID)
	for _, name := range p.CompiledGoFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "file %s %d\n", name, len(data))
		h.Write(data)
	}
	for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
		imp := p.Imports[path]
		switch {
		case imp.Module != nil && imp.Module.Main:
			k := c.key(imp)
			if k == "" {
				return ""
			}
			fmt.Fprintf(h, "import %s %s\n", path, k)
		case imp.ExportFile != "":
			fmt.Fprintf(h, "import %s export %s\n", path, imp.ExportFile)
		case imp.PkgPath == "unsafe":
			fmt.Fprintf(h, "import unsafe\n")
		default:
			return ""
		}
	}
	k := hex.EncodeToString(h.Sum(nil))
	c.keys[p] = k
	return k
}

// file returns the path of the entry for key.
func (c *factCache) file(key string) string {
	return filepath.Join(c.dir, key[:2], key+".gob")
}

// lookup returns the facts cached for p, and whether there are any.
func (c *factCache) lookup(p *packages.Package) ([]cachedFact, bool) {
	k := c.key(p)
	if k == "" {
		return nil, false
	}
	name := c.file(k)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	var facts []cachedFact
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&facts) != nil {
		return nil, false // a torn or old entry: read the package again
	}
	now := time.Now()
	os.Chtimes(name, now, now) // used: trim keeps it
	return facts, true
}

// wrap makes every analyzer with facts that a requires (and a itself)
// give the cached facts on the views of cached packages and collect
// those it exports on the packages read from source for the cache. It
// returns the function that restores them.
func (c *factCache) wrap(a *analysis.Analyzer) (restore func()) {
	var undo []func()
	for _, x := range factAnalyzers(a) {
		run := x.Run
		factTypes := map[string]reflect.Type{}
		for _, f := range x.FactTypes {
			factTypes[fmt.Sprintf("%T", f)] = reflect.TypeOf(f).Elem()
		}
		x.Run = func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			if err != nil {
				return res, err
			}
			if facts, ok := c.hits[pass.Pkg]; ok {
				c.export(pass, facts, factTypes)
			} else if key, ok := c.misses[pass.Pkg]; ok {
				c.collect(pass, key)
			}
			return res, nil
		}
		undo = append(undo, func() { x.Run = run })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}

// factAnalyzers returns a and the analyzers it requires, directly or not,
// that have facts, each once, requirements first.
func factAnalyzers(a *analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(x *analysis.Analyzer)
	visit = func(x *analysis.Analyzer) {
		if seen[x] {
			return
		}
		seen[x] = true
		for _, req := range x.Requires {
			visit(req)
		}
		if len(x.FactTypes) > 0 {
			out = append(out, x)
		}
	}
	visit(a)
	return out
}

// export exports the facts of pass's analyzer among facts on pass's
// package, a view of a cached package loaded from export data.
func (c *factCache) export(pass *analysis.Pass, facts []cachedFact, factTypes map[string]reflect.Type) {
	for _, f := range facts {
		t, ok := factTypes[f.Type]
		if f.Analyzer != pass.Analyzer.Name || !ok {
			continue
		}
		v := reflect.New(t)
		if gob.NewDecoder(bytes.NewReader(f.Data)).DecodeValue(v) != nil {
			continue
		}
		fact := v.Interface().(analysis.Fact)
		if f.Path == "" {
			pass.ExportPackageFact(fact)
			continue
		}
		// An object the export data lacks is one no other package can
		// use: go vet drops its facts too.
		if obj, err := objectpath.Object(pass.Pkg, objectpath.Path(f.Path)); err == nil {
			pass.ExportObjectFact(obj, fact)
		}
	}
}

// collect records the facts pass's analyzer exported on its package, read
// from source, for the entry key.
func (c *factCache) collect(pass *analysis.Pass, key string) {
	var list []cachedFact
	ok := true
	add := func(path string, fact analysis.Fact) {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
			ok = false
			return
		}
		list = append(list, cachedFact{pass.Analyzer.Name, path, fmt.Sprintf("%T", fact), buf.Bytes()})
	}
	var enc objectpath.Encoder
	for _, of := range pass.AllObjectFacts() {
		if of.Object.Pkg() != pass.Pkg {
			continue
		}
		// Facts on objects with no path (a local function) are the
		// package's own: other packages cannot name those objects.
		if path, err := enc.For(of.Object); err == nil {
			add(string(path), of.Fact)
		}
	}
	for _, pf := range pass.AllPackageFacts() {
		if pf.Package == pass.Pkg {
			add("", pf.Fact)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok {
		c.failed[key] = true
		return
	}
	if c.got[key] == nil {
		c.got[key] = map[string][]cachedFact{}
	}
	c.got[key][pass.Analyzer.Name] = list
}

// store writes an entry for each package read from source whose every
// analyzer with facts ran, and then trims the cache.
func (c *factCache) store(a *analysis.Analyzer) {
	need := len(factAnalyzers(a))
	for _, key := range slices.Sorted(maps.Keys(c.got)) {
		byAnalyzer := c.got[key]
		if c.failed[key] || len(byAnalyzer) != need {
			continue
		}
		var facts []cachedFact
		for _, name := range slices.Sorted(maps.Keys(byAnalyzer)) {
			facts = append(facts, byAnalyzer[name]...)
		}
		var buf bytes.Buffer
		if gob.NewEncoder(&buf).Encode(facts) != nil {
			continue
		}
		writeAtomic(c.file(key), buf.Bytes())
	}
	c.trim()
}

// writeAtomic writes data to name through a temporary file renamed into
// place, so that a run beside this one reads the whole entry or none.
// A cache that cannot be written is no cache: errors are dropped.
func writeAtomic(name string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// trimEvery and trimAge are how often the cache is trimmed and how long
// an entry no run has used stays, as in the go command's cache.
const (
	trimEvery = 24 * time.Hour
	trimAge   = 5 * 24 * time.Hour
)

// trim removes the entries no run has used for trimAge, at most once per
// trimEvery.
func (c *factCache) trim() { trimOld(c.dir, ".gob") }

// trimOld removes the files under dir whose names end in suffix and that
// no run has used (read, and touched, or written) for trimAge, at most
// once per trimEvery.
func trimOld(dir, suffix string) {
	mark := filepath.Join(dir, "trim.txt")
	now := time.Now()
	if fi, err := os.Stat(mark); err == nil && now.Sub(fi.ModTime()) < trimEvery {
		return
	}
	writeAtomic(mark, []byte(now.Format(time.RFC3339)+"\n"))
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, suffix) {
			return nil
		}
		if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) > trimAge {
			os.Remove(path)
		}
		return nil
	})
}

// keyOf is key for a cache that may be nil (no cache): "".
func (c *factCache) keyOf(p *packages.Package) string {
	if c == nil {
		return ""
	}
	return c.key(p)
}
