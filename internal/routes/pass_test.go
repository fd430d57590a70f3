package routes_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/routes"
	"github.com/statuslint/statuslint/internal/testenv"
)

// Handlers checked against the operations of an OpenAPI spec, through the
// routes of each router.
func TestFixtures(t *testing.T) {
	testdata := testenv.Testdata("../..")
	spec := filepath.Join(testdata, "specs", "routes.yaml")
	only := func(cfg analyzer.Config) *analysis.Analyzer {
		suite := analyzer.NewSuite(cfg)
		return suite.Only(suite.Routes)
	}
	analysistest.Run(t, testdata, only(analyzer.Config{Codes: spec}), "routes/nethttp", "routes/gin", "routes/echo", "routes/chi", "routes/fiber", "routes/fallbackopen", "routes/gorilla", "routes/httprouter", "routes/split", "routes/fields", "routes/mount", "routes/xapi", "routes/xstrategy", "routes/apiext", "routes/swaggerapi", "routes/carried", "routes/sentinels", "routes/gokit", "routes/ginhanded", "oapi/server")
	// With the other passes: a client's retry judged by its operation's
	// rules (the retry pass); without a default response anywhere, the
	// statuses no route ties judged by the API-wide table (the codes
	// pass).
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: spec}), "routes/client")
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: filepath.Join(testdata, "specs", "nodefault.yaml")}), "routes/fallbackclosed", "routes/testroute")
	// A group handed in, whose routes' paths end as two operations' do.
	analysistest.Run(t, testdata, only(analyzer.Config{Codes: filepath.Join(testdata, "specs", "suffix.yaml")}), "routes/suffix")
	// Routes registered through another package's router type and the
	// functions that register on a router interface they are given.
	analysistest.Run(t, testdata, only(analyzer.Config{Codes: filepath.Join(testdata, "specs", "deprouters.yaml")}), "routes/depapp")
	// go-swagger's configured handlers: their returned responders, and
	// what the generated binder rejects a request with.
	analysistest.Run(t, testdata, only(analyzer.Config{Codes: filepath.Join(testdata, "specs", "swagger.yaml")}), "routes/swaggerapp", "routes/swaggerconf")
}

// The routes pass exports, for each exported function that writes a
// constant status (itself or through its package's functions), what it
// writes: routes/split, which registers them, checks them by it.
func TestHandlerFacts(t *testing.T) {
	testdata := testenv.Testdata("../..")
	suite := analyzer.NewSuite(analyzer.Config{Codes: filepath.Join(testdata, "specs", "routes.yaml")})
	analysistest.Run(t, testdata, suite.Routes, "routes/handlers", "routes/relay", "routes/register", "routes/xrouter", "routes/apifield", "routes/apperr", "routes/service", "routes/sentinelerr", "routes/sentinelstore", "oapi/gen")
	deps := analyzer.NewSuite(analyzer.Config{Codes: filepath.Join(testdata, "specs", "deprouters.yaml")})
	analysistest.Run(t, testdata, deps.Routes, "routes/depweb")
	// go-swagger's operations bound to their handler interfaces, with
	// the statuses their binders reject a request with; a model's and
	// a handler's facts for the packages that use them.
	swagger := analyzer.NewSuite(analyzer.Config{Codes: filepath.Join(testdata, "specs", "swagger.yaml")})
	analysistest.Run(t, testdata, swagger.Routes, "routes/swaggerops", "routes/swaggerhandlers", "routes/swaggermodels")
}

// -routes says how each route was tied: a route whose router's prefix is
// not known here, to the one operation whose path ends as its own does.
func TestListingByEnding(t *testing.T) {
	listing := routesListing(t, "routes/nethttp", "routes/gorilla")
	for _, want := range []string{
		"route DELETE /volumes/{id} -> DELETE /v2/{project_id}/volumes/{volume_id} (deleteVolume, routes.yaml:",
		"route GET /volumes/{id} -> GET /v2/{project_id}/volumes/{volume_id} (showVolume, routes.yaml:",
	} {
		if !slices.ContainsFunc(listing, func(l string) bool {
			return strings.Contains(l, want) && strings.HasSuffix(l, ", the one operation whose path ends as the route's: its router's prefix is not known here)")
		}) {
			t.Errorf("-routes lacks %q by its path's ending:\n%s", want, strings.Join(listing, "\n"))
		}
	}
	// Of several operations' endings, none.
	if slices.ContainsFunc(listing, func(l string) bool { return strings.Contains(l, "route GET /{id} -> GET") }) {
		t.Errorf("-routes ties /{id}, which several operations' paths end as:\n%s", strings.Join(listing, "\n"))
	}
	// Routes built by links say why they are not resolved, and one built
	// whole is tied.
	for _, want := range []string{
		"route POST /v2/{project}/instances -> POST /v2/{project_id}/instances (createInstance, routes.yaml:",
		"-> not resolved (it matches every path below a prefix)",
		"route OPTIONS /* -> not resolved (it matches every path)",
		"-> not resolved (its route is kept in a variable)",
	} {
		if !slices.ContainsFunc(listing, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("-routes lacks %q:\n%s", want, strings.Join(listing, "\n"))
		}
	}
}

