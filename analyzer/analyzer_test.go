package analyzer_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/checks"
	codespass "github.com/statuslint/statuslint/internal/codes"
	retrypass "github.com/statuslint/statuslint/internal/retry"
	"github.com/statuslint/statuslint/internal/testenv"
)

var testdata = testenv.Testdata("..")

// loadTestdata loads packages of testdata/src for tests that look at the
// checker's graph themselves.
func loadTestdata(t *testing.T, mode packages.LoadMode, patterns ...string) []*packages.Package {
	return testenv.LoadTestdata(t, testdata, mode, patterns...)
}

// -codes selects another table: what it does not list is undocumented.
func TestCustomTable(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("codes", filepath.Join(testdata, "tables", "api.yaml")); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "customtable")
}

// A .statuslint.yaml configures the packages of its directory and below;
// the nearest file wins for what it sets (configfile/legacy's), and a
// packages entry gives the packages it matches their own table
// (configfile/partner/...).
func TestConfigFile(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{}), "configfile", "configfile/legacy", "configfile/partner", "configfile/partner/v2", "configfile/clients")
}

// A setting given as a flag, or in Config, wins over the files'.
func TestConfigFileFlagsWin(t *testing.T) {
	pkgs := loadTestdata(t, packages.LoadAllSyntax, "configfile")
	messages := func(a *analysis.Analyzer) string {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for act := range graph.All() {
			if act.Analyzer == a && act.Err == nil {
				for _, d := range act.Diagnostics {
					out = append(out, d.Message)
				}
			}
		}
		return strings.Join(out, "\n")
	}
	got := messages(analyzer.New(analyzer.Config{Checks: []string{"all"}}))
	if !strings.Contains(got, "raw status code 404 in WriteHeader") || !strings.Contains(got, "not documented by configured-api") {
		t.Errorf("Config.Checks all, the file's table:\n%s", got)
	}
	// A Config validated (the plugin's) without codes leaves the file's.
	cfg := analyzer.Config{}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := messages(analyzer.New(cfg)); !strings.Contains(got, "not documented by configured-api") {
		t.Errorf("a validated Config without codes:\n%s", got)
	}
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("codes", "iana"); err != nil {
		t.Fatal(err)
	}
	got = messages(a)
	if !strings.Contains(got, "listed as unused by iana") || strings.Contains(got, "raw status code") {
		t.Errorf("-codes=iana, the file's checks:\n%s", got)
	}
}

// A bad table is refused when the flag is set, naming file and line.
func TestBadTableFlag(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	err := a.Flags.Set("codes", filepath.Join(testdata, "tables", "bad", "duplicate.md"))
	if err == nil || !strings.Contains(err.Error(), "duplicate.md:5: duplicate status code 200") {
		t.Fatalf("got %v", err)
	}
	if got := a.Flags.Lookup("codes").Value.String(); got != "huaweicloud" {
		t.Errorf("bad table replaced the default: %s", got)
	}
}

// Config.Codes, used by the golangci-lint plugin, reaches the analysis;
// a bad table is an error of every package that needs it, naming the file
// and line, instead of silently using the default.
func TestConfigCodes(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.New(analyzer.Config{Codes: "iana"}), "iana")

	bad := filepath.Join(testdata, "tables", "bad", "duplicate.md")
	cfg := analyzer.Config{Codes: bad}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "duplicate.md:") {
		t.Errorf("Validate: %v", err)
	}
	pkgs := loadTestdata(t, packages.LoadSyntax, "iana")
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(cfg)}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err == nil || !strings.Contains(act.Err.Error(), "duplicate") || len(act.Diagnostics) > 0 {
			t.Errorf("%s: err %v, %d diagnostics; want the table's error and none", act, act.Err, len(act.Diagnostics))
		}
	}
}

// -sinks adds a user's own sinks, functions and methods.
func TestUserSinks(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("sinks", "usersinks/lib.Abort:1, usersinks/lib.Reply.Code:0"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata, a, "usersinks/app")
}

func TestBadSinksFlag(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	for value, want := range map[string]string{
		"lib.Abort":          `sink "lib.Abort": no argument index`,
		"lib.Abort:x":        `sink "lib.Abort:x": argument index is not a number from 0`,
		"nopkg:1":            `sink "nopkg:1": no function name`,
		"a/b.T.M.X:0":        `sink "a/b.T.M.X:0": too many names`,
		"example.com/x.1f:0": `"1f" is not a Go identifier`,
		"example.com/x.F:-1": `argument index is not a number from 0`,
	} {
		err := a.Flags.Set("sinks", value)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("-sinks=%s: got %v, want %q", value, err, want)
		}
	}
	// Through Config (the plugin's way), Validate names the problem.
	for _, tc := range []struct {
		cfg  analyzer.Config
		want string
	}{
		{analyzer.Config{Sinks: "bad"}, `sink "bad": no argument index`},
		{analyzer.Config{Codes: "nosuch"}, `unknown status-code profile "nosuch"`},
		{analyzer.Config{Checks: []string{"all", "-SL3001"}}, `unknown check "-SL3001"`},
		{analyzer.Config{Codes: "iana", Sinks: "a/b.F:0", Checks: []string{"all", "-SL2*"}}, ""},
	} {
		cfg, want := tc.cfg, tc.want
		err := cfg.Validate()
		if (err == nil) != (want == "") || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("%+v.Validate() = %v, want %q", cfg, err, want)
		}
	}
}

