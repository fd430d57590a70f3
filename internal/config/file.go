package config

import (
	"crypto/sha256"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"

	"github.com/statuslint/statuslint/internal/checks"
	"github.com/statuslint/statuslint/internal/table"
)

// FileName is the configuration file's name. One at the module root
// configures the module; one in a directory below it configures the
// packages there and under it, each setting it gives overriding the
// same setting of the files above (the nearest wins, as with
// staticcheck.conf).
const FileName = ".statuslint.yaml"

// A File is one configuration file's settings. A setting the file does
// not give is nil.
type File struct {
	Path string
	// Codes is the table: a built-in profile's name, or the absolute path
	// of a table or OpenAPI file (relative paths are taken from the
	// file's directory).
	Codes     *string
	Checks    *string // the -checks syntax, comma-joined
	Constants *string
	Sinks     []SinkSpec
	Tests     *bool
	// APIs are the file's apis entries: the tables of the APIs client
	// requests go to, by URL.
	APIs []API
	// Scopes are the file's packages entries: settings for the packages
	// that Pattern, relative to the file's directory, matches, over the
	// file's own.
	Scopes []*File
	// Pattern and Line are a packages entry's.
	Pattern string
	Line    int
	// tab is Codes' table, read when the file was checked: the settings
	// For derives use it rather than reading it again.
	tab *table.Table
	// tables are the files Codes names (the entries' too), for
	// Fingerprint.
	tables []string
}

// fileKeys are the settings a file can give, in the order the docs list
// them.
var fileKeys = []string{"codes", "checks", "constants", "sinks", "tests", "apis", "packages"}

// ReadFile reads and checks the configuration file at path. An error names
// the file and the line of the problem: an unknown setting, a value of the
// wrong kind, a table that cannot be read, an unknown check, a malformed
// sink.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %v", err)
	}
	return parseFile(path, data)
}

func parseFile(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, table.YAMLError(path, data, err)
	}
	if len(doc.Content) == 0 {
		return f, nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: the configuration is a mapping of settings (%s), not a %s", path, root.Line, strings.Join(fileKeys, ", "), kindName(root))
	}
	if err := f.parseSettings(root, true); err != nil {
		return nil, err
	}
	return f, nil
}

// parseSettings reads the settings of node, a mapping, into f: the
// file's own (top), or those of one of its packages entries.
func (f *File) parseSettings(node *yaml.Node, top bool) error {
	path := f.Path
	at := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", path, n.Line, fmt.Sprintf(format, args...))
	}
	keys := fileKeys
	if !top {
		keys = append([]string{"pattern"}, fileKeys[:len(fileKeys)-1]...)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		if seen[key.Value] {
			return at(key, "%s is given twice", key.Value)
		}
		seen[key.Value] = true
		switch key.Value {
		case "codes":
			s, err := scalar(value)
			if err != nil || s == "" {
				return at(value, "codes: want a built-in profile (%s) or the path of a table or OpenAPI file", strings.Join(table.Profiles(), ", "))
			}
			spec, tab, err := f.loadTable(s)
			if err != nil {
				return at(value, "codes: %v", err)
			}
			f.Codes, f.tab = &spec, tab
		case "checks":
			list, err := stringList(value)
			if err != nil {
				return at(value, "checks: %v", err)
			}
			joined := strings.Join(list, ",")
			if err := checks.Validate(joined); err != nil {
				return at(value, "checks: %v", err)
			}
			f.Checks = &joined
		case "constants":
			s, err := scalar(value)
			if err != nil || s == "" {
				return at(value, "constants: want the import path of a package of status constants")
			}
			f.Constants = &s
		case "sinks":
			list, err := stringList(value)
			if err != nil {
				return at(value, "sinks: %v", err)
			}
			sinks, err := ParseSinks(strings.Join(list, ","))
			if err != nil {
				return at(value, "sinks: %v", err)
			}
			f.Sinks = sinks
		case "tests":
			var b bool
			if value.Kind != yaml.ScalarNode || value.Decode(&b) != nil {
				return at(value, "tests: want true or false")
			}
			f.Tests = &b
		case "apis":
			if err := f.parseAPIs(value, at); err != nil {
				return err
			}
		case "packages":
			if !top {
				return at(key, "packages entries do not nest")
			}
			if value.Kind != yaml.SequenceNode {
				return at(value, "packages: want a list of entries, each a pattern and the settings of the packages it matches")
			}
			for _, item := range value.Content {
				if item.Kind != yaml.MappingNode {
					return at(item, "packages: want an entry with a pattern and settings, not a %s", kindName(item))
				}
				scope := &File{Path: path, Line: item.Line}
				if err := scope.parseSettings(item, false); err != nil {
					return err
				}
				if scope.Pattern == "" {
					return at(item, "packages: the entry has no pattern (./internal/partner/... matches that directory and those below it)")
				}
				f.tables = append(f.tables, scope.tables...)
				f.Scopes = append(f.Scopes, scope)
			}
		case "pattern":
			if top {
				return at(key, "pattern belongs to an entry of packages")
			}
			s, err := scalar(value)
			if err != nil || !validPattern(s) {
				return at(value, "pattern: want a directory relative to this file, as ./internal/partner or ./internal/partner/...")
			}
			f.Pattern = s
		default:
			return at(key, "unknown setting %q (the settings are %s)", key.Value, strings.Join(keys, ", "))
		}
	}
	return nil
}

