package plugin

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// realWorld are real-world cases of the binary's TestRealWorld and
// TestRealWorldRetry that golangci-lint is held to as well: their
// findings on record (cmd/statuslint/testdata/realworld/RECORD.txt, every
// one judged) are what golangci-lint with the plugin must report, no
// more, no less.
//
// Two of the binary's records are not run here, for CI's time, not for
// what they test: retry/openai-go (golangci-lint type-checks the
// module's 300-file generated root package from source, over two
// minutes, and holds no mechanism the other retry cases do not) and
// sdk/prometheus-discovery-no404 (the same packages as
// sdk/prometheus-discovery under another table file; a table given to
// the plugin is held to the binary in TestGolangciLintOneAnswer).
var realWorld = []struct {
	record, module, version string
	patterns                []string
	settings                map[string]any
	// spec, a path in the module or "module@version/path" for one that
	// another module publishes, is the table (settings' codes); sum pins
	// a module the checksum database does not list; prepare makes the
	// copy build; env is added to golangci-lint's environment.
	spec    string
	sum     string
	prepare func(dir string) error
	env     []string
}{
	{record: "gin", module: "github.com/gin-gonic/gin", version: "v1.12.0", patterns: []string{"."}, settings: iana},
	{record: "huma-v2", module: "github.com/danielgtaylor/huma/v2", version: "v2.37.2", patterns: []string{"."}, settings: iana},
	{record: "fasthttp-router", module: "github.com/fasthttp/router", version: "v1.5.4", patterns: []string{".", "./_examples/hosts"}, settings: iana},
	{record: "fasthttp", module: "github.com/valyala/fasthttp", version: "v1.78.0", patterns: []string{"."}, settings: iana},
	{record: "fiber-v2", module: "github.com/gofiber/fiber/v2", version: "v2.52.15", patterns: []string{"."}, settings: iana},
	{record: "fiber-v3", module: "github.com/gofiber/fiber/v3", version: "v3.1.0", patterns: []string{"."}, settings: iana},
	{record: "consul-api", module: "github.com/hashicorp/consul/api", version: "v1.34.5", patterns: []string{"."}, settings: iana},
	{record: "vault-api", module: "github.com/hashicorp/vault/api", version: "v1.23.0", patterns: []string{"."}, settings: iana},
	{record: "retry/vault-api", module: "github.com/hashicorp/vault/api", version: "v1.23.0", patterns: []string{"."}, settings: retries},
	{record: "retry/consul-api", module: "github.com/hashicorp/consul/api", version: "v1.34.5", patterns: []string{"."}, settings: retries},
	{record: "retry/resty-v2", module: "github.com/go-resty/resty/v2", version: "v2.17.2", patterns: []string{"."}, settings: retries},
	{record: "retry/aws-retry", module: "github.com/aws/aws-sdk-go-v2", version: "v1.48.0", patterns: []string{"./aws/retry"}, settings: retries},
	{record: "retry/elastic-transport", module: "github.com/elastic/elastic-transport-go/v8", version: "v8.11.0", patterns: []string{"./elastictransport"}, settings: retries},
	{record: "retry/azcore", module: "github.com/Azure/azure-sdk-for-go/sdk/azcore", version: "v1.24.0", patterns: []string{"./runtime"}, settings: retries},
	{record: "caddy", module: "github.com/caddyserver/caddy/v2", version: "v2.11.9", patterns: []string{"./modules/caddyhttp", "./modules/caddyhttp/reverseproxy", "./caddyconfig"}, settings: iana},
	{record: "jaeger", module: "github.com/jaegertracing/jaeger", version: "v1.76.0", patterns: []string{"./cmd/query/app/apiv3"}, settings: iana},
	{record: "retry/minio-go", module: "github.com/minio/minio-go/v7", version: "v7.4.1", patterns: []string{"."}, settings: retries},
	{record: "retry/caddy", module: "github.com/caddyserver/caddy/v2", version: "v2.11.9", patterns: []string{"./caddyconfig", "./modules/caddyhttp/reverseproxy"}, settings: retries},
	{record: "retry/prometheus", module: "github.com/prometheus/prometheus", version: "v0.316.0", patterns: []string{"./storage/remote"}, settings: retries},
	{record: "retry/cloud-sdk", module: "github.com/huaweicloud/huaweicloud-sdk-go-v3", version: "v0.1.207", patterns: []string{"./core/invoker/..."}, settings: retries},
	{record: "retry/jaeger", module: "github.com/jaegertracing/jaeger", version: "v1.76.0", patterns: []string{"./crossdock"}, settings: retries},
	{record: "retry/client-go", module: "k8s.io/client-go", version: "v0.37.2", patterns: []string{"./rest"}, settings: retries},
	{record: "retry/slack-go", module: "github.com/slack-go/slack", version: "v0.35.0", patterns: []string{".", "./socketmode"}, settings: retries},
	{record: "retry/godo", module: "github.com/digitalocean/godo", version: "v1.237.0", patterns: []string{"."}, settings: retries},
	{record: "retry/stripe-go", module: "github.com/stripe/stripe-go/v82", version: "v82.5.1", patterns: []string{"."}, settings: retries},
	{record: "sdk/prometheus-discovery", module: "github.com/prometheus/prometheus", version: "v0.316.0",
		patterns: []string{"./discovery/azure", "./discovery/aws", "./discovery/gce"}, settings: map[string]any{}},
	{record: "spec/jaeger", module: "github.com/jaegertracing/jaeger", version: "v1.76.0", patterns: []string{"./cmd/query/app/apiv3"},
		settings: map[string]any{}, spec: "github.com/jaegertracing/jaeger-idl@v0.6.0/swagger/api_v3/query_service.swagger.json"},
	{record: "spec/oapi-codegen-petstore", module: "github.com/deepmap/oapi-codegen", version: "v1.12.4", patterns: []string{"./examples/petstore-expanded/..."},
		settings: map[string]any{}, spec: "examples/petstore-expanded/petstore-expanded.yaml"},
	{record: "spec/swag-basic", module: "github.com/swaggo/swag", version: "v1.16.6", patterns: []string{"./example/basic/..."},
		settings: map[string]any{}, spec: "example/basic/docs/swagger/swagger.yaml"},
	{record: "spec/gotify", module: "github.com/gotify/server/v2", version: "v2.6.3", sum: "h1:2sLDRsQ/No1+hcFwFDvjNtwKepfCSIR8L3BkXl/Vz1I=",
		patterns: []string{"./router", "./api/...", "./ui", "./plugin"}, spec: "docs/spec.json",
		settings: map[string]any{"checks": []string{"SL1002", "SL1003", "SL1005", "SL1006"}},
		// ui embeds the web UI's build, which the zip has not.
		prepare: testenv.GotifyUI,
		env:     []string{"CGO_ENABLED=0"}},
}

