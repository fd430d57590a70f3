package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// realModules are the versions the stubs under testdata/src mirror.
var realModules = map[string]string{
	"github.com/gin-gonic/gin":                     "v1.12.0",
	"github.com/labstack/echo/v4":                  "v4.16.0",
	"github.com/go-chi/render":                     "v1.0.3",
	"github.com/go-chi/chi/v5":                     "v5.5.0",
	"github.com/gofiber/fiber/v2":                  "v2.52.15",
	"github.com/gofiber/fiber/v3":                  "v3.1.0",
	"github.com/valyala/fasthttp":                  "v1.78.0",
	"github.com/onsi/gomega":                       "v1.44.0",
	"github.com/frankban/quicktest":                "v1.14.6",
	"github.com/matryer/is":                        "v1.4.1",
	"gotest.tools/v3":                              "v3.5.2",
	"github.com/gorilla/handlers":                  "v1.5.2",
	"github.com/gorilla/mux":                       "v1.8.1",
	"github.com/julienschmidt/httprouter":          "v1.3.0",
	"github.com/stretchr/testify":                  "v1.12.1",
	"github.com/jarcoal/httpmock":                  "v1.4.2",
	"github.com/h2non/gock":                        "v1.2.0",
	"github.com/gavv/httpexpect/v2":                "v2.17.0",
	"github.com/steinfletcher/apitest":             "v1.5.11",
	"github.com/huaweicloud/huaweicloud-sdk-go-v3": "v0.1.207",
	"github.com/hashicorp/go-retryablehttp":        "v0.7.8",
	"github.com/go-resty/resty/v2":                 "v2.17.2",
	"resty.dev/v3":                                 "v3.0.0-rc.4",
	"github.com/cenkalti/backoff/v4":               "v4.3.0",
	"github.com/cenkalti/backoff/v5":               "v5.0.3",
	"github.com/avast/retry-go/v4":                 "v4.7.0",
	"github.com/sethvargo/go-retry":                "v0.5.0",
	"github.com/failsafe-go/failsafe-go":           "v0.9.8",
	// SDKs whose errors carry statuses.
	"google.golang.org/api":                        "v0.312.0",
	"github.com/aws/smithy-go":                     "v1.28.9",
	"github.com/aws/aws-sdk-go-v2/service/sqs":     "v1.53.0",
	"github.com/aws/aws-sdk-go":                    "v1.55.8",
	"github.com/Azure/azure-sdk-for-go/sdk/azcore": "v1.24.0",
	"k8s.io/apimachinery":                          "v0.37.2",
	"k8s.io/api":                                   "v0.37.2",
	"k8s.io/client-go":                             "v0.37.2",
	"github.com/emicklei/go-restful/v3":            "v3.14.0",
	"github.com/go-openapi/runtime":                "v0.33.4",
}

// TestAgainstRealModules type-checks fixtures against the real modules from
// the module proxy, so the stubs cannot drift from them, and checks that
// statuslint reports exactly the fixtures' // want comments there too.
func TestAgainstRealModules(t *testing.T) {
	testenv.Slow(t, "downloads modules from the module proxy")
	spec := filepath.Join(testdata, "specs", "routes.yaml")
	for _, fixture := range []string{"frameworks", "retry/libs", "sdkerrors", "restfulapp", "routes/gin", "routes/echo", "routes/chi", "routes/fiber", "routes/gorilla", "routes/httprouter"} {
		t.Run(fixture, func(t *testing.T) {
			dir := realModule(t, fixture)
			// analysistest's module mode loads the module offline, from the
			// cache realModule filled.
			cfg := analyzer.Config{}
			if strings.HasPrefix(fixture, "routes/") {
				cfg.Codes = spec
			}
			analysistest.Run(t, dir, analyzer.New(cfg), "./...")
		})
	}
}

// realModule copies the fixture package into a new module that requires
// realModules, and builds it with its tests.
func realModule(t *testing.T, fixture string) string {
	t.Helper()
	dir := t.TempDir()
	var gomod strings.Builder
	gomod.WriteString("module integ\n\ngo 1.26\n\nrequire (\n")
	for m, v := range realModules {
		gomod.WriteString("\t" + m + " " + v + "\n")
	}
	gomod.WriteString(")\n")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testdata, "src", fixture, "*.go"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// go vet resolves the modules and type-checks the fixture with its
	// tests. (go mod tidy would also resolve the tests of dependencies,
	// some of which do not build together.)
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet in the real-module copy of %s: %v\n%s", fixture, err, out)
	}
	return dir
}
