package analyzer_test

import (
	"go/types"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// Bazel's nogo builds passes with no ReadFile, no Module and no OtherFiles,
// and cannot ship a table file: the table comes as data through
// Config.Table, as a package that embeds the team's table would give it.
func TestNogoPass(t *testing.T) {
	data, err := os.ReadFile("../testdata/tables/api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tab, err := analyzer.ParseTable("embedded", "api.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.New(analyzer.Config{Table: tab, Checks: []string{"all", "-SL1001"}})
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Fatal(err)
	}

	pkg := loadTestdata(t, packages.LoadSyntax, "customtable")[0]
	facts := map[any]analysis.Fact{}
	factKey := func(x any, f analysis.Fact) [2]any { return [2]any{x, reflect.TypeOf(f)} }
	var diags []analysis.Diagnostic
	results := map[*analysis.Analyzer]any{}
	// Run each pass after those it requires, as nogo does.
	var run func(an *analysis.Analyzer)
	run = func(an *analysis.Analyzer) {
		if _, done := results[an]; done {
			return
		}
		for _, req := range an.Requires {
			run(req)
		}
		pass := &analysis.Pass{
			Analyzer:   an,
			Fset:       pkg.Fset,
			Files:      pkg.Syntax,
			Pkg:        pkg.Types,
			TypesInfo:  pkg.TypesInfo,
			TypesSizes: pkg.TypesSizes,
			ResultOf:   results,
			Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				got, ok := facts[factKey(obj, f)]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) { facts[factKey(obj, f)] = f },
			ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
				_, ok := facts[factKey(p, f)]
				return ok
			},
			ExportPackageFact: func(f analysis.Fact) { facts[factKey(pkg.Types, f)] = f },
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			// ReadFile, Module and OtherFiles stay unset, as under nogo.
		}
		res, err := an.Run(pass)
		if err != nil {
			t.Fatalf("%s: %v", an.Name, err)
		}
		results[an] = res
	}
	run(a)
	var got []string
	for _, d := range diags {
		msg, _, _ := strings.Cut(d.Message, ":")
		got = append(got, d.Category+" "+msg)
	}
	slices.Sort(got)
	want := []string{
		"SL1002 status 201 (Created) in WriteHeader is not documented by my-api",
		"SL1002 status 400 (Bad Request) in WriteHeader is not documented by my-api",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
