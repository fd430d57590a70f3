package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// overheadModules are the real HTTP modules of the whole-run comparison:
// module, version, and the package whose tree is analyzed.
var overheadModules = []struct{ path, version, pkg string }{
	{"github.com/gin-gonic/gin", "v1.12.0", "github.com/gin-gonic/gin"},
	{"github.com/labstack/echo/v4", "v4.16.0", "github.com/labstack/echo/v4"},
	{"github.com/hashicorp/go-retryablehttp", "v0.7.8", "github.com/hashicorp/go-retryablehttp"},
	{"github.com/go-resty/resty/v2", "v2.17.2", "github.com/go-resty/resty/v2"},
	{"github.com/go-chi/chi/v5", "v5.5.0", "github.com/go-chi/chi/v5"},
	{"github.com/minio/minio-go/v7", "v7.4.1", "github.com/minio/minio-go/v7"},
	{"github.com/aws/aws-sdk-go-v2", "v1.48.0", "github.com/aws/aws-sdk-go-v2/aws"},
	{"github.com/prometheus/client_golang", "v1.25.0", "github.com/prometheus/client_golang/prometheus"},
}

// narrowRuns are the narrow patterns of the whole-run comparison, and a
// big module whole.
var narrowRuns = []struct {
	name, module, version string
	patterns              []string
}{
	{"client-go-rest", "k8s.io/client-go", "v0.37.2", []string{"./rest/"}},
	{"slack-narrow", "github.com/slack-go/slack", "v0.35.0", []string{".", "./socketmode/", "./internal/..."}},
	{"openai-narrow", "github.com/openai/openai-go/v3", "v3.98.0", []string{"./internal/requestconfig", "./option", "./packages/param"}},
	// A big generated SDK module whole: a root package of 300 generated
	// files, dense with requests and types.
	{"openai-all", "github.com/openai/openai-go/v3", "v3.98.0", []string{"./..."}},
	// A big hand-written SDK module whole: a code host's client, one
	// root package of 386 files (200k lines with its tests and subpackages).
	{"gitlab-all", "gitlab.com/gitlab-org/api/client-go/v2", "v2.64.0", []string{"./..."}},
}

