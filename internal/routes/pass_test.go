package routes_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// Handlers checked against the operations of an OpenAPI spec, through the
// routes of each router.
func TestFixtures(t *testing.T) {
	testdata := testenv.Testdata("../..")
	spec := filepath.Join(testdata, "specs", "routes.yaml")
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: spec}), "routes/nethttp", "routes/gin", "routes/echo", "routes/chi", "routes/fiber", "routes/client", "routes/fallbackopen", "routes/gorilla", "routes/httprouter", "routes/split", "oapi/server")
	// Without a default response anywhere, the API-wide table holds.
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: filepath.Join(testdata, "specs", "nodefault.yaml")}), "routes/fallbackclosed")
	// A group handed in, whose routes' paths end as two operations' do.
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: filepath.Join(testdata, "specs", "suffix.yaml")}), "routes/suffix")
}

// The routes pass exports, for each exported function that writes a
// constant status (itself or through its package's functions), what it
// writes: routes/split, which registers them, checks them by it.
func TestHandlerFacts(t *testing.T) {
	testdata := testenv.Testdata("../..")
	suite := analyzer.NewSuite(analyzer.Config{Codes: filepath.Join(testdata, "specs", "routes.yaml")})
	analysistest.Run(t, testdata, suite.Routes, "routes/handlers", "oapi/gen")
}
