package table

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// DefaultProfile is the table used when none is chosen: the seed API's.
const DefaultProfile = "huaweicloud"

//go:embed profiles
var profileFS embed.FS

// profileFiles names the file behind each built-in profile.
var profileFiles = map[string]string{
	"huaweicloud": "profiles/huaweicloud.rst",
	"iana":        "profiles/iana.yaml",
}

// Profiles lists the built-in profile names.
func Profiles() []string {
	names := make([]string, 0, len(profileFiles))
	for n := range profileFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var profileCache sync.Map // name -> func() (*Table, error)

// Profile returns a built-in table by name. Built-ins are parsed once per
// process; tables are never modified after they are built.
func Profile(name string) (*Table, error) {
	file, ok := profileFiles[name]
	if !ok {
		return nil, fmt.Errorf("unknown status-code profile %q (built-in: %s)", name, strings.Join(Profiles(), ", "))
	}
	load, _ := profileCache.LoadOrStore(name, sync.OnceValues(func() (*Table, error) {
		data, err := profileFS.ReadFile(file)
		if err != nil {
			return nil, err
		}
		return Parse(name, file, data)
	}))
	return load.(func() (*Table, error))()
}

// Load returns the table named by spec: a built-in profile name, or the
// path of a table file.
func Load(spec string) (*Table, error) {
	if spec == "" {
		spec = DefaultProfile
	}
	if _, ok := profileFiles[spec]; ok {
		return Profile(spec)
	}
	path := Path(spec)
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) && !strings.ContainsAny(spec, `./\`) {
			return nil, fmt.Errorf("unknown status-code profile %q (built-in: %s) and no such file", spec, strings.Join(Profiles(), ", "))
		}
		if os.IsNotExist(err) && path != spec {
			return nil, fmt.Errorf("reading status-code table: no file %s (a relative -codes path is taken from the module root)", path)
		}
		return nil, fmt.Errorf("reading status-code table: %v", err)
	}
	return Parse(filepath.Base(spec), path, data)
}

// Path returns the file a -codes value names. A relative path is taken
// from the module root, the nearest directory at or above the working
// directory that holds a go.mod, in every mode: standalone, under go vet
// and go fix (which run the tool in each package's directory) and in
// golangci-lint; outside a module, from the working directory. The path
// is given relative to the working directory where it lies below it.
func Path(spec string) string {
	if spec == "" || filepath.IsAbs(spec) {
		return spec
	}
	wd, err := os.Getwd()
	if err != nil {
		return spec
	}
	root, ok := ModuleRoot(wd)
	if !ok {
		return spec
	}
	path := filepath.Join(root, spec)
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// ModuleRoot returns the nearest directory at or above dir that holds a
// go.mod, absolute.
func ModuleRoot(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Format is the syntax of a table file.
type Format int

// The table formats statuslint reads.
const (
	FormatRST Format = iota
	FormatMarkdown
	FormatYAML
	FormatJSON
)

// Detect picks a table file's format from its extension, or for other
// extensions (the seed is a .txt) from its content.
func Detect(file string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".rst":
		return FormatRST
	case ".md", ".markdown":
		return FormatMarkdown
	case ".yaml", ".yml":
		return FormatYAML
	case ".json":
		return FormatJSON
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return FormatJSON
	}
	for _, line := range splitLines(data) {
		if _, ok := borderStart(line); ok {
			return FormatRST
		}
		if isPipeRow(line) {
			return FormatMarkdown
		}
	}
	return FormatYAML
}

// Parse reads a table in any supported format. name labels the table in
// diagnostics; source labels the file in errors.
func Parse(name, source string, data []byte) (*Table, error) {
	var (
		entries  []Entry
		guidance string
		err      error
	)
	format := Detect(source, data)
	if format == FormatYAML || format == FormatJSON {
		// Before anything reads the file: a spec read before is not
		// decoded again, not even to see that it is one.
		if t, ok := loadCached(source, data); ok {
			return t, nil
		}
		if _, ok := isOpenAPI(data); ok {
			return parseOpenAPI(source, data)
		}
		if _, ok := looksLikeSpec(data); ok {
			// A spec cut short, or without its version: say so rather
			// than read it as a status table.
			return parseOpenAPI(source, data)
		}
	}
	switch format {
	case FormatRST:
		entries, err = parseRST(source, data)
	case FormatMarkdown:
		entries, err = parseMarkdown(source, data)
	default:
		var docName string
		docName, guidance, entries, err = parseStructured(source, data)
		if docName != "" {
			name = docName
		}
	}
	if err != nil {
		return nil, err
	}
	t, err := New(name, source, entries)
	if t != nil {
		t.RetryGuidance = guidance
	}
	return t, err
}
