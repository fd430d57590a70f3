package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// depRouterSpec documents GET /health (200 only) and GET /v1/pets.
const depRouterSpec = `openapi: 3.0.3
info: {title: demo, version: "1"}
paths:
  /health:
    get:
      operationId: health
      responses:
        "200": {description: ok}
  /v1/pets:
    get:
      operationId: listPets
      responses:
        "200": {description: ok}
`

// A dependency module's router type (a ServeMux that puts /v1 before
// every path) and a function that registers on any router it is given
// through an interface (ory/x's httprouterx and healthx): both drivers
// read them for the routes pass's facts, so the module's routes through
// them are tied, and what the dependency's handler writes is checked.
func TestDependencyRouters(t *testing.T) {
	proxy := t.TempDir()
	proxyModule(t, proxy, "dep.example/web", "v1.0.0", map[string]string{
		"web.go": `package web

import (
	"net/http"
	"path"
)

// Router serves every route under /v1.
type Router struct{ *http.ServeMux }

// New returns a Router.
func New() *Router { return &Router{http.NewServeMux()} }

// HandleFunc registers h for p under /v1.
func (r *Router) HandleFunc(p string, h func(http.ResponseWriter, *http.Request)) {
	r.ServeMux.HandleFunc(path.Join("/v1", p), h)
}

type registrar interface {
	HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request))
}

// SetHealth registers the health check on r.
func SetHealth(r registrar) { r.HandleFunc("GET /health", health) }

func health(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("down") != "" {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
`,
	})
	dir := module(t, map[string]string{
		"api.yaml": depRouterSpec,
		"app/app.go": `package app

import (
	"net/http"

	"dep.example/web"
)

// Serve serves the API.
func Serve() error {
	mux := http.NewServeMux()
	web.SetHealth(mux)
	r := web.New()
	r.HandleFunc("GET /pets", pets)
	r.HandleFunc("GET /orders", pets)
	mux.Handle("/v1/", r)
	return http.ListenAndServe(":8080", mux)
}

// Mount registers the health check on whatever router it is given:
// which one, and so where, is not known here.
func Mount(r interface {
	HandleFunc(string, func(http.ResponseWriter, *http.Request))
}) {
	web.SetHealth(r)
}

func pets(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
`,
	})
	writeFile(t, dir, "go.mod", "module demo\n\ngo 1.26\n\nrequire dep.example/web v1.0.0\n")
	env := []string{"GOFLAGS=-mod=mod", "GOPROXY=file://" + filepath.ToSlash(proxy), "GOSUMDB=off", "GONOSUMDB=*", "GOWORK=off"}
	runIn := func(name string, args ...string) string {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	spec := "-codes=" + filepath.Join(dir, "api.yaml")
	routes := runIn(binary, "-routes", spec, "./app")
	for _, want := range []string{
		"app.go:12:16: route GET /health (registered at dep.example/web/web.go:24 by web.SetHealth) -> GET /health (health, api.yaml:5)",
		"app.go:14:15: route GET /v1/pets -> GET /v1/pets (listPets, api.yaml:10)",
		"app.go:15:15: route GET /v1/orders -> no operation",
	} {
		if !strings.Contains(routes, want) {
			t.Errorf("-routes: want %q in\n%s", want, routes)
		}
	}
	if strings.Contains(routes, "route *  (") || strings.Contains(routes, "app.go:25") {
		t.Errorf("-routes: a router of an interface type registers nothing known, got\n%s", routes)
	}
	// The same findings from both drivers: the dependency's 503 for
	// GET /health, and the route the spec lacks.
	findings := func(out string) []string {
		var list []string
		for _, line := range strings.Split(out, "\n") {
			if i := strings.Index(line, "app.go:"); i >= 0 && (strings.Contains(line, "(SL1005)") || strings.Contains(line, "(SL1006)") || strings.Contains(line, "[SL1005]") || strings.Contains(line, "[SL1006]")) {
				list = append(list, line[i:])
			}
		}
		slices.Sort(list)
		return list
	}
	standalone := findings(runIn(binary, spec, "-checks=SL1005,SL1006", "./app"))
	if len(standalone) != 2 || !strings.Contains(standalone[0], "status 503") || !strings.Contains(standalone[1], "route GET /v1/orders is not in api.yaml") {
		t.Errorf("standalone: want the 503 of GET /health and GET /v1/orders not in the spec, got %q", standalone)
	}
	vet := runIn("go", "vet", "-vettool="+binary, spec, "-checks=SL1005,SL1006", "./app")
	t.Logf("go vet:\n%s", vet)
	if got := findings(vet); !slices.Equal(got, standalone) {
		t.Errorf("go vet: want the standalone findings %q, got %q", standalone, got)
	}
}
