package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// TestOneAnswer runs every fixture package the four ways users and tests
// do, and asks each for the same findings in that package: through
// analysistest (every package from source, the reference), standalone on
// that package alone (a narrow run: the driver reads what the package
// imports for facts), standalone on every package (./...; a group with
// flags, on its own packages together), and under go vet -vettool. The
// fixtures are copied into a workspace of modules, one per fixture and
// per library stub, as a user's code and its libraries would be.
func TestOneAnswer(t *testing.T) {
	testenv.Slow(t, "runs the binary and go vet on every fixture package")
	testdata := testenv.Testdata("../..")
	ws, all := testenv.FixtureWorkspace(t, testdata)
	for _, g := range testenv.FixtureGroups {
		flags := g.FlagsFor(testdata)
		name := strings.Join(g.Packages[:1], "")
		if len(flags) > 0 {
			name = strings.Join(flags, " ")
		}
		t.Run(name, func(t *testing.T) {
			want := referenceFindings(t, testdata, flags, g.Packages)
			var narrow []string
			for _, pkg := range g.Packages {
				narrow = append(narrow, g.InGroup(realFindings(t, ws, append(append([]string{"-json"}, flags...), pkg), "GOFLAGS=", "GOWORK="))...)
			}
			slices.Sort(narrow)
			// The run over every package, with the default flags; a
			// group with flags of its own is run over its packages
			// together (they import each other), which is what a flag
			// can change: running every other fixture under each flag
			// again tripled the test's time and tested nothing more.
			patterns := all
			if len(flags) > 0 {
				patterns = g.Packages
			}
			full := g.InGroup(realFindings(t, ws, slices.Concat([]string{"-json"}, flags, patterns), "GOFLAGS=", "GOWORK="))
			vet := g.InGroup(vetFindings(t, ws, flags, patterns))
			if len(want) == 0 {
				t.Errorf("no findings through analysistest: the group %v tests nothing", g.Packages)
			}
			for mode, got := range map[string][]string{"narrow standalone": narrow, "standalone ./...": full, "go vet": vet} {
				if d := testenv.SetDiff(want, got); d != "" {
					t.Errorf("%s differs from analysistest (- only analysistest, + only %s):\n%s", mode, mode, d)
				}
			}
		})
	}
}

// referenceFindings returns the findings analysistest gives in pkgs with
// flags, as "path:line:col: message", path relative to testdata/src.
func referenceFindings(t *testing.T, testdata string, flags, pkgs []string) []string {
	t.Helper()
	a := analyzer.New(analyzer.Config{})
	for _, f := range flags {
		name, value, _ := strings.Cut(strings.TrimPrefix(f, "-"), "=")
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	return testenv.Reference(t, testdata, a, pkgs)
}

var vetLine = regexp.MustCompile(`^(?:\./)?(\S+\.go):(\d+):(\d+): (.*)$`)

// checkID is the " (SL1001)" go vet's text output ends a message with.
var checkID = regexp.MustCompile(` \(SL\d{4}\)$`)

// vetFindings runs go vet with statuslint and flags on patterns in dir,
// with env added to its environment (the fixtures' workspace's by
// default), and returns its findings as realFindings does (a finding's
// related positions, on lines of their own that start with a tab, left
// out).
func vetFindings(t *testing.T, dir string, flags, patterns []string, env ...string) []string {
	t.Helper()
	cmd := exec.Command("go", slices.Concat([]string{"vet", "-vettool=" + binary}, flags, patterns)...)
	cmd.Dir = dir
	if env == nil {
		env = []string{"GOFLAGS=", "GOWORK=", "GOPROXY=off"}
	}
	cmd.Env = append(os.Environ(), env...)
	out, _ := cmd.CombinedOutput()
	var list []string
	for _, line := range strings.Split(string(out), "\n") {
		if m := vetLine.FindStringSubmatch(line); m != nil && !strings.HasPrefix(m[4], "\t") {
			list = append(list, fmt.Sprintf("%s:%s:%s: %s", m[1], m[2], m[3], checkID.ReplaceAllString(m[4], "")))
		} else if m == nil && strings.Contains(line, "panic") || strings.HasPrefix(line, "statuslint: ") {
			t.Errorf("go vet: %s", line)
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}