// validPattern reports whether s is a relative directory pattern: ./dir,
// dir, ./dir/... or ./... (not ../, not absolute, ... only at the end).
func validPattern(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "..."), "/")
	if filepath.IsAbs(s) || strings.Contains(s, "...") {
		return false
	}
	clean := path.Clean(filepath.ToSlash(s))
	return clean != ".." && !strings.HasPrefix(clean, "../")
}

// matches reports whether the package directory rel, relative to the
// file's directory and slash-separated, is one the pattern names.
func (f *File) matches(rel string) bool {
	p := f.Pattern
	tree := strings.HasSuffix(p, "...")
	p = path.Clean(strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/"))
	if p == "" {
		p = "."
	}
	switch {
	case rel == p:
		return true
	case !tree:
		return false
	case p == ".":
		return true
	}
	return strings.HasPrefix(rel, p+"/")
}

// layers returns f's settings and, after them, those of its packages
// entries that match dir, in the file's order: what For applies for
// dir's packages.
func (f *File) layers(dir string) []*File {
	out := []*File{f}
	if len(f.Scopes) == 0 {
		return out
	}
	rel, err := filepath.Rel(filepath.Dir(f.Path), dir)
	if err != nil {
		return out
	}
	rel = filepath.ToSlash(rel)
	for _, s := range f.Scopes {
		if s.matches(rel) {
			out = append(out, s)
		}
	}
	return out
}

// all returns f and every packages entry of it.
func (f *File) all() []*File { return append([]*File{f}, f.Scopes...) }

// An API is an apis entry of a configuration file: the client requests
// whose URL starts with one of URLs (a base URL: scheme, host and maybe a
// path) go to the API Codes documents.
type API struct {
	URLs  []string
	Codes string
	Line  int
	// tab is Codes' table, read when the file was checked.
	tab *table.Table
}

// Table returns the table f's codes names, read when f was checked, or
// nil when f names none.
func (f *File) Table() *table.Table { return f.tab }

// loadTable reads the table a codes value of the file names (a built-in
// profile, or a path relative to the file) and notes a file for
// Fingerprint: the value resolved, and the table.
func (f *File) loadTable(s string) (string, *table.Table, error) {
	profile := slices.Contains(table.Profiles(), s)
	if !profile && !filepath.IsAbs(s) {
		s = filepath.Join(filepath.Dir(f.Path), s)
	}
	tab, err := table.Load(s)
	if err != nil {
		return "", nil, err
	}
	if !profile {
		f.tables = append(f.tables, s)
	}
	return s, tab, nil
}

// parseAPIs reads an apis list.
func (f *File) parseAPIs(value *yaml.Node, at func(*yaml.Node, string, ...any) error) error {
	if value.Kind != yaml.SequenceNode {
		return at(value, "apis: want a list of entries, each a url and the codes of the API it serves")
	}
	for _, item := range value.Content {
		if item.Kind != yaml.MappingNode {
			return at(item, "apis: want an entry with url and codes, not a %s", kindName(item))
		}
		api := API{Line: item.Line}
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, v := item.Content[i], item.Content[i+1]
			s, err := scalar(v)
			switch {
			case key.Value != "url" && key.Value != "codes":
				return at(key, "apis: unknown setting %q (an entry has url and codes)", key.Value)
			case err != nil || s == "":
				return at(v, "apis: %s: want a string", key.Value)
			case key.Value == "url":
				if !strings.Contains(s, "://") {
					return at(v, "apis: url: want a base URL with scheme and host, as https://kafka.example.com/v2")
				}
				api.URLs = append(api.URLs, strings.TrimSuffix(s, "/"))
			default:
				spec, tab, err := f.loadTable(s)
				if err != nil {
					return at(v, "apis: codes: %v", err)
				}
				api.Codes, api.tab = spec, tab
			}
		}
		if api.Codes == "" {
			return at(item, "apis: the entry has no codes: the table or spec of the API its url serves")
		}
		if len(api.URLs) == 0 && api.tab.Spec != nil {
			api.URLs = api.tab.Spec.Servers
		}
		if len(api.URLs) == 0 {
			return at(item, "apis: the entry has no url, and its table names no server: give the API's base URL")
		}
		f.APIs = append(f.APIs, api)
	}
	return nil
}

