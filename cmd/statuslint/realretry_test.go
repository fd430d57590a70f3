package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// retryWorld are the real clients the retry check is measured on, pinned,
// with the packages that hold their retries. Their retry findings under
// the default table are kept in testdata/realworld/retry/NAME.txt, each
// judged by reading the code, with the re-sends the check is known to
// miss.
var retryWorld = []struct {
	name            string
	module, version string
	patterns        []string
}{
	{"vault-api", "github.com/hashicorp/vault/api", "v1.23.0", []string{"."}},
	{"consul-api", "github.com/hashicorp/consul/api", "v1.34.5", []string{"."}},
	{"minio-go", "github.com/minio/minio-go/v7", "v7.4.1", []string{"."}},
	{"caddy", "github.com/caddyserver/caddy/v2", "v2.11.9", []string{"./caddyconfig", "./modules/caddyhttp/reverseproxy"}},
	{"prometheus", "github.com/prometheus/prometheus", "v0.316.0", []string{"./storage/remote"}},
	{"aws-retry", "github.com/aws/aws-sdk-go-v2", "v1.48.0", []string{"./aws/retry"}},
	{"resty-v2", "github.com/go-resty/resty/v2", "v2.17.2", []string{"."}},
	{"cloud-sdk", "github.com/huaweicloud/huaweicloud-sdk-go-v3", "v0.1.207", []string{"./core/invoker/..."}},
	{"jaeger", "github.com/jaegertracing/jaeger", "v1.76.0", []string{"./crossdock"}},
	// SDKs the check was not built against (issue: the retry check on the
	// clients SDKs are made of).
	{"openai-go", "github.com/openai/openai-go/v3", "v3.98.0", []string{"./internal/requestconfig"}},
	{"client-go", "k8s.io/client-go", "v0.37.2", []string{"./rest"}},
	{"slack-go", "github.com/slack-go/slack", "v0.35.0", []string{".", "./socketmode"}},
	{"elastic-transport", "github.com/elastic/elastic-transport-go/v8", "v8.11.0", []string{"./elastictransport"}},
	{"azcore", "github.com/Azure/azure-sdk-for-go/sdk/azcore", "v1.24.0", []string{"./runtime"}},
	// SDKs that retry through a library (godo: go-retryablehttp with a
	// CheckRetry of its own) or by hand (stripe-go).
	{"godo", "github.com/digitalocean/godo", "v1.237.0", []string{"."}},
	{"stripe-go", "github.com/stripe/stripe-go/v82", "v82.5.1", []string{"."}},
}

// unjudged marks a finding no one has read yet.
const unjudged = "UNJUDGED: read the code, then say why this finding is true"

// TestRealWorldRetry runs the retry checks with the default table on real
// clients and compares every finding with the judged ones on record.
// -update re-records the findings, keeping the reasons of those that stay
// and the notes on misses; a new finding is recorded unjudged and fails
// until someone judges it.
func TestRealWorldRetry(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	for _, rw := range retryWorld {
		t.Run(rw.name, func(t *testing.T) {
			dir := moduleCopy(t, rw.module, rw.version)
			args := append([]string{"-json", "-checks=SL2001,SL2002"}, rw.patterns...)
			header := fmt.Sprintf("# statuslint %s in %s %s (the default table)\n# Every retry finding, judged by reading the code; \"# miss:\" lines are\n# re-sends the check does not find, \"# note:\" lines say why none is.\n", strings.Join(args[1:], " "), rw.module, rw.version)
			got := realFindings(t, dir, args)
			compareJudged(t, filepath.Join("testdata", "realworld", "retry", rw.name+".txt"), header, got)
			oneAnswer(t, dir, args, rw.patterns, got)
		})
	}
}