// TestListingSibling: -routes says why a literal route is not the
// operation the spec's parameter would give it (a route of its router
// has the parameter there), and ties a literal route that is alone, and
// routes on the router chi's With returns.
func TestListingSibling(t *testing.T) {
	listing := routesListing(t, "routes/chi")
	for _, want := range []string{
		"route GET /v2/{project}/instances/count -> no operation; the spec's parameter would take its literal segment, but the route GET /v2/{project}/instances/{id} (chi.go:",
		"route DELETE /v2/{project}/instances/latest -> DELETE /v2/{project_id}/instances/{instance_id} (deleteInstance, routes.yaml:",
		// chi's With: the router it returns has its router's prefix.
		"route GET /v2/{project}/instances/ -> GET /v2/{project_id}/instances (listInstances, routes.yaml:",
		"route DELETE /v2/{project}/instances/{id} -> DELETE /v2/{project_id}/instances/{instance_id} (deleteInstance, routes.yaml:",
	} {
		if !slices.ContainsFunc(listing, func(l string) bool { return strings.Contains(l, ": "+want) }) {
			t.Errorf("-routes lacks %q:\n%s", want, strings.Join(listing, "\n"))
		}
	}
}

// A router value carries its prefix: known from the constructor that
// leaves it empty and the groups that extend it, not known where the
// value was made with one; a router type learnt from its methods, of
// another package, ties as written at the root.
func TestListingValueRouters(t *testing.T) {
	listing := specListing(t, "deprouters.yaml", "routes/depapp")
	for _, want := range []string{
		"route GET /v1/pets -> GET /v1/pets (listPets, deprouters.yaml:19)",
		"route GET /old/v1/pets -> no operation; beside the API's paths",
		"route GET /legacy/v0/v1/pets -> no operation",
		"route GET /keys -> GET /admin/keys (listKeys, deprouters.yaml:25, the one operation whose path ends as the route's: its router's prefix is not known here)",
	} {
		if !slices.ContainsFunc(listing, func(l string) bool { return strings.Contains(l, ": "+want) }) {
			t.Errorf("-routes lacks %q:\n%s", want, strings.Join(listing, "\n"))
		}
	}
	// A route on a router interface is its callers' to list.
	if slices.ContainsFunc(listing, func(l string) bool { return strings.Contains(l, "route *  (") }) {
		t.Errorf("-routes lists a route registered on a router interface:\n%s", strings.Join(listing, "\n"))
	}
}

// routesListing returns what -routes lists for the fixture packages pkgs
// under testdata/specs/routes.yaml, each line "file.go:line:col: message".
func routesListing(t *testing.T, pkgs ...string) []string {
	t.Helper()
	return specListing(t, "routes.yaml", pkgs...)
}

// specListing is routesListing under testdata/specs/spec.
func specListing(t *testing.T, spec string, pkgs ...string) []string {
	t.Helper()
	testdata := testenv.Testdata("../..")
	a := analyzer.New(analyzer.Config{Codes: filepath.Join(testdata, "specs", spec)})
	if err := a.Flags.Set("routes", "true"); err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, testenv.LoadTestdata(t, testdata, packages.LoadAllSyntax, pkgs...), nil)
	if err != nil {
		t.Fatal(err)
	}
	var listing []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			listing = append(listing, fmt.Sprintf("%s: %s", filepath.Base(act.Package.Fset.Position(d.Pos).String()), d.Message))
		}
	}
	return listing
}

// A package declares routers when its exported API can register a route
// from its parameters or on a router it is given; one that only wraps
// handlers for its callers to register does not.
func TestDeclaresRouters(t *testing.T) {
	testdata := testenv.Testdata("../..")
	for _, p := range testenv.LoadTestdata(t, testdata, packages.NeedTypes|packages.NeedName, "routes/depweb", "routes/depwrap", "routes/xrouter") {
		want := p.PkgPath != "routes/depwrap"
		if got := routes.DeclaresRouters(p.Types); got != want {
			t.Errorf("DeclaresRouters(%s) = %v, want %v", p.PkgPath, got, want)
		}
	}
}