// BenchmarkWholeRun compares whole runs of statuslint with a go/analysis
// checker that does nothing and has no fact types (the floor: what any
// syntactic linter pays), and with the same no-op given a fact type (what
// any analyzer with facts pays under the stock drivers). It reports CPU
// time (user+sys, children included) and peak RSS per run:
//
//	go test ./cmd/statuslint -run '^$' -bench WholeRun -benchtime 3x -timeout 60m
//
// Compare the lines with benchstat, or by eye: statuslint against
// noop-nofacts is the overhead users pay; each target's alternating line
// gives that ratio from rounds that alternate the two, which drift less
// with what ran before. gin's repository is the module
// of gin v1.12.0 from the proxy; its dependencies come from the proxy too.
func BenchmarkWholeRun(b *testing.B) {
	dir := b.TempDir()
	noop := filepath.Join(dir, "noop")
	if out, err := exec.Command("go", "build", "-o", noop, "./testdata/noop").CombinedOutput(); err != nil {
		b.Fatalf("building noop: %v\n%s", err, out)
	}
	gin := moduleSource(b, overheadModules[0].path, overheadModules[0].version)
	mods := overheadModule(b)
	var pkgs []string
	for _, m := range overheadModules {
		pkgs = append(pkgs, m.pkg+"/...")
	}
	nofacts := []string{"NOOP_FACTS=0"}

	type tool struct {
		name string
		path string
		env  []string
	}
	// statuslint's own facts cache is warm after the benchmark's first
	// round (b.N=1); statuslint-cold has none, as a first run has not.
	// The go command's own cache stays where it is.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		b.Fatal(err)
	}
	cold := []string{"XDG_CACHE_HOME=/dev/null/no-cache", "GOCACHE=" + strings.TrimSpace(string(gocache))}
	tools := []tool{{"statuslint", binary, nil}, {"statuslint-cold", binary, cold}, {"noop-nofacts", noop, nofacts}, {"noop-facts", noop, nil}}
	targets := []struct {
		name, dir string
		args      []string
	}{
		{"gin", gin, []string{"./..."}},
		{"std+modules", mods, append([]string{"std"}, pkgs...)},
		{"std", "", []string{"std"}},
	}
	// Narrow runs in big modules: a few packages whose imports of their
	// own module (a huge generated root package in openai-go) must not be
	// paid for in full.
	for _, n := range narrowRuns {
		targets = append(targets, struct {
			name, dir string
			args      []string
		}{n.name, moduleSource(b, n.module, n.version), n.patterns})
	}
	for _, target := range targets {
		for _, tl := range tools {
			b.Run(target.name+"/standalone/"+tl.name, func(b *testing.B) {
				measureRuns(b, target.dir, tl.env, func(int) []string { return append([]string{tl.path}, target.args...) })
			})
		}
		// The ratio from rounds that alternate statuslint and the floor:
		// rounds of one tool after another's drift with what ran before
		// (on gitlab-all, statuslint measured first read 7% above the
		// same work measured second).
		b.Run(target.name+"/standalone/alternating", func(b *testing.B) {
			var cpu, floor time.Duration
			var rss, floorRSS int64
			for range b.N {
				c, r := measure(b, target.dir, nil, append([]string{binary}, target.args...)...)
				f, fr := measure(b, target.dir, nofacts, append([]string{noop}, target.args...)...)
				cpu, floor = cpu+c, floor+f
				rss, floorRSS = max(rss, r), max(floorRSS, fr)
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(floor.Seconds()/float64(b.N), "floor-cpu-s/op")
			b.ReportMetric(cpu.Seconds()/floor.Seconds(), "x-floor-cpu")
			b.ReportMetric(float64(rss)/float64(floorRSS), "x-floor-rss")
		})
	}
	for _, tl := range tools {
		// go vet caches results by the tool's content: cold runs use a
		// copy with a byte more, a new tool to the go command.
		b.Run("gin/vet-cold/"+tl.name, func(b *testing.B) {
			measureRuns(b, gin, tl.env, func(i int) []string {
				return []string{"go", "vet", "-vettool=" + uniqueCopy(b, tl.path, i), "./..."}
			})
		})
		b.Run("gin/vet-warm/"+tl.name, func(b *testing.B) {
			measureRuns(b, gin, tl.env, func(int) []string { return []string{"go", "vet", "-vettool=" + tl.path, "./..."} })
		})
	}
}

// measureRuns runs the command args(i) b.N times in dir and reports its
// CPU time and peak RSS.
func measureRuns(b *testing.B, dir string, env []string, args func(i int) []string) {
	var cpu time.Duration
	var peak int64
	for i := range b.N {
		b.StopTimer()
		a := args(i)
		b.StartTimer()
		c, rss := measure(b, dir, env, a...)
		cpu += c
		peak = max(peak, rss)
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
}

// uniqueCopy copies the executable at path with n+1 bytes appended, which
// it runs unchanged but go vet sees as a different tool.
func uniqueCopy(b *testing.B, path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), filepath.Base(path))
	data = append(data, make([]byte, n+1)...)
	data[len(data)-1] = byte(time.Now().UnixNano())
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		b.Fatal(err)
	}
	return dst
}

// moduleSource returns a writable copy of a module's source from the proxy,
// with its dependencies downloaded.
func moduleSource(b *testing.B, path, version string) string {
	dir := moduleCopy(b, path, version)
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go mod download in %s: %v\n%s", path, err, out)
	}
	return dir
}

// overheadModule makes a module that requires overheadModules.
func overheadModule(b *testing.B) string {
	dir := b.TempDir()
	var gomod strings.Builder
	gomod.WriteString("module overhead\n\ngo 1.26\n\nrequire (\n")
	var imports strings.Builder
	for _, m := range overheadModules {
		fmt.Fprintf(&gomod, "\t%s %s\n", m.path, m.version)
		fmt.Fprintf(&imports, "\t_ %q\n", m.pkg)
	}
	gomod.WriteString(")\n")
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nimport (\n"+imports.String()+")\n\nfunc main() {}\n"), 0o644)
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	return dir
}

// measure runs a command and returns its CPU time (with its children) and
// peak resident memory in KiB. Exit codes are ignored: findings are fine.
func measure(b *testing.B, dir string, env []string, args ...string) (time.Duration, int64) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod"), env...)
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			b.Fatal(err)
		}
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), ru.Maxrss
}
