package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// petstore copies testdata/petstore, a server for the Swagger Petstore,
// with both published specs.
func petstore(t *testing.T) (dir, swagger, openapi string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "petstore")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "petstore"))); err != nil {
		t.Fatal(err)
	}
	specs := filepath.Join("..", "..", "testdata", "specs", "petstore")
	for _, name := range []string{"swagger.json", "openapi.yaml"} {
		data, err := os.ReadFile(filepath.Join(specs, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "swagger.json"), filepath.Join(dir, "openapi.yaml")
}

// findingLines returns the lines of out that are findings, each cut to
// "file:line:col: message" with the file's base name.
func findingLines(out string) []string {
	var list []string
	for _, line := range strings.Split(out, "\n") {
		if line == "" || strings.Contains(line, ": \t") || strings.HasPrefix(line, "#") {
			continue
		}
		if i := strings.Index(line, ".go:"); i >= 0 {
			line = filepath.Base(line[:i+3]) + line[i+3:]
		}
		list = append(list, line)
	}
	slices.Sort(list)
	return list
}

// The Swagger Petstore end to end: a handler's status undocumented for its
// operation, a route the spec lacks, the default responses of the 3.0
// spec, the route listing, and go vet.
func TestPetstore(t *testing.T) {
	dir, swagger, openapi := petstore(t)
	out, code := run(t, dir, binary, "-codes="+swagger, ".")
	want := []string{
		"main.go:107:16: status 200 (OK) in WriteHeader is not documented for DELETE /v2/pet/{petId} (documented: 400, 404): its clients do not expect it; write a documented status or add the response to the spec (SL1005)",
		"main.go:33:17: route GET /v2/store/stats is not in swagger.json: clients cannot know it; document the operation in the spec or remove the route (SL1006)",
		"main.go:49:17: status 409 (Conflict) in WriteHeader is not documented for POST /v2/pet (documented: 405): its clients do not expect it; write a documented status or add the response to the spec (SL1005)",
	}
	if got := findingLines(out); code != 3 || !slices.Equal(got, want) {
		t.Errorf("statuslint -codes=swagger.json: exit %d\ngot:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(out, "swagger.json:1:1: \tdeletePet is documented here") || !strings.Contains(out, "main.go:32:17: \tthe handler is registered here for DELETE /v2/pet/{petId}") {
		t.Errorf("related information missing:\n%s", out)
	}

	// The 3.0 spec documents a default response everywhere: only the
	// route it lacks is a finding. That route's 204 is tied to no
	// operation, and a default response may be any status, so it is not
	// provably undocumented.
	out, _ = run(t, dir, binary, "-codes="+openapi, "./v1")
	want = []string{
		"pets.go:22:17: route DELETE /v1/pets/{petId} is not in openapi.yaml: clients cannot know it; document the operation in the spec or remove the route (SL1006)",
	}
	if got := findingLines(out); !slices.Equal(got, want) {
		t.Errorf("statuslint -codes=openapi.yaml ./v1:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	out, code = run(t, dir, binary, "-routes", "-codes="+swagger, ".")
	if code != 0 {
		t.Errorf("-routes exits %d; it lists, it finds nothing", code)
	}
	for _, w := range []string{
		"main.go:30:17: route GET /v2/pet/findByStatus -> GET /v2/pet/findByStatus (findPetsByStatus, swagger.json:1)",
		"main.go:31:17: route GET /v2/pet/{petId} -> GET /v2/pet/{petId} (getPetById, swagger.json:1)",
		"main.go:33:17: route GET /v2/store/stats -> no operation",
		"main.go:35:13: route * /v1/{rest...} -> a wildcard, tied to no operation: the API-wide table applies",
	} {
		if !slices.Contains(findingLines(out), w) {
			t.Errorf("-routes lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "not documented") {
		t.Errorf("-routes reports findings too:\n%s", out)
	}
	if !strings.Contains(out, "statuslint: -routes: 8 registrations, 6 tied to an operation, 2 not (each line says why)") {
		t.Errorf("-routes does not sum up what it read:\n%s", out)
	}
	// A package with no route says so, rather than nothing.
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "go.mod"), []byte("module e\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(empty, "e.go"), []byte("package e\n\nimport \"net/http\"\n\nfunc F(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }\n"), 0o644)
	out, code = run(t, empty, binary, "-routes", "-codes="+swagger, "./...")
	if code != 0 || !strings.Contains(out, "statuslint: -routes: no route registration in 1 package: routes are read where they are registered on a router statuslint knows") {
		t.Errorf("-routes on a package with no route: exit %d\n%s", code, out)
	}

	if !testenv.Real() {
		return // go vet's run with a new -codes is a cold one
	}
	out, code = run(t, dir, "go", "vet", "-vettool="+binary, "-codes=swagger.json", ".")
	if code == 0 || !strings.Contains(out, "main.go:49:17: status 409 (Conflict) in WriteHeader is not documented for POST /v2/pet") || !strings.Contains(out, "route GET /v2/store/stats is not in swagger.json") {
		t.Errorf("go vet: exit %d\n%s", code, out)
	}
}

// A malformed spec is one clear error naming the file and line, and
// nothing is analyzed or fixed.
func TestBadSpec(t *testing.T) {
	dir, _, _ := petstore(t)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n        '2OO':\n          description: typo\n"), 0o644)
	before, _ := os.ReadFile(filepath.Join(dir, "main.go"))
	out, code := run(t, dir, binary, "-fix", "-codes="+bad, ".")
	if code != 1 || !strings.Contains(out, "bad.yaml:7: GET /pets: response key \"2OO\" is no status code, class (4XX) or default") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "main.go")); string(after) != string(before) {
		t.Error("main.go was changed")
	}
}

// A spec with problems that do not touch statuses (swag's responses: {},
// a schema $ref that names nothing) is used, and each problem is one
// warning with its file and line, before the findings.
func TestSpecWarnings(t *testing.T) {
	dir, _, _ := petstore(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tables", "tolerant", "swag.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "swag.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, binary, "-codes=swag.yaml", ".")
	for _, w := range []string{
		"statuslint: warning: swag.yaml:6: $ref \"#/definitions/model.Owner\" names nothing",
		"statuslint: warning: swag.yaml:26: DELETE /pets/{id} documents no responses; its statuses are not checked",
	} {
		if strings.Count(out, w) != 1 {
			t.Errorf("want once %q:\n%s", w, out)
		}
	}
	if code == 1 || strings.Contains(out, "statuslint: swag.yaml") {
		t.Errorf("the spec was refused: exit %d\n%s", code, out)
	}
}