// specWorld are real servers with the OpenAPI spec they implement, pinned:
// a gateway whose spec another module publishes, oapi-codegen's generated
// servers (chi, echo, gin, gorilla, strict) with the hand-written handlers
// that implement them, a swag-annotated net/http example, and an
// application: gotify's server, a gin service whose routes (in router)
// register the handlers of another package (api) on groups and chains,
// with the Swagger 2 spec go-swagger writes from its comments. For each,
// the findings and (with routes) the -routes listing are on record in
// testdata/realworld/spec, every line judged.
var specWorld = []struct {
	name            string
	module, version string
	// sum pins the module's hash where the checksum database lists it
	// not.
	sum string
	// spec is the spec's path: in the module, or "module@version/path"
	// for one another module publishes.
	spec     string
	patterns []string
	// routes records the -routes listing too.
	routes bool
	// prepare makes the copy build: files its module zip leaves out.
	prepare func(dir string) error
	// env is added to statuslint's environment.
	env []string
	// checks, if set, limits the findings to the spec's checks: an
	// application's raw literals are TestRealWorld's business.
	checks string
}{
	{name: "jaeger", module: "github.com/jaegertracing/jaeger", version: "v1.76.0",
		spec: "github.com/jaegertracing/jaeger-idl@v0.6.0/swagger/api_v3/query_service.swagger.json", patterns: []string{"./cmd/query/app/apiv3"}, routes: true},
	{name: "oapi-codegen-petstore", module: "github.com/deepmap/oapi-codegen", version: "v1.12.4",
		spec: "examples/petstore-expanded/petstore-expanded.yaml", patterns: []string{"./examples/petstore-expanded/..."}, routes: true},
	{name: "swag-basic", module: "github.com/swaggo/swag", version: "v1.16.6",
		spec: "example/basic/docs/swagger/swagger.yaml", patterns: []string{"./example/basic/..."}, routes: true},
	{name: "gotify", module: "github.com/gotify/server/v2", version: "v2.6.3", sum: "h1:2sLDRsQ/No1+hcFwFDvjNtwKepfCSIR8L3BkXl/Vz1I=",
		spec: "docs/spec.json", patterns: []string{"./router", "./api/...", "./ui", "./plugin"}, routes: true,
		// The web UI is built into ui/build before a release; the zip
		// has none, and ui embeds build/*.
		prepare: testenv.GotifyUI,
		// Without cgo, go-sqlite3 builds as a stub in seconds; statuslint
		// needs only its types.
		env: []string{"CGO_ENABLED=0"}, checks: "SL1002,SL1003,SL1005,SL1006"},
}

// TestRealWorldSpec runs statuslint with a real API's OpenAPI spec on the
// real server that implements it, and compares every finding, and every
// route's mapping, with the judged ones on record in
// testdata/realworld/spec.
func TestRealWorldSpec(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	for _, sw := range specWorld {
		t.Run(sw.name, func(t *testing.T) {
			dir := testenv.ModuleCopy(t, sw.module, sw.version, sw.sum)
			if sw.prepare != nil {
				if err := sw.prepare(dir); err != nil {
					t.Fatal(err)
				}
			}
			spec := filepath.Join(dir, sw.spec)
			if mod, rest, ok := strings.Cut(sw.spec, "@"); ok {
				version, path, _ := strings.Cut(rest, "/")
				spec = filepath.Join(moduleCopy(t, mod, version), path)
			}
			for _, listing := range []bool{false, true} {
				if listing && !sw.routes {
					continue
				}
				args := []string{"-json", "-codes=" + spec}
				shown := ""
				if sw.checks != "" {
					args = append(args, "-checks="+sw.checks)
					shown = " -checks=" + sw.checks
				}
				name, what := sw.name, "Every finding"
				if listing {
					args = append(args, "-routes")
					name, what = sw.name+"-routes", "Every route and handler's mapping"
				}
				flags := slices.Clone(args)
				args = append(args, sw.patterns...)
				header := fmt.Sprintf("# statuslint -codes=%s%s%s %s\n# in %s %s. %s, judged by reading the code and the spec.\n",
					sw.spec, shown, map[bool]string{true: " -routes"}[listing], strings.Join(sw.patterns, " "), sw.module, sw.version, what)
				got := realFindings(t, dir, args, sw.env...)
				compareJudged(t, filepath.Join("testdata", "realworld", "spec", name+".txt"), header, got)
				if !listing { // -routes lists, it finds nothing
					oneAnswer(t, dir, flags, sw.patterns, got, sw.env...)
				}
			}
		})
	}
}

