package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every setting is read; a relative table is the file's directory's.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "docs", "api.md"), "| Status Code | Name |\n|---|---|\n| 200 | OK |\n")
	path := filepath.Join(dir, FileName)
	write(t, path, "codes: docs/api.md\nchecks: [all, -SL1001]\nconstants: example.com/status\nsinks: example.com/web.Reply:1\ntests: false\n")
	f, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Codes == nil || *f.Codes != filepath.Join(dir, "docs", "api.md") {
		t.Errorf("codes: %v", f.Codes)
	}
	if f.Checks == nil || *f.Checks != "all,-SL1001" {
		t.Errorf("checks: %v", f.Checks)
	}
	if f.Constants == nil || *f.Constants != "example.com/status" {
		t.Errorf("constants: %v", f.Constants)
	}
	if len(f.Sinks) != 1 || f.Sinks[0].Path != "example.com/web" || f.Sinks[0].Name != "Reply" || f.Sinks[0].Arg != 1 {
		t.Errorf("sinks: %+v", f.Sinks)
	}
	if f.Tests == nil || *f.Tests {
		t.Errorf("tests: %v", f.Tests)
	}
	// A built-in profile stays a name; a list may be one string.
	write(t, path, "codes: iana\nchecks: all,-SL2*\n")
	if f, err := ReadFile(path); err != nil || *f.Codes != "iana" || *f.Checks != "all,-SL2*" {
		t.Errorf("got %+v, %v", f, err)
	}
}

// A bad file is one error naming the file, the line and the problem.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for _, tc := range []struct{ text, want string }{
		{"codes: iana\nbogus: 1\n", ":2: unknown setting \"bogus\""},
		{"codes: iana\ncodes: iana\n", ":2: codes is given twice"},
		{"\ncodes: nosuch.md\n", ":2: codes: reading status-code table"},
		{"codes: [iana]\n", ":1: codes: want a built-in profile"},
		{"checks:\n  - all\n  - SL9999\n", ":2: checks: unknown check \"SL9999\""},
		{"sinks: [example.com/web.Reply]\n", ":1: sinks: "},
		{"tests: maybe\n", ":1: tests: want true or false"},
		{"checks: [all\n", ":1: did not find expected"},
		// The line the parser stopped at, not the list's first.
		{"checks:\n  - all\n  - -SL1001\n - SL1002\n", ":4: did not find expected key"},
		{"- codes\n", ":1: the configuration is a mapping of settings"},
	} {
		write(t, path, tc.text)
		_, err := ReadFile(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+":") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s%s", tc.text, err, path, tc.want)
		}
	}
	write(t, path, "")
	if f, err := ReadFile(path); err != nil || f.Codes != nil || f.Checks != nil {
		t.Errorf("an empty file: %+v, %v", f, err)
	}
}

// Chain lists a package's files from the module root down, and stops at
// the module root.
func TestChain(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "codes: huaweicloud\n") // above the module: not its
	mod := filepath.Join(dir, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module example.com/mod\n")
	write(t, filepath.Join(mod, FileName), "codes: iana\n")
	write(t, filepath.Join(mod, "a", "b", FileName), "tests: false\n")
	os.MkdirAll(filepath.Join(mod, "a", "b", "c"), 0o755)
	chain, err := Chain(filepath.Join(mod, "a", "b", "c"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range chain {
		got = append(got, f.Path)
	}
	want := []string{filepath.Join(mod, FileName), filepath.Join(mod, "a", "b", FileName)}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Chain: %v, want %v", got, want)
	}
	list, err := ModuleFiles(filepath.Join(mod, "a"))
	if err != nil || len(list) != 2 {
		t.Errorf("ModuleFiles: %d files, %v", len(list), err)
	}
	if configurable("/home/u/go/pkg/mod/example.com/dep@v1.2.3/x") {
		t.Error("a module cache directory is configurable")
	}
}

// The fingerprint changes with any file of the module and with the tables
// they name, and only then.
func TestFingerprint(t *testing.T) {
	mod := t.TempDir()
	write(t, filepath.Join(mod, "go.mod"), "module example.com/mod\n")
	write(t, filepath.Join(mod, "api.md"), "| Status Code | Name |\n|---|---|\n| 200 | OK |\n")
	write(t, filepath.Join(mod, "sub", FileName), "codes: ../api.md\n")
	fp := func() []byte {
		files.Clear() // as a new process: each reads its files once,
		walks.Clear() // and walks its module once
		return Fingerprint(mod)
	}
	first := fp()
	if !bytes.Equal(first, fp()) {
		t.Fatal("the fingerprint differs between two runs")
	}
	write(t, filepath.Join(mod, "api.md"), "| Status Code | Name |\n|---|---|\n| 200 | OK |\n| 404 | Not Found |\n")
	second := fp()
	if bytes.Equal(first, second) {
		t.Error("editing the table did not change the fingerprint")
	}
	write(t, filepath.Join(mod, "sub", FileName), "codes: ../api.md\ntests: false\n")
	if bytes.Equal(second, fp()) {
		t.Error("editing a nested file did not change the fingerprint")
	}
}

// A packages entry sets what it gives for the directories its pattern
// matches, relative to the file, over the file's own settings.
func TestPackagesEntries(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/mod\n")
	path := filepath.Join(dir, FileName)
	write(t, path, "codes: iana\npackages:\n  - pattern: ./partner/...\n    codes: huaweicloud\n    tests: false\n  - pattern: internal/x\n    checks: SL2*\n")
	f, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Scopes) != 2 || f.Scopes[0].Line != 3 || *f.Scopes[0].Codes != "huaweicloud" || *f.Scopes[1].Checks != "SL2*" {
		t.Fatalf("entries: %+v", f.Scopes)
	}
	for rel, want := range map[string]int{
		".": 1, "partner": 2, "partner/v2": 2, "partnership": 1, "internal/x": 2, "internal/x/y": 1, "internal": 1,
	} {
		if got := len(f.layers(filepath.Join(dir, filepath.FromSlash(rel)))); got != want {
			t.Errorf("%s: %d layers, want %d", rel, got, want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"packages:\n  - codes: iana\n", ":2: packages: the entry has no pattern"},
		{"packages:\n  - pattern: ../other\n", ":2: pattern: want a directory relative to this file"},
		{"packages:\n  - pattern: /abs\n", ":2: pattern: want a directory relative to this file"},
		{"packages:\n  - pattern: ./a\n    packages: []\n", ":3: packages entries do not nest"},
		{"packages:\n  - pattern: ./a\n    table: x\n", ":3: unknown setting \"table\" (the settings are pattern, codes, checks, constants, sinks, tests, apis)"},
		{"pattern: ./a\n", ":1: pattern belongs to an entry of packages"},
		{"packages: ./a\n", ":1: packages: want a list of entries"},
		{"packages:\n  - pattern: ./a\n    codes: nosuch.yaml\n", ":3: codes: reading status-code table"},
	} {
		write(t, path, tc.text)
		_, err := ReadFile(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+":") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s%s", tc.text, err, path, tc.want)
		}
	}
}