// scalar returns a scalar node's string.
func scalar(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("want a string, not a %s", kindName(n))
	}
	return strings.TrimSpace(n.Value), nil
}

// stringList returns a list node's strings, or a scalar's comma-separated
// items, as the flag takes them.
func stringList(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.Split(n.Value, ","), nil
	case yaml.SequenceNode:
		var out []string
		for _, item := range n.Content {
			s, err := scalar(item)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", item.Line, err)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of strings, not a %s", kindName(n))
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// files caches configuration files by path: each is read once per
// process, and every package under it shares its settings.
var files sync.Map // path -> func() (*File, error)

// readCached is ReadFile, once per path.
func readCached(path string) (*File, error) {
	load, _ := files.LoadOrStore(path, sync.OnceValues(func() (*File, error) { return ReadFile(path) }))
	return load.(func() (*File, error))()
}

// Chain returns the configuration files that apply to the packages of dir,
// farthest first: those in dir and the directories above it, up to the
// module root (the nearest directory holding a go.mod). A dependency's
// files (in the module cache or GOROOT) are its authors' and do not apply.
func Chain(dir string) ([]*File, error) {
	if !configurable(dir) {
		return nil, nil
	}
	var chain []*File
	for {
		path := filepath.Join(dir, FileName)
		if _, err := os.Stat(path); err == nil {
			f, err := readCached(path)
			if err != nil {
				return nil, err
			}
			chain = append(chain, f)
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	slices.Reverse(chain)
	return chain, nil
}

// configurable reports whether dir can be configured: it is not in the
// module cache (whose directories are path@version) or GOROOT.
func configurable(dir string) bool {
	if !filepath.IsAbs(dir) {
		return true
	}
	if root := build.Default.GOROOT; root != "" && strings.HasPrefix(dir, filepath.Clean(root)+string(filepath.Separator)) {
		return false
	}
	for _, elem := range strings.Split(filepath.ToSlash(dir), "/") {
		if strings.Contains(elem, "@v") {
			return false
		}
	}
	return true
}

// ModuleFiles reads every configuration file of the module around dir
// (the nearest go.mod at or above it), below its root, except in
// directories the go command ignores (testdata, vendor, those starting
// with . or _) and in nested modules. It returns them in path order, or
// the first error; outside a module, the files of dir and above.
func ModuleFiles(dir string) ([]*File, error) {
	root, ok := table.ModuleRoot(dir)
	if !ok {
		return Chain(dir)
	}
	walk, _ := walks.LoadOrStore(root, sync.OnceValues(func() ([]*File, error) { return moduleFiles(root) }))
	return walk.(func() ([]*File, error))()
}

// walks caches ModuleFiles by module root: a module's tree is walked once
// per process (the settings and the fingerprint both ask; a big module
// has thousands of directories).
var walks sync.Map // root -> func() ([]*File, error)

// moduleFiles is ModuleFiles for the module at root.
func moduleFiles(root string) ([]*File, error) {
	var out []*File
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil // an unreadable directory holds no package either
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if d.Name() != FileName {
			return nil
		}
		f, err := readCached(path)
		if err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

// Fingerprint hashes the module's configuration files (ModuleFiles of
// dir) and the table files they name, so that a tool ID that includes it
// changes when any of them does: the go command caches go vet's results
// by the tool's ID and its flags, not by the files they name. A file that
// cannot be read is hashed as its error, which changes when it is fixed.
func Fingerprint(dir string) []byte {
	h := sha256.New()
	list, err := ModuleFiles(dir)
	if err != nil {
		fmt.Fprintf(h, "error %v\n", err)
	}
	for _, f := range list {
		for _, path := range append([]string{f.Path}, f.tables...) {
			data, err := os.ReadFile(path)
			if err != nil {
				fmt.Fprintf(h, "%s error %v\n", path, err)
				continue
			}
			fmt.Fprintf(h, "%s %d\n", path, len(data))
			h.Write(data)
		}
	}
	return h.Sum(nil)
}

// dirOfFiles returns the directory of a package's files, the first one
// whose directory exists (cgo's generated files live in the build cache).
func dirOfFiles(names []string) string {
	for _, name := range names {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		dir := filepath.Dir(name)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}
