package plugin

import (
	"encoding/json"
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
var realWorld = []struct {
	record, module, version string
	patterns                []string
	settings                map[string]any
}{
	{"gin", "github.com/gin-gonic/gin", "v1.12.0", []string{"."}, iana},
	{"huma-v2", "github.com/danielgtaylor/huma/v2", "v2.37.2", []string{"."}, iana},
	{"fasthttp-router", "github.com/fasthttp/router", "v1.5.4", []string{".", "./_examples/hosts"}, iana},
	{"fasthttp", "github.com/valyala/fasthttp", "v1.78.0", []string{"."}, iana},
	{"fiber-v2", "github.com/gofiber/fiber/v2", "v2.52.15", []string{"."}, iana},
	{"fiber-v3", "github.com/gofiber/fiber/v3", "v3.1.0", []string{"."}, iana},
	{"consul-api", "github.com/hashicorp/consul/api", "v1.34.5", []string{"."}, iana},
	{"vault-api", "github.com/hashicorp/vault/api", "v1.23.0", []string{"."}, iana},
	{"retry/vault-api", "github.com/hashicorp/vault/api", "v1.23.0", []string{"."}, retries},
	{"retry/consul-api", "github.com/hashicorp/consul/api", "v1.34.5", []string{"."}, retries},
	{"retry/resty-v2", "github.com/go-resty/resty/v2", "v2.17.2", []string{"."}, retries},
	{"retry/aws-retry", "github.com/aws/aws-sdk-go-v2", "v1.48.0", []string{"./aws/retry"}, retries},
	{"retry/elastic-transport", "github.com/elastic/elastic-transport-go/v8", "v8.11.0", []string{"./elastictransport"}, retries},
	{"retry/azcore", "github.com/Azure/azure-sdk-for-go/sdk/azcore", "v1.24.0", []string{"./runtime"}, retries},
	{"caddy", "github.com/caddyserver/caddy/v2", "v2.11.9", []string{"./modules/caddyhttp", "./modules/caddyhttp/reverseproxy", "./caddyconfig"}, iana},
	{"jaeger", "github.com/jaegertracing/jaeger", "v1.76.0", []string{"./cmd/query/app/apiv3"}, iana},
	{"retry/minio-go", "github.com/minio/minio-go/v7", "v7.4.1", []string{"."}, retries},
	{"retry/caddy", "github.com/caddyserver/caddy/v2", "v2.11.9", []string{"./caddyconfig", "./modules/caddyhttp/reverseproxy"}, retries},
	{"retry/prometheus", "github.com/prometheus/prometheus", "v0.316.0", []string{"./storage/remote"}, retries},
	{"retry/cloud-sdk", "github.com/huaweicloud/huaweicloud-sdk-go-v3", "v0.1.207", []string{"./core/invoker/..."}, retries},
	{"retry/jaeger", "github.com/jaegertracing/jaeger", "v1.76.0", []string{"./crossdock"}, retries},
	{"retry/openai-go", "github.com/openai/openai-go/v3", "v3.98.0", []string{"./internal/requestconfig"}, retries},
	{"retry/client-go", "k8s.io/client-go", "v0.37.2", []string{"./rest"}, retries},
	{"retry/slack-go", "github.com/slack-go/slack", "v0.35.0", []string{".", "./socketmode"}, retries},
	{"retry/godo", "github.com/digitalocean/godo", "v1.237.0", []string{"."}, retries},
	{"retry/stripe-go", "github.com/stripe/stripe-go/v82", "v82.5.1", []string{"."}, retries},
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
	related = regexp.MustCompile(`(; [^;]* at [^ ;]+\.go:\d+)+$`)
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
			dir := moduleCopy(t, rw.module, rw.version, rw.patterns)
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
			for _, f := range golangciFindings(t, bin, dir, rw.settings, rw.patterns) {
				got = append(got, related.ReplaceAllString(checkID.ReplaceAllString(f, ""), ""))
			}
			slices.Sort(got)
			if d := testenv.SetDiff(want, slices.Compact(got)); d != "" {
				t.Errorf("golangci-lint differs from the record (- only the record, + only golangci-lint):\n%s", d)
			}
		})
	}
}

// moduleCopy returns a writable copy of a module's source from the proxy,
// with what patterns need downloaded (golangci-lint runs without the
// proxy).
func moduleCopy(t *testing.T, module, version string, patterns []string) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", module+"@"+version).Output()
	if err != nil {
		t.Fatalf("go mod download %s@%s: %v", module, version, err)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "src")
	if err := os.CopyFS(dir, os.DirFS(info.Dir)); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, _ error) error {
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
	// What the patterns need, with their tests: "all" may name a module
	// the proxy refuses (caddy's netlink fork).
	get := exec.Command("go", append([]string{"list", "-deps", "-test"}, patterns...)...)
	get.Dir, get.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := get.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s@%s: %v\n%s", module, version, err, out)
	}
	return dir
}
