package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
)

// Handlers checked against the operations of an OpenAPI spec, through the
// routes of each router.
func TestRoutes(t *testing.T) {
	spec := filepath.Join(testdata, "specs", "routes.yaml")
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: spec}), "routes/nethttp", "routes/gin", "routes/echo", "routes/chi", "routes/fiber", "routes/client")
}
