package table

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzParse checks the invariants every successfully read table keeps;
// errors are fine, panics are not.
func fuzzParse(f *testing.F, file string) {
	f.Add(mustRead(f, "profiles/huaweicloud.rst"))
	f.Add(mustRead(f, "profiles/iana.yaml"))
	for _, pattern := range []string{"*.*", "bad/*.*"} {
		matches, _ := filepath.Glob(filepath.Join(fixtures, pattern))
		for _, m := range matches {
			f.Add(mustRead(f, m))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse("fuzz", file, data)
		if err != nil {
			return
		}
		if len(tab.Entries) == 0 {
			t.Fatal("empty table accepted")
		}
		for _, e := range tab.Entries {
			if e.Code < MinCode || e.Code > MaxCode {
				t.Fatalf("code %d accepted", e.Code)
			}
			if got := tab.Lookup(int64(e.Code)); got == nil || got.Code != e.Code {
				t.Fatalf("Lookup(%d) = %+v", e.Code, got)
			}
		}
	})
}

func mustRead(f *testing.F, path string) []byte {
	data, err := profileFS.ReadFile(path)
	if err != nil {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		f.Fatal(err)
	}
	return data
}

func FuzzRST(f *testing.F)      { fuzzParse(f, "t.rst") }
func FuzzMarkdown(f *testing.F) { fuzzParse(f, "t.md") }
func FuzzYAML(f *testing.F)     { fuzzParse(f, "t.yaml") }
func FuzzJSON(f *testing.F)     { fuzzParse(f, "t.json") }
func FuzzDetect(f *testing.F)   { fuzzParse(f, "t.txt") }

// FuzzOpenAPI fuzzes the spec reader from OpenAPI and Swagger seeds.
func FuzzOpenAPI(f *testing.F) {
	for _, pattern := range []string{"openapi/*.yaml", "bad/openapi-*.yaml", "../specs/*.yaml", "../specs/petstore/*.*"} {
		matches, _ := filepath.Glob(filepath.Join(fixtures, pattern))
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	fuzzParse(f, "t.yaml")
}