// iana and retries are the settings of the two kinds of record: the
// binary's -codes=iana, and -checks=SL2001,SL2002 with the default table.
var (
	iana    = map[string]any{"codes": "iana"}
	retries = map[string]any{"checks": []string{"SL2001", "SL2002"}}
)

// checkID is the " (SL1001)" the plugin ends a message with; related is
// each related position it folds into the message.
var (
	checkID = regexp.MustCompile(` \(SL\d{4}\)$`)
	related = regexp.MustCompile(`(; [^;]* at [^ ;]+:\d+)+$`)
)

// TestGolangciLintRealWorld runs golangci-lint with the plugin on real
// modules from the proxy and compares its findings with the records the
// standalone binary is held to: one answer in every mode, on code no test
// of ours wrote.
func TestGolangciLintRealWorld(t *testing.T) {
	testenv.Slow(t, "builds golangci-lint and fetches real modules from the module proxy")
	bin := golangciLint(t)
	for _, rw := range realWorld {
		t.Run(rw.record, func(t *testing.T) {
			dir := testenv.ModuleCopy(t, rw.module, rw.version, rw.sum)
			if rw.prepare != nil {
				if err := rw.prepare(dir); err != nil {
					t.Fatal(err)
				}
			}
			fetch(t, dir, rw.patterns)
			settings := maps.Clone(rw.settings)
			switch {
			case strings.HasPrefix(rw.record, "sdk/") && rw.spec != "":
				// A table of this repository's testdata.
				abs, err := filepath.Abs(filepath.Join("..", rw.spec))
				if err != nil {
					t.Fatal(err)
				}
				settings["codes"] = abs
			case strings.Contains(rw.spec, "@"):
				// A spec another module publishes.
				mod, file, _ := strings.Cut(rw.spec, "/swagger/")
				settings["codes"] = filepath.Join(testenv.ModuleDir(t, mod, ""), "swagger", file)
			case rw.spec != "":
				settings["codes"] = rw.spec
			}
			var want []string
			data, err := os.ReadFile(filepath.Join("..", "cmd", "statuslint", "testdata", "realworld", rw.record+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "\t") {
					want = append(want, line)
				}
			}
			var got []string
			// GOWORK=off: a module's own go.work (prometheus's) names
			// modules its zip does not hold.
			for _, f := range golangciFindings(t, bin, dir, settings, rw.patterns, append([]string{"GOWORK=off"}, rw.env...)...) {
				got = append(got, related.ReplaceAllString(checkID.ReplaceAllString(f, ""), ""))
			}
			slices.Sort(got)
			if d := testenv.SetDiff(want, slices.Compact(got)); d != "" {
				t.Errorf("golangci-lint differs from the record (- only the record, + only golangci-lint):\n%s", d)
			}
		})
	}
}

