package testenv

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A RetryTruthCase is a module of the retry ground truth: what its
// retries re-send, read by hand before the check was run on it, in
// cmd/statuslint/testdata/realworld/retrytruth/NAME.txt. The binary's
// TestRetryTruth scores SL2001 and SL2002 on it; the plugin's tests hold
// golangci-lint to the binary's findings there.
type RetryTruthCase struct {
	Name, Module, Version string
	// Patterns hold every retry construct of the module.
	Patterns []string
}

// RetryTruthDir is the directory of the retry ground truth, relative to
// the module root.
const RetryTruthDir = "cmd/statuslint/testdata/realworld/retrytruth"

// RetryTruth returns the cases of the retry ground truth in dir, by name.
func RetryTruth(dir string) ([]RetryTruthCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	var cases []RetryTruthCase
	for _, file := range files {
		if filepath.Base(file) == "SCORES.txt" {
			continue
		}
		c, err := RetryTruthHeader(file)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// RetryTruthHeader reads the "# module PATH VERSION" and "# patterns
// P..." lines of a ground-truth file; the case is named by the file.
func RetryTruthHeader(path string) (RetryTruthCase, error) {
	c := RetryTruthCase{Name: strings.TrimSuffix(filepath.Base(path), ".txt")}
	data, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# module "):
			f := strings.Fields(line)
			if len(f) != 4 {
				return c, fmt.Errorf("%s:%d: want # module PATH VERSION", path, n)
			}
			c.Module, c.Version = f[2], f[3]
		case strings.HasPrefix(line, "# patterns "):
			c.Patterns = strings.Fields(strings.TrimPrefix(line, "# patterns "))
			if i := slices.Index(c.Patterns, "(the"); i >= 0 {
				c.Patterns = c.Patterns[:i]
			}
		}
	}
	if c.Module == "" || len(c.Patterns) == 0 {
		return c, fmt.Errorf("%s: no # module or # patterns line", path)
	}
	return c, nil
}
