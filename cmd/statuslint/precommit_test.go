package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// TestPreCommitHook runs this repository's pre-commit hooks, through
// `pre-commit try-repo`, on a fixture repository: the check fails on a raw
// literal and passes on clean code; the fix hook fixes it.
func TestPreCommitHook(t *testing.T) {
	// pre-commit builds the hook's environment from this repository, a
	// few minutes on a busy machine: with the real-module tests.
	testenv.Slow(t, "installs the hook through pre-commit")
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (.ci/run installs it)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t, map[string]string{"a.go": fixable})
	home := t.TempDir()
	// pre-commit installs the hook with GOPATH set to the hook's own
	// environment, so the go command would fetch every module of ours
	// again into an empty module cache; the one this test was built from
	// has them, and pre-commit leaves a GOMODCACHE it is given alone.
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	hook := func(id string) (string, int) {
		cmd := exec.Command("pre-commit", "try-repo", root, id, "--all-files", "--verbose")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+home, "GOFLAGS=", "GOMODCACHE="+strings.TrimSpace(string(modcache)))
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}

	out, code := hook("statuslint")
	if code == 0 || !strings.Contains(out, "raw status code 404 in WriteHeader: use http.StatusNotFound") {
		t.Fatalf("hook on a raw literal: exit %d\n%s", code, out)
	}

	if out, code := hook("statuslint-fix"); code == 0 || !strings.Contains(read(t, dir, "a.go"), "http.StatusNotFound") {
		t.Errorf("fix hook: exit %d (pre-commit fails a hook that changes files), a.go:\n%s\n%s", code, read(t, dir, "a.go"), out)
	}

	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte(clean), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	if out, code := hook("statuslint"); code != 0 {
		t.Errorf("hook on clean code: exit %d\n%s", code, out)
	}
}
