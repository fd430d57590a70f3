package table

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An OpenAPI 3.1 spec: operations under every server's base path, exact
// codes, classes, a $ref to another file, and retry guidance from the
// prose and from x-statuslint-retry.
func TestOpenAPI(t *testing.T) {
	tab, err := Load(filepath.Join(fixtures, "openapi", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Spec == nil || tab.Name != "api.yaml" {
		t.Fatalf("no spec, or name %q", tab.Name)
	}
	var got []string
	for _, op := range tab.Spec.Operations {
		got = append(got, op.Method+" "+op.Path+" "+op.Name()+" ["+op.Documented()+"]")
	}
	want := []string{
		"DELETE /beta/{project_id}/instances/{instance_id} deleteInstance [204, 409, 503]",
		"PUT /beta/{project_id}/instances/{instance_id} PUT /beta/{project_id}/instances/{instance_id} [200, 429, 4XX]",
		"DELETE /v2/{project_id}/instances/{instance_id} deleteInstance [204, 409, 503]",
		"PUT /v2/{project_id}/instances/{instance_id} PUT /v2/{project_id}/instances/{instance_id} [200, 429, 4XX]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("operations:\n%q\nwant\n%q", got, want)
	}
	for code, retry := range map[int64]Retry{
		409: RetryUnchanged,       // from the referenced file's prose
		503: RetryNever,           // from the prose
		404: RetryNever,           // the class's x-statuslint-retry
		429: RetryAfterRetryAfter, // its own entry's prose wins over the class
		204: RetryUnspecified,
	} {
		e := tab.Lookup(code)
		if e == nil {
			t.Errorf("%d: not in the table", code)
			continue
		}
		if e.Retry != retry {
			t.Errorf("%d: retry %v, want %v", code, e.Retry, retry)
		}
	}
	if tab.Lookup(499) == nil || tab.Lookup(500) != nil {
		t.Error("the 4XX class is not the table's 400-499")
	}
	op := tab.Spec.Operations[2]
	if op.Line != 11 || !op.Documents(409) || op.Documents(404) {
		t.Errorf("DELETE: line %d, documents 409 %v, 404 %v", op.Line, op.Documents(409), op.Documents(404))
	}
}

// A Swagger 2 spec in YAML: basePath, numeric response keys, default.
func TestSwagger2(t *testing.T) {
	tab, err := Load(filepath.Join(fixtures, "openapi", "swagger.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Spec.Operations) != 1 {
		t.Fatalf("operations: %v", tab.Spec.Operations)
	}
	op := tab.Spec.Operations[0]
	if op.Path != "/api/pets/{id}" || op.ID != "getPet" || !op.Default || !op.Documents(418) || op.Line != 8 {
		t.Errorf("operation: %+v", op)
	}
	if tab.Lookup(404) == nil || tab.Lookup(418) != nil {
		t.Error("the table is the documented codes; default does not widen it")
	}
}

// Routes match operations whatever their parameter syntax; a literal
// segment of the spec wins over a parameter; wildcards match nothing.
// Ending finds the operations a route may be under a prefix that cannot
// be known: those whose path, with or without the base path, ends as the
// route's does.
func TestEnding(t *testing.T) {
	spec := &Spec{}
	for _, p := range [][2]string{{"GET", "/metrics"}, {"GET", "/api/v3/metrics"}, {"POST", "/api/v3/metrics"}, {"GET", "/api/v3/config/{key}"}} {
		spec.Operations = append(spec.Operations, &Operation{Method: p[0], Path: p[1], Segments: Segments(p[1]), Local: Segments(p[1])})
	}
	for _, c := range []struct {
		method, route string
		want          []string
	}{
		{"GET", "/metrics", []string{"GET /metrics", "GET /api/v3/metrics"}},
		{"POST", "/metrics", []string{"POST /api/v3/metrics"}},
		{"GET", "/v3/metrics", []string{"GET /api/v3/metrics"}},
		{"GET", "/config/:name", []string{"GET /api/v3/config/{key}"}},
		{"GET", "/config", nil},
		{"DELETE", "/metrics", nil},
	} {
		var got []string
		for _, op := range spec.Ending(c.method, Segments(c.route)) {
			got = append(got, op.Method+" "+op.Path)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %s: %v, want %v", c.method, c.route, got, c.want)
		}
	}
}

func TestMatch(t *testing.T) {
	spec := &Spec{}
	for _, p := range [][2]string{{"GET", "/pets/{petId}"}, {"GET", "/pets/findByStatus"}, {"DELETE", "/pets/{petId}"},
		{"GET", "/cars/{make}/all"}, {"GET", "/cars/{make}/{id}"}, {"GET", "/cars/{make}/{id}/parts"}, {"GET", "/cars/{make}/all/parts"}} {
		spec.Operations = append(spec.Operations, &Operation{Method: p[0], Path: p[1], Segments: Segments(p[1])})
	}
	for _, c := range []struct {
		method, route string
		want          []string
		ok            bool
	}{
		{"GET", "/pets/:id", []string{"GET /pets/{petId}"}, true},
		{"GET", "/pets/{id:[0-9]+}", []string{"GET /pets/{petId}"}, true},
		{"GET", "/pets/findByStatus", []string{"GET /pets/findByStatus"}, true},
		{"GET", "/pets/mine", []string{"GET /pets/{petId}"}, true},
		{"", "/pets/{id}/", []string{"GET /pets/{petId}", "DELETE /pets/{petId}"}, true},
		{"POST", "/pets/{id}", nil, true},
		{"GET", "/pets/{rest...}", nil, false},
		{"GET", "/pets/*", nil, false},
		{"GET", "/pets/{petId}/{$}", []string{"GET /pets/{petId}"}, true},
		// A literal after a parameter wins too: the first place the
		// paths differ decides.
		{"GET", "/cars/:make/all", []string{"GET /cars/{make}/all"}, true},
		{"GET", "/cars/:make/:id", []string{"GET /cars/{make}/{id}"}, true},
		{"GET", "/cars/bmw/all/parts", []string{"GET /cars/{make}/all/parts"}, true},
		{"GET", "/cars/bmw/x5/parts", []string{"GET /cars/{make}/{id}/parts"}, true},
	} {
		ops, ok := spec.Match(c.method, Segments(c.route))
		var got []string
		for _, op := range ops {
			got = append(got, op.Method+" "+op.Path)
		}
		if ok != c.ok || !slices.Equal(got, c.want) {
			t.Errorf("%s %s: %v %v, want %v %v", c.method, c.route, got, ok, c.want, c.ok)
		}
	}
}

// A route is inside the API where its first segment is the literal first
// segment of an operation's path, with or without the base path; a
// parameter there claims nothing.
func TestCovers(t *testing.T) {
	spec := &Spec{Operations: []*Operation{
		{Method: "GET", Path: "/api/pets", Segments: Segments("/api/pets"), Local: Segments("/pets")},
		{Method: "GET", Path: "/{tenant}/items", Segments: Segments("/{tenant}/items"), Local: Segments("/{tenant}/items")},
	}}
	for route, want := range map[string]bool{
		"/api/users":  true,  // under the base path
		"/pets/:id":   true,  // registered without it
		"/":           false, // a web UI
		"/docs":       false, // beside the API
		"/acme/items": false, // only a parameter would cover it
	} {
		if got := spec.Covers(Segments(route)); got != want {
			t.Errorf("Covers(%s) = %v, want %v", route, got, want)
		}
	}
}

// A spec whose statuses are fine is read whatever else is wrong with it:
// swag's responses: {} for an unannotated handler and schema $refs that
// name nothing are warnings with file and line, and the rest is used.
func TestSpecTolerance(t *testing.T) {
	tab, err := Load(filepath.Join(fixtures, "tolerant", "swag.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"swag.yaml:6: $ref \"#/definitions/model.Owner\" names nothing; statuses do not depend on it, so the spec is read without it",
		"swag.yaml:26: DELETE /pets/{id} documents no responses; its statuses are not checked",
	}
	if len(tab.Warnings) != len(want) {
		t.Fatalf("warnings: %q", tab.Warnings)
	}
	for i, w := range want {
		if !strings.HasSuffix(tab.Warnings[i], w) {
			t.Errorf("warning %d: %q, want ...%q", i, tab.Warnings[i], w)
		}
	}
	get, _ := tab.Spec.Match("GET", Segments("/api/pets"))
	del, _ := tab.Spec.Match("DELETE", Segments("/api/pets/{id}"))
	if len(get) != 1 || !get[0].Documents(404) || get[0].Documents(500) {
		t.Errorf("GET /api/pets: %+v", get)
	}
	if len(del) != 1 || !del[0].Documents(418) {
		t.Errorf("DELETE /api/pets/{id}, which documents nothing, must take every status: %+v", del)
	}

	tab, err = Load(filepath.Join(fixtures, "tolerant", "openapi3.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Warnings) != 2 || !strings.Contains(tab.Warnings[0], "openapi3.yaml:12: $ref \"#/components/schemas/Missing\" names nothing") {
		t.Errorf("warnings: %q", tab.Warnings)
	}
	if e := tab.Lookup(404); e == nil || e.Retry != RetryNever {
		t.Errorf("404 through a response $ref: %+v", e)
	}

	// A spec cut short is a spec's error, not a status table's.
	_, err = Load(filepath.Join(fixtures, "bad", "truncated.json"))
	if err == nil || !strings.Contains(err.Error(), "truncated.json") || !strings.Contains(err.Error(), "cut short") || strings.Contains(err.Error(), "unknown key") {
		t.Errorf("truncated spec: %v", err)
	}
}

// OpenAPI 3.2 specs are read like 3.0 and 3.1 ones.
func TestOpenAPI32(t *testing.T) {
	tab, err := Load(filepath.Join(fixtures, "openapi", "v32.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ops, _ := tab.Spec.Match("GET", Segments("/pets"))
	if len(ops) != 1 || !ops[0].Documents(404) || ops[0].Documents(500) {
		t.Errorf("GET /pets: %+v", ops)
	}
}