// An apis entry names the API requests to a base URL go to; a spec's
// servers are its URLs when the entry gives none.
func TestAPIs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "billing.yaml"), `openapi: 3.0.0
info: {title: billing, version: "1"}
servers:
  - url: https://billing.example.com/v1/
  - url: /relative
paths:
  /invoices:
    get:
      responses:
        "200": {description: ok}
`)
	path := filepath.Join(dir, FileName)
	write(t, path, "apis:\n  - url: https://kafka.example.com/\n    codes: huaweicloud\n  - codes: billing.yaml\n")
	f, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.APIs) != 2 || strings.Join(f.APIs[0].URLs, " ") != "https://kafka.example.com" || f.APIs[0].Codes != "huaweicloud" ||
		strings.Join(f.APIs[1].URLs, " ") != "https://billing.example.com/v1" || f.APIs[1].Codes != filepath.Join(dir, "billing.yaml") {
		t.Errorf("apis: %+v", f.APIs)
	}
	// A url given wins over the spec's servers, wherever the entry gives it.
	write(t, path, "apis:\n  - codes: billing.yaml\n    url: https://billing.internal\n")
	if f, err := ReadFile(path); err != nil || strings.Join(f.APIs[0].URLs, " ") != "https://billing.internal" {
		t.Errorf("a url after a spec's codes: %+v, %v", f, err)
	}
	for _, tc := range []struct{ text, want string }{
		{"apis:\n  - url: https://x.example.com\n", ":2: apis: the entry has no codes"},
		{"apis:\n  - codes: iana\n", ":2: apis: the entry has no url, and its table names no server"},
		{"apis:\n  - url: x.example.com\n    codes: iana\n", ":2: apis: url: want a base URL with scheme and host"},
		{"apis:\n  - url: https://x.example.com\n    table: iana\n", ":3: apis: unknown setting \"table\""},
		{"apis: https://x.example.com\n", ":1: apis: want a list of entries"},
	} {
		write(t, path, tc.text)
		_, err := ReadFile(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+":") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s%s", tc.text, err, path, tc.want)
		}
	}
}

// A request goes to the API with the longest base URL it is, or is
// below; a host that only starts as an API's does not.
func TestSettingsAPI(t *testing.T) {
	kafka, v2, billing := &TableFlag{}, &TableFlag{}, &TableFlag{}
	s := &Settings{APIs: []APITable{
		{URLs: []string{"https://kafka.example.com"}, Codes: kafka},
		{URLs: []string{"https://kafka.example.com/v2"}, Codes: v2},
		{URLs: []string{"https://billing.example.com/v1", "https://billing.internal"}, Codes: billing},
	}}
	for _, tc := range []struct {
		url  string
		want *TableFlag
	}{
		{"https://kafka.example.com", kafka},
		{"https://kafka.example.com/v1/{}/instances", kafka},
		{"https://kafka.example.com/v2/{}/instances", v2},
		{"https://kafka.example.com/v2?x=1", v2},
		{"https://kafka.example.com/v20/x", kafka},
		{"https://kafka.example.community/x", nil},
		{"https://billing.internal/invoices", billing},
		{"https://billing.example.com/v1#top", billing},
		{"https://billing.example.com/v10", nil},
		{"{}/items", nil},
	} {
		if got := s.API(tc.url); got != tc.want {
			t.Errorf("API(%q) = %p, want %p", tc.url, got, tc.want)
		}
	}
}
