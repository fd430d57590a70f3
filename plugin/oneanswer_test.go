package plugin

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/testenv"
)

// TestGolangciLintOneAnswer runs golangci-lint with the plugin on every
// fixture package, in the workspace of modules the binary's TestOneAnswer
// uses, and asks for the findings the plugin's own analyzer gives there
// through analysistest, where every package is analyzed from source.
func TestGolangciLintOneAnswer(t *testing.T) {
	testenv.Slow(t, "builds golangci-lint and runs it on every fixture package")
	bin := golangciLint(t)
	testdata := testenv.Testdata("..")
	ws, all := testenv.FixtureWorkspace(t, testdata)
	for _, g := range testenv.FixtureGroups {
		flags := g.FlagsFor(testdata)
		t.Run(strings.Join(append(flags, g.Packages[0]), " "), func(t *testing.T) {
			settings := settingsFor(t, flags)
			p, err := New(settings)
			if err != nil {
				t.Fatal(err)
			}
			analyzers, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			want := testenv.Reference(t, testdata, analyzers[0], g.Packages)
			if len(want) == 0 {
				t.Fatalf("no findings through analysistest: the group %v tests nothing", g.Packages)
			}
			// Every package with the default flags; a group with flags
			// of its own, over its own packages (as the binary's
			// TestOneAnswer does).
			patterns := all
			if len(flags) > 0 {
				patterns = g.Packages
			}
			got := g.InGroup(golangciFindings(t, bin, ws, settings, patterns))
			if d := testenv.SetDiff(want, got); d != "" {
				t.Errorf("golangci-lint differs from analysistest (- only analysistest, + only golangci-lint):\n%s", d)
			}
		})
	}
}

// settingsFor returns the plugin settings that say what flags say. The
// plugin has no pass switches: -statuscodes=false and -statusretry=false
// become the checks they stand for.
func settingsFor(t *testing.T, flags []string) map[string]any {
	t.Helper()
	settings := map[string]any{}
	for _, f := range flags {
		name, value, _ := strings.Cut(strings.TrimPrefix(f, "-"), "=")
		switch name {
		case "codes", "constants":
			settings[name] = value
		case "sinks", "checks":
			settings[name] = strings.Split(value, ",")
		case "tests":
			b, err := strconv.ParseBool(value)
			if err != nil {
				t.Fatal(err)
			}
			settings[name] = b
		case "statuscodes":
			settings["checks"] = []string{"all", "-SL1001", "-SL1002", "-SL1003", "-SL1004"}
		case "statusretry":
			settings["checks"] = []string{"all", "-SL2*"}
		default:
			t.Fatalf("flag %s has no plugin setting", f)
		}
	}
	return settings
}

// golangciFindings runs golangci-lint with statuslint alone, configured
// by settings, on patterns in dir, and returns its findings as
// "path:line:col: message", the path relative to dir, sorted; env is added
// to its environment. Every issue
// is kept: none dropped as one of many on a line or of one text, none in
// generated files.
func golangciFindings(t *testing.T, bin, dir string, settings map[string]any, patterns []string, env ...string) []string {
	t.Helper()
	config := map[string]any{
		"version": "2",
		"linters": map[string]any{
			"default":    "none",
			"enable":     []string{"statuslint"},
			"exclusions": map[string]any{"generated": "disable"},
			"settings": map[string]any{"custom": map[string]any{"statuslint": map[string]any{
				"type": "module", "settings": settings}}},
		},
		"issues": map[string]any{"max-issues-per-linter": 0, "max-same-issues": 0, "uniq-by-line": false},
	}
	// JSON is YAML.
	data, err := json.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The summary golangci-lint prints goes to standard output whatever
	// the formats: the JSON goes to a file of its own.
	report := filepath.Join(t.TempDir(), "report.json")
	// Named, so that a module's own configuration (aws-sdk-go-v2's
	// .golangci.toml, a v1 file) is not read instead.
	cmd := exec.Command(bin, append([]string{"run", "--allow-parallel-runners", "--config=" + filepath.Join(dir, ".golangci.yml"), "--output.json.path=" + report}, patterns...)...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=", "GOPROXY=off", "GOLANGCI_LINT_CACHE="+t.TempDir()), env...)
	text, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("golangci-lint: %v\n%s", err, text)
	}
	out, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var issues struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatalf("golangci-lint's JSON: %v\n%s", err, out)
	}
	var list []string
	for _, is := range issues.Issues {
		if is.FromLinter != "statuslint" {
			t.Errorf("an issue of %s: %s", is.FromLinter, is.Text)
			continue
		}
		name := is.Pos.Filename
		if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsAbs(name) {
			name = rel
		}
		list = append(list, filepath.ToSlash(name)+":"+strconv.Itoa(is.Pos.Line)+":"+strconv.Itoa(is.Pos.Column)+": "+is.Text)
	}
	slices.Sort(list)
	return slices.Compact(list)
}
