package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite testdata/realworld from the current findings")

// realWorld are the real modules statuslint is measured on, pinned, with
// only the packages each case needs, so that a fresh machine fetches and
// compiles little. Their findings are kept, each with why it is right (a
// reviewer's reading of its source), in testdata/realworld/NAME.txt.
var realWorld = []struct {
	name            string
	module, version string
	patterns        []string
}{
	{"fasthttp", "github.com/valyala/fasthttp", "v1.78.0", []string{"."}},
	{"fiber-v2", "github.com/gofiber/fiber/v2", "v2.52.15", []string{"."}},
	{"fiber-v3", "github.com/gofiber/fiber/v3", "v3.1.0", []string{"."}},
	{"huma-v2", "github.com/danielgtaylor/huma/v2", "v2.37.2", []string{"."}},
	{"consul-api", "github.com/hashicorp/consul/api", "v1.34.5", []string{"."}},
	{"vault-api", "github.com/hashicorp/vault/api", "v1.23.0", []string{"."}},
	{"gin", "github.com/gin-gonic/gin", "v1.12.0", []string{"."}},
	{"caddy", "github.com/caddyserver/caddy/v2", "v2.11.9", []string{"./modules/caddyhttp", "./modules/caddyhttp/reverseproxy", "./caddyconfig"}},
	// tryHandleError(w, nil, 0): a partial wrapper parameter, no finding.
	{"jaeger", "github.com/jaegertracing/jaeger", "v1.76.0", []string{"./cmd/query/app/apiv3"}},
	// A user of fasthttp that never imports net/http: a router and its
	// example. Before the reach gate knew fasthttp, nothing was checked.
	{"fasthttp-router", "github.com/fasthttp/router", "v1.5.4", []string{".", "./_examples/hosts"}},
}

// A package that reaches HTTP through fasthttp alone is checked under go
// vet too, where each package is a process of its own and its
// dependencies come from export data.
func TestFasthttpOnlyVet(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	dir := moduleCopy(t, "github.com/fasthttp/router", "v1.5.4")
	cmd := exec.Command("go", "vet", "-vettool="+binary, "-codes=iana", ".", "./_examples/hosts")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"hosts.go:34:26: raw status code 403 in Error: use fasthttp.StatusForbidden",
		"router_test.go:955:34: raw status code 200 in comparison with resp.Header.StatusCode(): use fasthttp.StatusOK",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go vet output lacks %q:\n%s", want, out)
		}
	}
}

// TestRealWorld runs statuslint as users do on real modules from the
// module proxy, compares every finding with the ones on record, then
// applies the fixes and checks that the packages still build and have
// nothing left to fix.
func TestRealWorld(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	for _, rw := range realWorld {
		t.Run(rw.name, func(t *testing.T) {
			dir := moduleCopy(t, rw.module, rw.version)
			args := append([]string{"-json", "-codes=iana"}, rw.patterns...)
			got := realFindings(t, dir, args)
			oneAnswer(t, dir, args, rw.patterns, got)
			// The same again: a linter in CI says the same every run.
			if again := realFindings(t, dir, args); !slices.Equal(got, again) {
				t.Errorf("a second run differs:\n%s", lineDiff(strings.Join(got, "\n"), strings.Join(again, "\n")))
			}
			// Every finding on record was read at its source by a
			// reviewer, who wrote why it is right; -update keeps those
			// reasons and records a new finding unjudged, which fails
			// until someone reads it.
			header := fmt.Sprintf("# statuslint %s in %s %s\n# Every finding, read at its source by a reviewer, with why it is right.\n", strings.Join(args[1:], " "), rw.module, rw.version)
			compareJudged(t, filepath.Join("testdata", "realworld", rw.name+".txt"), header, got)

			// The fixes build, tests included, and leave nothing to fix.
			fix := exec.Command(binary, append([]string{"-fix", "-codes=iana"}, rw.patterns...)...)
			fix.Dir, fix.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod")
			if out, err := fix.CombinedOutput(); err != nil {
				t.Fatalf("statuslint -fix: %v\n%s", err, out)
			}
			build := exec.Command("go", append([]string{"test", "-vet=off", "-count=1", "-run=^$"}, rw.patterns...)...)
			build.Dir, build.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod")
			if out, err := build.CombinedOutput(); err != nil {
				t.Errorf("the fixed packages do not build with their tests: %v\n%s", err, out)
			}
			fixable := regexp.MustCompile(`: raw status code \d+ in .*: use \S+$`)
			for _, f := range realFindings(t, dir, args) {
				if fixable.MatchString(f) {
					t.Errorf("left to fix after -fix: %s", f)
				}
			}
		})
	}
}

// moduleCopy returns a writable copy of a module's source from the proxy.
func moduleCopy(t testing.TB, module, version string) string {
	return testenv.ModuleCopy(t, module, version, "")
}

// realFindings runs statuslint with args in dir, env added to its
// environment, and returns its findings as
// "file:line:col: message", file relative to dir, sorted and once each.
func realFindings(t *testing.T, dir string, args []string, env ...string) []string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("statuslint %v: %v\n%s", args, err, stderr.String())
	}
	if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "statuslint: ") {
		t.Errorf("statuslint %v said more than its findings:\n%s", args, stderr.String())
	}
	return testenv.JSONFindings(t, out, dir)
}