// fetch downloads what patterns need in the module at dir, with their
// tests, for golangci-lint and the binary, which run without the proxy
// ("all" may name a module the proxy refuses: caddy's netlink fork);
// build are build flags (-tags). It asks without cgo, then with it: a
// file only cgo builds may import a module of its own (datadog's
// api/datadog/zstd.go imports github.com/DataDog/zstd), which the runs
// with cgo on need, and which a cold module cache lacks otherwise. Only
// the first must succeed.
func fetch(t *testing.T, dir string, patterns []string, build ...string) {
	t.Helper()
	for _, cgo := range []string{"CGO_ENABLED=0", "CGO_ENABLED=1"} {
		get := exec.Command("go", slices.Concat([]string{"list", "-deps", "-test"}, build, patterns)...)
		get.Dir, get.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", cgo)
		if out, err := get.CombinedOutput(); err != nil {
			if cgo == "CGO_ENABLED=0" {
				t.Fatalf("go list in %s: %v\n%s", dir, err, out)
			}
			t.Logf("go list with cgo in %s: %v (the runs with cgo may lack a module)\n%s", dir, err, out)
		}
	}
}

// TestGolangciLintSinkTruth holds golangci-lint with the plugin to the
// binary's SL1001 findings on the sink ground-truth cases, which the
// binary's TestSinkTruth scores against the truth read by hand: one
// answer on application code no test of ours wrote.
func TestGolangciLintSinkTruth(t *testing.T) {
	testenv.Slow(t, "builds golangci-lint and fetches real application modules from the module proxy")
	bin := golangciLint(t)
	statuslint := filepath.Join(t.TempDir(), "statuslint")
	if out, err := exec.Command("go", "build", "-o", statuslint, "../cmd/statuslint").CombinedOutput(); err != nil {
		t.Fatalf("building statuslint: %v\n%s", err, out)
	}
	for _, st := range testenv.SinkTruth {
		t.Run(st.Name, func(t *testing.T) {
			dir := testenv.ModuleCopy(t, st.Module, st.Version, "")
			var build []string
			env := []string{"GOWORK=off"}
			if st.Tags != "" {
				build = []string{"-tags=" + st.Tags}
				env = append(env, "GOFLAGS=-tags="+st.Tags)
			}
			fetch(t, dir, st.Patterns, build...)
			want := standaloneFindings(t, statuslint, dir, slices.Concat([]string{"-json", "-checks=SL1001"}, build, st.Patterns))
			if len(want) == 0 {
				t.Fatal("the binary reports nothing: the case tests nothing")
			}
			var got []string
			for _, f := range golangciFindings(t, bin, dir, map[string]any{"checks": []string{"SL1001"}}, st.Patterns, env...) {
				got = append(got, related.ReplaceAllString(checkID.ReplaceAllString(f, ""), ""))
			}
			slices.Sort(got)
			if d := testenv.SetDiff(want, slices.Compact(got)); d != "" {
				t.Errorf("golangci-lint differs from the binary (- only the binary, + only golangci-lint):\n%s", d)
			}
			t.Logf("%d findings of the binary", len(want))
		})
	}
}

