package table

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
)

// A spec is read in every process that needs it: under go vet, one per
// package. Reading a large one (Kubernetes' 4.8 MB) takes most of a
// second, so what statuslint keeps of it (a few hundred kilobytes) is
// cached in the user's cache directory, keyed by the spec's contents: an
// edited spec is a new key, and a cache that cannot be read or written is
// no error, only slower.

// cacheVersion changes whenever what is cached, or how a spec is read,
// changes: old entries are then never found. The key holds the build's
// module version and VCS revision too, so that another statuslint never
// reads what this one cached (builds of one modified checkout share a
// key: clear the cache after changing how specs are read).
const cacheVersion = "statuslint-spec-3"

// buildKey is this build's module version and VCS revision.
var buildKey = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	key := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			key += " " + s.Value
		}
	}
	return key
})

// cachedTable is what the cache keeps of a table read from a spec.
type cachedTable struct {
	Name       string
	Entries    []Entry
	Operations []cachedOperation
	Warnings   []string
	AnyStatus  bool
	Servers    []string
}

// cachedOperation is an Operation, its retry guidance exported for gob.
type cachedOperation struct {
	Operation
	Retries map[string]Retry
}

// cacheInTests lets the cache's own test use it: a test binary is not
// stamped with a VCS revision, so the tests of a changed reading would
// otherwise read what an older one cached.
var cacheInTests = false

// cachePath returns the cache file for a spec's contents, or "" when
// there is no cache directory.
func cachePath(data []byte) string {
	if testing.Testing() && !cacheInTests {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(cacheVersion + "\x00" + buildKey() + "\x00"))
	h.Write(data)
	sum := h.Sum(nil)
	return filepath.Join(dir, "statuslint", "spec-"+hex.EncodeToString(sum[:16])+".gob")
}

// loadCached returns the table cached for data, read from source.
func loadCached(source string, data []byte) (*Table, bool) {
	path := cachePath(data)
	if path == "" {
		return nil, false
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var c cachedTable
	if gob.NewDecoder(bytes.NewReader(raw)).Decode(&c) != nil {
		return nil, false // a torn or old file: read the spec again
	}
	t, err := New(c.Name, source, c.Entries)
	if err != nil {
		return nil, false
	}
	spec := &Spec{Source: source, Data: data, Servers: c.Servers}
	for _, co := range c.Operations {
		op := co.Operation
		op.retries = co.Retries
		spec.Operations = append(spec.Operations, &op)
	}
	t.Spec, t.Warnings, t.AnyStatus = spec, c.Warnings, c.AnyStatus
	return t, true
}

// storeCached keeps what t holds of the spec data, for the next process.
func storeCached(data []byte, t *Table) {
	path := cachePath(data)
	if path == "" {
		return
	}
	c := cachedTable{Name: t.Name, Entries: t.Entries, Warnings: t.Warnings, AnyStatus: t.AnyStatus, Servers: t.Spec.Servers}
	for _, op := range t.Spec.Operations {
		c.Operations = append(c.Operations, cachedOperation{Operation: *op, Retries: op.retries})
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(c) != nil {
		return
	}
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	// Written aside and renamed, so that a process reading it at the same
	// time sees the whole file or none.
	tmp, err := os.CreateTemp(filepath.Dir(path), "spec-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}
