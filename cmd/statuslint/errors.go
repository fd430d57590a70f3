package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// printLoadErrors prints each error of the packages in pkgs and their
// dependencies once, as "package: position: message", and returns the
// packages in pkgs that do not type-check (whose own or whose
// dependencies' errors stop their analysis).
//
// The go command reports a package that does not compile once per test
// variant and once more in its compiler output, with the type checker
// repeating each error: lines are told apart by position and message.
func printLoadErrors(w io.Writer, pkgs []*packages.Package) map[*packages.Package]bool {
	broken := map[*packages.Package]bool{}
	seen := map[string]bool{}
	cwd, _ := os.Getwd()
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		typed := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		for _, e := range p.Errors {
			if typed && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				continue // the compiler's output, which the type checker's errors repeat
			}
			for _, line := range errorLines(e, cwd) {
				if !seen[line] {
					seen[line] = true
					fmt.Fprintf(w, "statuslint: %s: %s\n", p.PkgPath, line)
				}
			}
		}
	})
	for _, p := range pkgs {
		if p.IllTyped || len(p.Errors) > 0 {
			broken[p] = true
		}
	}
	return broken
}

// errorLines splits a package error into its lines (the go command's
// compiler output holds several, under a "# package" header), each with
// its file relative to the working directory.
func errorLines(e packages.Error, cwd string) []string {
	text := e.Msg
	if e.Pos != "" && e.Pos != "-" {
		text = e.Pos + ": " + e.Msg
	}
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		out = append(out, relativeLine(line, cwd))
	}
	return out
}

// relativeLine rewrites the file of "file:line:col: message" relative to
// cwd, so that an error the type checker gives with an absolute path and
// the compiler with a relative one is the same line.
func relativeLine(line, cwd string) string {
	file, rest, ok := strings.Cut(line, ":")
	if !ok || !strings.HasSuffix(file, ".go") || cwd == "" {
		return line
	}
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, file)
	}
	if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	} else {
		file = abs
	}
	return file + ":" + rest
}

// printActionErrors prints the errors of the analysis once each: a bad
// configuration fails every pass of every package with the same error,
// and the passes that depend on a failed one fail with "failed
// prerequisites", which says nothing more. It clears them from graph, so
// that the printers report findings only, and reports whether there were
// any.
func printActionErrors(w io.Writer, graph *checker.Graph) bool {
	var msgs []string
	failed := false
	for act := range graph.All() {
		if act.Err == nil {
			continue
		}
		failed = true
		err := act.Err
		act.Err = nil
		msg := err.Error()
		if strings.HasPrefix(msg, "failed prerequisites") {
			continue
		}
		// A bad configuration is no package's fault: said once.
		if cfgErr := (*analyzer.ConfigError)(nil); !errors.As(err, &cfgErr) {
			msg = act.Package.PkgPath + ": " + msg
		}
		if !slices.Contains(msgs, msg) {
			msgs = append(msgs, msg)
		}
	}
	slices.Sort(msgs)
	for _, m := range msgs {
		fmt.Fprintf(w, "statuslint: %s\n", m)
	}
	return failed
}
