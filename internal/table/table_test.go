package table

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures are the table files, by absolute path: a relative -codes path
// is the module root's.
var fixtures, _ = filepath.Abs("../../testdata/tables")

func TestSeedProfile(t *testing.T) {
	tab, err := Profile(DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(tab.Entries); got != 42 {
		t.Errorf("seed table has %d entries, want 42", got)
	}
	for code, want := range map[int64]Retry{
		400: RetryNever, 403: RetryNever, 404: RetryNever, 405: RetryNever, 503: RetryNever,
		408: RetryUnchanged, 429: RetryAfterRetryAfter,
		200: RetryUnspecified, 401: RetryUnspecified, 413: RetryUnspecified, 500: RetryUnspecified,
	} {
		e := tab.Lookup(code)
		if e == nil {
			t.Errorf("%d missing from the seed table", code)
			continue
		}
		if e.Retry != want {
			t.Errorf("%d: retry = %v, want %v", code, e.Retry, want)
		}
	}
	for _, code := range []int64{307, 308, 418, 451, 0, 1000, -1} {
		if tab.Lookup(code) != nil {
			t.Errorf("%d should not be documented by the seed", code)
		}
	}
	if e := tab.Lookup(306); e == nil || !e.Unused {
		t.Errorf("306 should be listed as unused, got %+v", e)
	}
	if e := tab.Lookup(404); e.Name != "NotFound" || !strings.Contains(e.Description, "\n\nThe client should modify") {
		t.Errorf("404 cell text not joined into paragraphs: %+v", e)
	}
	if e := tab.Lookup(101); !strings.Contains(e.Description, "more advanced than the source protocol.\n\nFor example") {
		t.Errorf("101 description = %q", e.Description)
	}
}

// The embedded copy must stay the seed itself.
// The default profile is the seed, the API's "Status codes" page, word for
// word: testdata/tables/seed holds the seed as it was given, and the
// shared original is compared too where it is beside the checkout.
func TestDefaultProfileIsTheSeed(t *testing.T) {
	embedded, err := profileFS.ReadFile(profileFiles[DefaultProfile])
	if err != nil {
		t.Fatal(err)
	}
	copies := []string{filepath.Join(fixtures, "seed", "000_3ea55462075d4c91.txt")}
	if _, err := os.Stat("../../../shared/seeds/000_3ea55462075d4c91.txt"); err == nil {
		copies = append(copies, "../../../shared/seeds/000_3ea55462075d4c91.txt")
	}
	for _, path := range copies {
		seed, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(seed) != string(embedded) {
			t.Errorf("profiles/huaweicloud.rst differs from %s", path)
		}
	}
}

func TestIANAProfile(t *testing.T) {
	tab, err := Profile("iana")
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[int64]Retry{404: RetryNever, 408: RetryUnchanged, 429: RetryAfterRetryAfter, 503: RetryAfterRetryAfter, 200: RetryUnspecified} {
		if e := tab.Lookup(code); e == nil || e.Retry != want {
			t.Errorf("iana %d: got %+v, want retry %v", code, e, want)
		}
	}
	for _, code := range []int64{306, 418} {
		if e := tab.Lookup(code); e == nil || !e.Unused {
			t.Errorf("iana %d should be unused: %+v", code, e)
		}
	}
	if tab.Lookup(419) != nil {
		t.Error("419 is not registered")
	}
}

// The same API written in every format reads the same.
func TestFormatsAgree(t *testing.T) {
	want := map[int64]Retry{200: RetryUnspecified, 404: RetryNever, 408: RetryUnchanged, 429: RetryAfterRetryAfter, 503: RetryNever}
	for _, f := range []string{"api.md", "api.yaml", "api.json"} {
		tab, err := Load(filepath.Join(fixtures, f))
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Entries) != len(want) {
			t.Errorf("%s: %d entries, want %d", f, len(tab.Entries), len(want))
		}
		for code, r := range want {
			if e := tab.Lookup(code); e == nil || e.Retry != r {
				t.Errorf("%s: %d = %+v, want retry %v", f, code, e, r)
			}
		}
	}
	md, _ := Load(filepath.Join(fixtures, "api.md"))
	if d := md.Lookup(503).Description; !strings.HasPrefix(d, "Pipes | are fine.\n\n") {
		t.Errorf("escaped pipe: %q", d)
	}
	if d := md.Lookup(404).Description; !strings.Contains(d, "found.\n\nThe client") {
		t.Errorf("<br> not a paragraph break: %q", d)
	}
}

