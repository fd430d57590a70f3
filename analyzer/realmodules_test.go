package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// realModules are the versions the stubs under testdata/src mirror.
var realModules = map[string]string{
	"github.com/gin-gonic/gin":                     "v1.12.0",
	"github.com/labstack/echo/v4":                  "v4.16.0",
	"github.com/go-chi/render":                     "v1.0.3",
	"github.com/gofiber/fiber/v2":                  "v2.52.15",
	"github.com/gofiber/fiber/v3":                  "v3.1.0",
	"github.com/gorilla/handlers":                  "v1.5.2",
	"github.com/stretchr/testify":                  "v1.12.1",
	"github.com/huaweicloud/huaweicloud-sdk-go-v3": "v0.1.207",
	"github.com/hashicorp/go-retryablehttp":        "v0.7.8",
	"github.com/go-resty/resty/v2":                 "v2.17.2",
	"resty.dev/v3":                                 "v3.0.0-rc.4",
	"github.com/cenkalti/backoff/v4":               "v4.3.0",
	"github.com/cenkalti/backoff/v5":               "v5.0.3",
	"github.com/avast/retry-go/v4":                 "v4.7.0",
	"github.com/sethvargo/go-retry":                "v0.5.0",
	"github.com/failsafe-go/failsafe-go":           "v0.9.8",
}

// TestAgainstRealModules type-checks fixtures against the real modules from
// the module proxy, so the stubs cannot drift from them, and checks that
// statuslint reports exactly the fixtures' // want comments there too.
func TestAgainstRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads modules from the module proxy")
	}
	for _, fixture := range []string{"frameworks", "retry/libs"} {
		t.Run(fixture, func(t *testing.T) {
			dir := realModule(t, fixture)
			checkWants(t, dir, analyzer.New(analyzer.Config{}))
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

var (
	wantComment = regexp.MustCompile(`// want (.*)$`)
	wantPattern = regexp.MustCompile("(\\w+:)?(`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\")")
)

// checkWants runs a on the module in dir and matches its diagnostics with
// the // want comments of the files, the way analysistest does.
func checkWants(t *testing.T, dir string, a *analysis.Analyzer) {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		file string
		line int
	}
	wants := map[key][]*regexp.Regexp{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, p := range wantPattern.FindAllStringSubmatch(m[1], -1) {
				if p[1] != "" {
					continue // a fact, not a diagnostic
				}
				text := p[2][1 : len(p[2])-1]
				if p[2][0] == '"' {
					text, _ = strconv.Unquote(p[2])
				}
				wants[key{filepath.Base(f), i + 1}] = append(wants[key{filepath.Base(f), i + 1}], regexp.MustCompile(text))
			}
		}
	}
	seen := map[string]bool{}
	matches := 0
	for act := range graph.All() {
		if !act.IsRoot || act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			k := key{filepath.Base(posn.Filename), posn.Line}
			id := posn.String() + d.Message
			if seen[id] {
				continue // a file in both the package and its test variant
			}
			seen[id] = true
			matched := false
			for i, rx := range wants[k] {
				if rx.MatchString(d.Message) {
					wants[k] = append(wants[k][:i], wants[k][i+1:]...)
					matched = true
					matches++
					break
				}
			}
			if !matched {
				t.Errorf("%s: unexpected diagnostic: %s", posn, d.Message)
			}
		}
	}
	if matches == 0 {
		t.Error("no diagnostic matched a // want comment")
	}
	for k, rest := range wants {
		for _, rx := range rest {
			t.Errorf("%s:%d: no diagnostic matching %s", k.file, k.line, rx)
		}
	}
}
