package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/corpus"
)

// noop does nothing, with the inspector statuslint builds on and no fact type: the
// floor, what any syntactic analyzer pays. noopFacts is the same with a
// fact type, so that the checker also runs it on dependencies.
var (
	noop = &analysis.Analyzer{
		Name:     "noop_nofacts",
		Doc:      "does nothing",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	noopFacts = &analysis.Analyzer{
		Name:      "noop_facts",
		Doc:       "does nothing",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(noopFact)},
		Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	}
)

type noopFact struct{}

func (*noopFact) AFact() {}

var (
	corpusOnce sync.Once
	corpusPkgs []*packages.Package
	corpusErr  error
)

// loadCorpus loads net/http and the generated package once, from source,
// and their dependencies from export data, as the statuslint command does.
func loadCorpus(tb testing.TB) []*packages.Package {
	corpusOnce.Do(func() {
		gopath, err := os.MkdirTemp("", "statuslint-corpus")
		if err != nil {
			corpusErr = err
			return
		}
		dir := filepath.Join(gopath, "src", "corpus")
		if corpusErr = os.MkdirAll(dir, 0o755); corpusErr != nil {
			return
		}
		if corpusErr = os.WriteFile(filepath.Join(dir, "corpus.go"), []byte(corpus.Generate(180)), 0o644); corpusErr != nil {
			return
		}
		cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")}
		corpusPkgs, corpusErr = packages.Load(cfg, "net/http", "corpus")
		if corpusErr == nil && packages.PrintErrors(corpusPkgs) > 0 {
			corpusErr = fmt.Errorf("corpus does not type-check")
		}
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpusPkgs
}

// BenchmarkAnalyze times statuslint and the no-ops over the corpus: the
// difference from noop_nofacts is statuslint's cost.
func BenchmarkAnalyze(b *testing.B) {
	pkgs := loadCorpus(b)
	for _, a := range []*analysis.Analyzer{noop, noopFacts, analyzer.New(analyzer.Config{})} {
		b.Run(a.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				analyzeOnce(b, a, pkgs)
			}
		})
	}
}

// analyzeOnce runs a on pkgs, failing b on any error.
func analyzeOnce(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) {
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			b.Fatal(act.Err)
		}
	}
}

// The benchmark's corpus has findings, so the benchmark measures real work.
func TestBenchmarkCorpusHasFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	pkgs := loadCorpus(t)
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(analyzer.Config{})}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for act := range graph.All() {
		if act.IsRoot && act.Package.PkgPath == "corpus" {
			n += len(act.Diagnostics)
		}
	}
	if want := 180 * corpus.FindingsPerBlock; n != want {
		t.Errorf("%d findings in the corpus, want %d", n, want)
	}
}

// BenchmarkSize analyzes one generated package of dense HTTP code at 10k,
// 40k and 160k lines (from source, net/http from export data) and reports
// the cost per line, statuslint's and the no-op's; it fails if
// statuslint's cost per line at 160k lines is more than twice its cost at
// 10k: every search that walked a package or a file per finding made it
// grow with the square of the size.
//
//	go test ./analyzer -run '^$' -bench Size -benchtime 3x
func BenchmarkSize(b *testing.B) {
	perLine := map[int]float64{}
	for _, blocks := range []int{180, 720, 2880} {
		src := corpus.Generate(blocks)
		lines := strings.Count(src, "\n")
		pkgs := loadGenerated(b, src)
		for _, a := range []*analysis.Analyzer{noop, analyzer.New(analyzer.Config{})} {
			b.Run(fmt.Sprintf("%dk/%s", (lines+500)/1000, a.Name), func(b *testing.B) {
				for b.Loop() {
					analyzeOnce(b, a, pkgs)
				}
				ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(lines)
				b.ReportMetric(ns, "ns/line")
				if a.Name == "statuslint" {
					perLine[blocks] = ns
				}
			})
		}
	}
	if small, big := perLine[180], perLine[2880]; small > 0 && big > 2*small {
		b.Errorf("cost per line grows with the package: %.0f ns/line at 10k lines, %.0f at 160k", small, big)
	}
}

// loadGenerated loads src as the one file of package corpus, from source,
// its imports from export data.
func loadGenerated(tb testing.TB, src string) []*packages.Package {
	gopath := tb.TempDir()
	dir := filepath.Join(gopath, "src", "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus.go"), []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")}
	pkgs, err := packages.Load(cfg, "corpus")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		tb.Fatalf("loading the generated package: %v", err)
	}
	return pkgs
}
