package plugin

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// gcl is golangci-lint with the plugin, built once for the package's
// tests by golangciLint; gclErr is why it could not be.
var (
	gclOnce sync.Once
	gcl     string
	gclErr  error
)

// golangciLint builds golangci-lint with the plugin (the nested module in
// gcl/, from the module proxy), once, and returns the binary's path.
func golangciLint(t *testing.T) string {
	t.Helper()
	gclOnce.Do(func() {
		dir, err := os.MkdirTemp("", "statuslint-gcl")
		if err != nil {
			gclErr = err
			return
		}
		gcl = filepath.Join(dir, "golangci-lint")
		build := exec.Command("go", "build", "-o", gcl, ".")
		build.Dir = "gcl"
		build.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := build.CombinedOutput(); err != nil {
			gclErr = fmt.Errorf("building golangci-lint with the plugin: %v\n%s", err, out)
		}
	})
	if gclErr != nil {
		t.Fatal(gclErr)
	}
	return gcl
}

// TestMain removes the golangci-lint the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if gcl != "" {
		os.RemoveAll(filepath.Dir(gcl))
	}
	os.Exit(code)
}

// TestGolangciLint builds golangci-lint with the plugin (the nested module
// in gcl/, from the module proxy) and runs it on a fixture module: findings,
// settings (codes, checks), --fix, //nolint and //lint:ignore.
func TestGolangciLint(t *testing.T) {
	testenv.Slow(t, "builds golangci-lint")
	bin := golangciLint(t)

	dir := t.TempDir()
	for _, name := range []string{"a.go", "go.mod", ".golangci.yml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "module", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, int) {
		// Beside another golangci-lint (an editor's, another test's), v2
		// refuses to run without this.
		cmd := exec.Command(bin, append(args[:1:1], append([]string{"--allow-parallel-runners"}, args[1:]...)...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOLANGCI_LINT_CACHE="+t.TempDir())
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}

	out, code := run("run", "./...")
	if code != 1 {
		t.Errorf("golangci-lint run: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		// The check ID is in the message, for //lint:ignore and checks.
		"a.go:6:16: raw status code 404 in WriteHeader: use http.StatusNotFound (SL1001) (statuslint)",
		// The related position is folded into the finding, which stays
		// one issue.
		"a.go:19:6: retrying on 404 (Not Found): common HTTP client practice says to modify the request instead of re-initiating it; the request is sent again at a.go:15 (SL2001) (statuslint)",
		// codes: iana reached the analyzer: under the default table 418 is
		// undocumented, under IANA's it is unused.
		"a.go:7:16: status 418 in WriteHeader is listed as unused by iana",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "(statuslint)"); n != 3 {
		t.Errorf("%d issues, want 3 (one per finding):\n%s", n, out)
	}
	if strings.Contains(out, "a.go:8:") {
		t.Errorf("//nolint:statuslint not honoured:\n%s", out)
	}
	if strings.Contains(out, "a.go:9:") {
		t.Errorf("//lint:ignore SL1001 not honoured:\n%s", out)
	}
	if strings.Contains(out, "a.go:10:") {
		t.Errorf("checks: [all, -SL1004] not honoured:\n%s", out)
	}

	run("run", "--fix", "./...")
	fixed, err := os.ReadFile(filepath.Join(dir, "a.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "w.WriteHeader(http.StatusNotFound)") || !strings.Contains(string(fixed), "w.WriteHeader(400) //nolint:statuslint") || !strings.Contains(string(fixed), "w.WriteHeader(405) //lint:ignore") {
		t.Errorf("--fix result:\n%s", fixed)
	}
	out, _ = run("run", "./...")
	if strings.Contains(out, "raw status code") {
		t.Errorf("fix left a raw literal:\n%s", out)
	}

	// An OpenAPI spec as the table: the Swagger Petstore's server, with
	// codes: swagger.json.
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "testdata", "petstore"))); err != nil {
		t.Fatal(err)
	}
	spec, err := os.ReadFile(filepath.Join("..", "testdata", "specs", "petstore", "swagger.json"))
	if err != nil {
		t.Fatal(err)
	}
	config := "version: \"2\"\nlinters:\n  default: none\n  enable:\n    - statuslint\n  settings:\n    custom:\n      statuslint:\n        type: module\n        settings:\n          codes: swagger.json\n"
	os.WriteFile(filepath.Join(dir, "swagger.json"), spec, 0o644)
	os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644)
	out, code = run("run", ".")
	for _, want := range []string{
		"main.go:49:17: status 409 (Conflict) in WriteHeader is not documented for POST /v2/pet (documented: 405)",
		"main.go:33:17: route GET /v2/store/stats is not in swagger.json",
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("golangci-lint with codes: swagger.json: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}

	// The same table from .statuslint.yaml, which every mode reads: the
	// plugin too, with no codes in .golangci.yml.
	os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(strings.Replace(config, "        settings:\n          codes: swagger.json\n", "", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, ".statuslint.yaml"), []byte("codes: swagger.json\n"), 0o644)
	out, code = run("run", ".")
	if want := "main.go:49:17: status 409 (Conflict) in WriteHeader is not documented for POST /v2/pet (documented: 405)"; code != 1 || !strings.Contains(out, want) {
		t.Errorf("golangci-lint with codes: swagger.json in .statuslint.yaml: exit %d, output lacks %q:\n%s", code, want, out)
	}

	// A user of fasthttp that never imports net/http (fasthttp/router),
	// with its dependencies from the module proxy.
	dl, err := exec.Command("go", "mod", "download", "-json", "github.com/fasthttp/router@v1.5.4").Output()
	if err != nil {
		t.Fatalf("go mod download: %v", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(dl, &mod); err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(mod.Dir)); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(strings.Replace(config, "swagger.json", "iana", 1)), 0o644)
	out, code = run("run", ".")
	if want := "router_test.go:955:34: raw status code 200 in comparison with resp.Header.StatusCode(): use fasthttp.StatusOK (SL1001) (statuslint)"; code != 1 || !strings.Contains(out, want) {
		t.Errorf("golangci-lint on a fasthttp-only package: exit %d, output lacks %q:\n%s", code, want, out)
	}
}