func TestMalformed(t *testing.T) {
	for file, want := range map[string]string{
		"ragged.rst":               "ragged.rst:8: ragged table",
		"unclosed.rst":             "unclosed.rst:4: table ends without a closing border",
		"duplicate.md":             "duplicate.md:5: duplicate status code 200 (first listed on line 3)",
		"ragged.md":                "ragged.md:4: ragged table: row has 2 cells, the header 3",
		"range.yaml":               "range.yaml:4: status code 1000 is not between 100 and 999",
		"indent.yaml":              "indent.yaml:5: did not find expected '-' indicator",
		"unclosed.yaml":            "unclosed.yaml:4: did not find expected ',' or ']'",
		"retry.json":               `retry.json:3: unknown retry value "sometimes"`,
		"empty.yaml":               "empty.yaml: the table lists no status codes",
		"notanumber.md":            `notanumber.md:3: status code "2xx" is not a number`,
		"nottable.md":              "nottable.md: no status-code table found",
		"unknownkey.yaml":          `unknownkey.yaml:2: unknown key "nmae"`,
		"openapi-retry.yaml":       `openapi-retry.yaml:7: GET /pets 200: unknown retry value "sometimes"`,
		"openapi-key.yaml":         `openapi-key.yaml:7: GET /pets: response key "2xx0" is no status code, class (4XX) or default`,
		"openapi-noresponses.yaml": "openapi-noresponses.yaml:5: GET /pets documents no responses",
		"openapi-ref.yaml":         `openapi-ref.yaml:8: error resolving reference "missing.yaml#/Conflict"`,
	} {
		_, err := Load(filepath.Join(fixtures, "bad", file))
		if err == nil {
			t.Errorf("%s: no error", file)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %q does not contain %q", file, err, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load("nosuchprofile"); err == nil || !strings.Contains(err.Error(), "built-in: huaweicloud, iana") {
		t.Errorf("unknown profile: %v", err)
	}
	if _, err := Load("./no/such/file.md"); err == nil || !strings.Contains(err.Error(), "no/such/file.md") {
		t.Errorf("missing file: %v", err)
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		file, data string
		want       Format
	}{
		{"seed.txt", "title\n\n   +---+\n   | a |\n   +---+\n", FormatRST},
		{"codes", "| Status Code |\n|---|\n", FormatMarkdown},
		{"codes", " [ {\"code\": 200} ]", FormatJSON},
		{"codes", "codes:\n  - code: 200\n", FormatYAML},
		{"x.yml", "[]", FormatYAML},
	} {
		if got := Detect(c.file, []byte(c.data)); got != c.want {
			t.Errorf("Detect(%s, %q) = %v, want %v", c.file, c.data, got, c.want)
		}
	}
}

// A relative -codes path is the module root's, wherever the tool runs in
// the module (go vet runs it in each package's directory).
func TestPathFromModuleRoot(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"go.mod", "docs/api.md"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, f), []byte("module m\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(root, "pkg", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if got := Path("docs/api.md"); got != filepath.Join("docs", "api.md") {
		t.Errorf("at the root: %s", got)
	}
	t.Chdir(filepath.Join(root, "pkg", "sub"))
	if got, want := Path("docs/api.md"), filepath.Join(root, "docs", "api.md"); got != want {
		t.Errorf("in a package: %s, want %s", got, want)
	}
	for _, spec := range []string{"iana", "", filepath.Join(root, "x.md")} {
		if got := Path(spec); got != spec && spec != "iana" {
			t.Errorf("Path(%q) = %q", spec, got)
		}
	}
	_, err := Load("docs/nosuch.md")
	if err == nil || !strings.Contains(err.Error(), "taken from the module root") {
		t.Errorf("Load of a missing file: %v", err)
	}
}