// TestRealWorldSDKErrors runs statuslint on application code that calls
// SDKs and decides on the statuses their errors carry: Prometheus' service
// discovery, which calls Azure's (azcore), AWS's (aws-sdk-go-v2,
// smithy-go) and Google's (google.golang.org/api) SDKs. Under the default
// table its comparisons with azcore's ResponseError.StatusCode hold a
// documented status; under a table without 404 they are reported, which
// shows they are read. Both runs are judged in testdata/realworld/sdk.
func TestRealWorldSDKErrors(t *testing.T) {
	testenv.Slow(t, "fetches real modules from the module proxy")
	dir := moduleCopy(t, "github.com/prometheus/prometheus", "v0.316.0")
	patterns := []string{"./discovery/azure", "./discovery/aws", "./discovery/gce"}
	for _, table := range []struct{ name, codes string }{
		{"prometheus-discovery", ""},
		{"prometheus-discovery-no404", filepath.Join(testdataAbs(t), "..", "..", "..", "testdata", "tables", "no404.yaml")},
	} {
		t.Run(table.name, func(t *testing.T) {
			args := []string{"-json"}
			shown := "(the default table)"
			if table.codes != "" {
				args = append(args, "-codes="+table.codes)
				shown = "-codes=testdata/tables/no404.yaml"
			}
			flags := slices.Clone(args)
			args = append(args, patterns...)
			header := fmt.Sprintf("# statuslint %s %s in github.com/prometheus/prometheus v0.316.0\n# Every finding, judged by reading the code; \"# note:\" lines say what was read and why it is no finding.\n", shown, strings.Join(patterns, " "))
			got := realFindings(t, dir, args)
			compareJudged(t, filepath.Join("testdata", "realworld", "sdk", table.name+".txt"), header, got)
			// One answer in every mode once, under the default table: the
			// second run reads the same packages and differs only in the
			// table file's contents, and a table file in go vet is held
			// to one answer in the fixtures (TestOneAnswer's customtable,
			// TestGoVetRelativeTable). Vetting prometheus's packages from
			// source again under a new flag costs over a minute of CI.
			if table.codes == "" {
				oneAnswer(t, dir, flags, patterns, got)
			}
		})
	}
}

// testdataAbs is this package's testdata directory, absolute.
func testdataAbs(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// compareJudged compares findings with the judged record at path; with
// -update it re-records them first, keeping the reasons of those that stay.
func compareJudged(t *testing.T, path, header string, got []string) {
	t.Helper()
	rec, err := readJudged(path)
	if err != nil && !*update {
		t.Fatalf("%v (run with -update to record the findings)", err)
	}
	if *update {
		if err := writeJudged(path, header, got, rec); err != nil {
			t.Fatal(err)
		}
		rec, _ = readJudged(path)
	}
	for _, f := range got {
		why, ok := rec.why[f]
		switch {
		case !ok:
			t.Errorf("new finding: %s", f)
		case why == "" || why == unjudged:
			t.Errorf("finding not judged: %s", f)
		case strings.HasPrefix(why, "FALSE"):
			t.Errorf("a finding judged false: %s\n\t%s", f, why)
		}
	}
	for f := range rec.why {
		if !slices.Contains(got, f) {
			t.Errorf("finding gone: %s", f)
		}
	}
}

// judged is a record of findings: each with why it is true, and the
// "# miss:" and "# note:" lines on what the check misses or leaves alone.
type judged struct {
	why    map[string]string
	misses []string
}

func readJudged(path string) (judged, error) {
	rec := judged{why: map[string]string{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return rec, err
	}
	last := ""
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "# miss:"), strings.HasPrefix(line, "# note:"):
			rec.misses = append(rec.misses, line)
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "\twhy: "):
			if last == "" {
				return rec, fmt.Errorf("%s: a reason with no finding: %q", path, line)
			}
			rec.why[last] = strings.TrimPrefix(line, "\twhy: ")
		default:
			last = line
			rec.why[line] = ""
		}
	}
	return rec, nil
}

func writeJudged(path, header string, got []string, old judged) error {
	var b strings.Builder
	b.WriteString(header)
	for _, f := range got {
		why := old.why[f]
		if why == "" {
			why = unjudged
		}
		fmt.Fprintf(&b, "%s\n\twhy: %s\n", f, why)
	}
	for _, m := range old.misses {
		b.WriteString(m + "\n")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
