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

// schemaSpec is largeSpec as real specs are: mostly schemas (Kubernetes'
// is 4.8 MB for 848 operations), with parameters, request bodies and
// response content that name them.
func schemaSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: large, version: \"1\"}\nservers:\n  - url: https://api.example.com/v2\npaths:\n")
	for i := range n {
		fmt.Fprintf(&b, "  /{project_id}/resource%d/{id}:\n    parameters:\n      - {name: project_id, in: path, required: true, schema: {type: string}}\n      - {name: id, in: path, required: true, schema: {type: string}}\n", i)
		for _, m := range []string{"get", "put", "delete"} {
			fmt.Fprintf(&b, "    %s:\n      operationId: %s%d\n", m, m, i)
			fmt.Fprintf(&b, "      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Resource%d'}\n", i)
			b.WriteString("      responses:\n")
			for _, code := range []string{"200", "400", "404", "503"} {
				fmt.Fprintf(&b, "        \"%s\":\n          description: The client should modify the request instead of re-initiating it.\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Resource%d'}\n", code, i)
			}
		}
	}
	b.WriteString("components:\n  schemas:\n")
	for i := range n {
		fmt.Fprintf(&b, "    Resource%d:\n      type: object\n      description: A resource of the large API, with the fields every resource has.\n      properties:\n", i)
		for f := range 40 {
			fmt.Fprintf(&b, "        field%d:\n          type: string\n          description: Field %d of the resource, as the API documents it for clients.\n", f, f)
		}
		fmt.Fprintf(&b, "        child:\n          $ref: '#/components/schemas/Resource%d'\n", (i+1)%n)
	}
	return []byte(b.String())
}

// A spec that is mostly schemas, read as the first process reads it
// (what pruning saves) and as the others do (from the cache).
func BenchmarkParseSchemaSpec(b *testing.B) {
	data := schemaSpec(283)
	path := filepath.Join(b.TempDir(), "api.yaml")
	os.WriteFile(path, data, 0o644)
	b.Run("first", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := readOpenAPI(path, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.Setenv("XDG_CACHE_HOME", b.TempDir())
		cacheInTests = true
		b.Cleanup(func() { cacheInTests = false })
		b.SetBytes(int64(len(data)))
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := Load(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}
