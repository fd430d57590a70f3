package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// overheadModules are the real HTTP modules of the whole-run comparison.
var overheadModules = map[string]string{
	"github.com/gin-gonic/gin":              "v1.12.0",
	"github.com/labstack/echo/v4":           "v4.16.0",
	"github.com/hashicorp/go-retryablehttp": "v0.7.8",
	"github.com/go-resty/resty/v2":          "v2.17.2",
	"github.com/minio/minio-go/v7":          "v7.4.1",
}

// TestWholeRunOverhead compares statuslint with a no-op checker of the same
// shape over the standard library and real HTTP modules, standalone and
// under go vet, and logs a table of CPU time and peak memory. It measures;
// it does not judge. Run it with
//
//	STATUSLINT_COMPARE=1 go test ./cmd/statuslint -run WholeRunOverhead -v -timeout 60m
func TestWholeRunOverhead(t *testing.T) {
	if os.Getenv("STATUSLINT_COMPARE") == "" {
		t.Skip("set STATUSLINT_COMPARE=1 to measure")
	}
	noop := filepath.Join(t.TempDir(), "noop")
	if out, err := exec.Command("go", "build", "-o", noop, "./testdata/noop").CombinedOutput(); err != nil {
		t.Fatalf("building noop: %v\n%s", err, out)
	}
	mod := overheadModule(t)
	var pkgs []string
	for m := range overheadModules {
		pkgs = append(pkgs, m+"/...")
	}
	slices.Sort(pkgs)

	runs := []struct {
		label string
		dir   string
		args  []string
		env   []string
	}{
		{"statuslint std", "", []string{binary, "std"}, nil},
		{"noop std", "", []string{noop, "std"}, nil},
		{"statuslint modules", mod, append([]string{binary}, pkgs...), nil},
		{"noop modules", mod, append([]string{noop}, pkgs...), nil},
		{"go vet -vettool=statuslint modules", mod, append([]string{"go", "vet", "-vettool=" + binary}, pkgs...), nil},
		{"go vet -vettool=noop (facts) modules", mod, append([]string{"go", "vet", "-vettool=" + noop}, pkgs...), nil},
		{"go vet -vettool=noop (no facts) modules", mod, append([]string{"go", "vet", "-vettool=" + noop}, pkgs...), []string{"NOOP_FACTS=0"}},
	}
	const rounds = 3
	type result struct {
		cpu []time.Duration
		rss []int64
	}
	results := make([]result, len(runs))
	for round := range rounds {
		for i, r := range runs {
			args := slices.Clone(r.args)
			if args[0] == "go" {
				// go vet caches results by the tool's content: a copy with
				// a byte more is a new tool, and the run does the work.
				args[2] = "-vettool=" + uniqueCopy(t, strings.TrimPrefix(args[2], "-vettool="), round)
			}
			cpu, rss := measure(t, r.dir, r.env, args...)
			results[i].cpu = append(results[i].cpu, cpu)
			results[i].rss = append(results[i].rss, rss)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s %s/%s, %d CPUs, median of %d\n\n| run | CPU (user+sys) | peak RSS |\n| --- | --- | --- |\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), rounds)
	for i, r := range runs {
		slices.Sort(results[i].cpu)
		slices.Sort(results[i].rss)
		fmt.Fprintf(&b, "| %s | %.1fs | %d MiB |\n", r.label, results[i].cpu[rounds/2].Seconds(), results[i].rss[rounds/2]>>10)
	}
	t.Log(b.String())
}

// uniqueCopy copies the executable at path with n+1 bytes appended, which
// it runs unchanged but go vet sees as a different tool.
func uniqueCopy(t *testing.T, path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(path))
	data = append(data, make([]byte, n+1)...)
	data[len(data)-1] = byte(time.Now().UnixNano())
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// overheadModule makes a module that requires overheadModules.
func overheadModule(t *testing.T) string {
	dir := t.TempDir()
	var gomod strings.Builder
	gomod.WriteString("module overhead\n\ngo 1.26\n\nrequire (\n")
	var imports strings.Builder
	for m, v := range overheadModules {
		fmt.Fprintf(&gomod, "\t%s %s\n", m, v)
		fmt.Fprintf(&imports, "\t_ %q\n", m)
	}
	gomod.WriteString(")\n")
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nimport (\n"+imports.String()+")\n\nfunc main() {}\n"), 0o644)
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	return dir
}

// measure runs a command and returns its CPU time (with its children) and
// peak resident memory in KiB. Exit codes are ignored: findings are fine.
func measure(t *testing.T, dir string, env []string, args ...string) (time.Duration, int64) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod"), env...)
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), ru.Maxrss
}
