package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every go vet process parses the default table once.
func BenchmarkParseSeed(b *testing.B) {
	data, _ := profileFS.ReadFile("profiles/huaweicloud.rst")
	for b.Loop() {
		Parse("x", "x.rst", data)
	}
}

// largeSpec is an OpenAPI spec with n paths of three operations each,
// four responses per operation: the size of a large cloud API.
func largeSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: large, version: \"1\"}\nservers:\n  - url: https://api.example.com/v2\npaths:\n")
	for i := range n {
		fmt.Fprintf(&b, "  /{project_id}/resource%d/{id}:\n", i)
		for _, m := range []string{"get", "put", "delete"} {
			fmt.Fprintf(&b, "    %s:\n      operationId: %s%d\n      responses:\n", m, m, i)
			for _, code := range []string{"200", "400", "404", "503"} {
				fmt.Fprintf(&b, "        \"%s\":\n          description: The client should modify the request instead of re-initiating it.\n", code)
			}
		}
	}
	return []byte(b.String())
}

// Every go vet process reads the spec once; a standalone run, once.
func BenchmarkParseOpenAPI(b *testing.B) {
	data := largeSpec(200)
	path := filepath.Join(b.TempDir(), "api.yaml")
	os.WriteFile(path, data, 0o644)
	for b.Loop() {
		tab, err := Parse("api.yaml", path, data)
		if err != nil || len(tab.Spec.Operations) != 600 {
			b.Fatal(err)
		}
	}
}