// Validate's errors say which setting is wrong by type, not by message.
func TestConfigErrorField(t *testing.T) {
	for field, cfg := range map[string]analyzer.Config{
		"codes":  {Codes: filepath.Join(testdata, "tables", "bad", "duplicate.md")},
		"sinks":  {Sinks: "lib.Abort"},
		"checks": {Checks: []string{"SL9"}},
	} {
		err := cfg.Validate()
		var ce *analyzer.ConfigError
		if !errors.As(err, &ce) || ce.Field != field {
			t.Errorf("%s: Validate() = %#v, want a ConfigError for %s", field, err, field)
		}
	}
}

// The table is read once: Validate keeps it in the Config for the
// analyzer, and setting -codes again to the same table does not read it
// again. Each is shown by removing the file after the first read.
func TestTableReadOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.yaml")
	data, err := os.ReadFile(filepath.Join(testdata, "tables", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func() {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	write()
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("codes", path); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	if err := a.Flags.Set("codes", path); err != nil {
		t.Errorf("setting -codes to the table read already read it again: %v", err)
	}

	write()
	cfg := analyzer.Config{Codes: path}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	analysistest.Run(t, testdata, analyzer.New(cfg), "customtable")
}

// -tests=false leaves _test.go files alone.
func TestSkipTests(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("tests", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "notests")
}

// Directives silence findings in every mode; malformed and unused ones are
// reported.
func TestDirectives(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(analyzer.Config{}), "directives")
}

// -checks switches checks off, under every driver (it is an analyzer flag).
func TestCheckSelection(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("checks", "all,-SL1001"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "checksel")
	if err := a.Flags.Set("checks", "all,-SL1009"); err == nil || !strings.Contains(err.Error(), `unknown check "-SL1009"`) {
		t.Errorf("-checks=all,-SL1009: %v", err)
	}
}

// -statusretry=false and -statuscodes=false switch a pass off, as go vet's
// -NAME=false switches do.
func TestPassSwitches(t *testing.T) {
	a := analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("statuscodes", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "passoff/codes")
	a = analyzer.New(analyzer.Config{})
	if err := a.Flags.Set("statusretry", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "passoff/retry")
}

// Suite.Only runs one pass and reports its findings alone, as the suite
// does: on a package with findings of both passes (sdkerrors: raw
// literals and retries), the codes pass alone reports no retry finding,
// the retry pass alone no other, and together they report what the two
// report apart.
func TestOnlyOnePass(t *testing.T) {
	pkgs := loadTestdata(t, packages.LoadAllSyntax, "sdkerrors")
	ids := func(a *analysis.Analyzer) []string {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, act := range graph.Roots {
			if act.Err != nil {
				t.Fatal(act.Err)
			}
			for _, d := range act.Diagnostics {
				out = append(out, d.Category+" "+act.Package.Fset.Position(d.Pos).String())
			}
		}
		slices.Sort(out)
		return out
	}
	suite := analyzer.NewSuite(analyzer.Config{})
	codes, retry, all := ids(suite.Only(suite.Codes)), ids(suite.Only(suite.Retry)), ids(suite.Analyzer)
	if len(codes) == 0 || len(retry) == 0 {
		t.Fatalf("codes alone found %d, retry alone %d: the fixture has findings of both", len(codes), len(retry))
	}
	// A finding is "ID position"; each pass reports only the checks it
	// declares.
	declares := func(decls []checks.Decl, finding string) bool {
		id, _, _ := strings.Cut(finding, " ")
		return slices.Contains(checks.IDs(decls), id)
	}
	for _, id := range codes {
		if !declares(codespass.Checks, id) {
			t.Errorf("the codes pass alone reported %s", id)
		}
	}
	for _, id := range retry {
		if !declares(retrypass.Checks, id) {
			t.Errorf("the retry pass alone reported %s", id)
		}
	}
	both := slices.Concat(codes, retry)
	slices.Sort(both)
	if !slices.Equal(both, all) {
		t.Errorf("the passes alone reported\n%s\nthe suite\n%s", strings.Join(both, "\n"), strings.Join(all, "\n"))
	}
}