// retryTruthNotRun are the retry ground-truth modules that golangci-lint
// is not held to, for CI's time: each makes golangci-lint type-check a
// generated package of hundreds of files from source (five and two and a
// half minutes), while the binary's TestRetryTruth scores them, go vet
// included, and no mechanism of theirs is missing from the other cases.
var retryTruthNotRun = map[string]string{
	"anthropic": "golangci-lint type-checks the SDK's generated root package from source (five minutes); TestRetryTruth scores it",
	"okta":      "golangci-lint type-checks the SDK's generated okta package from source (two and a half minutes); TestRetryTruth scores it",
}

// TestGolangciLintRetryTruth holds golangci-lint with the plugin to the
// binary's SL2001 and SL2002 findings on the retry ground-truth modules,
// which the binary's TestRetryTruth scores against the truth read by
// hand: one answer on SDK code no test of ours wrote.
func TestGolangciLintRetryTruth(t *testing.T) {
	testenv.Slow(t, "builds golangci-lint and fetches real SDK modules from the module proxy")
	cases, err := testenv.RetryTruth(filepath.Join("..", filepath.FromSlash(testenv.RetryTruthDir)))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no retry ground truth read: the test tests nothing")
	}
	for name := range retryTruthNotRun {
		if !slices.ContainsFunc(cases, func(rc testenv.RetryTruthCase) bool { return rc.Name == name }) {
			t.Errorf("retryTruthNotRun names %s, which has no retry ground truth", name)
		}
	}
	bin := golangciLint(t)
	statuslint := filepath.Join(t.TempDir(), "statuslint")
	if out, err := exec.Command("go", "build", "-o", statuslint, "../cmd/statuslint").CombinedOutput(); err != nil {
		t.Fatalf("building statuslint: %v\n%s", err, out)
	}
	found := 0
	for _, rc := range cases {
		t.Run(rc.Name, func(t *testing.T) {
			if why, ok := retryTruthNotRun[rc.Name]; ok {
				t.Skip(why)
			}
			dir := testenv.ModuleCopy(t, rc.Module, rc.Version, "")
			fetch(t, dir, rc.Patterns)
			want := standaloneFindings(t, statuslint, dir, append([]string{"-json", "-checks=SL2001,SL2002"}, rc.Patterns...))
			found += len(want)
			var got []string
			for _, f := range golangciFindings(t, bin, dir, retries, rc.Patterns, "GOWORK=off") {
				got = append(got, related.ReplaceAllString(checkID.ReplaceAllString(f, ""), ""))
			}
			slices.Sort(got)
			if d := testenv.SetDiff(want, slices.Compact(got)); d != "" {
				t.Errorf("golangci-lint differs from the binary (- only the binary, + only golangci-lint):\n%s", d)
			}
		})
	}
	if found == 0 {
		t.Error("the binary reports nothing on the retry ground truth: the test tests nothing")
	}
}

// standaloneFindings runs the statuslint binary with args (-json among
// them) in dir and returns its findings as "file:line:col: message",
// relative to dir, sorted.
func standaloneFindings(t *testing.T, bin, dir string, args []string) []string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("statuslint %v: %v\n%s", args, err, stderr.String())
	}
	return testenv.JSONFindings(t, out, dir)
}
