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
	"golang.org/x/tools/go/packages"

	"github.com/statuslint/statuslint/analyzer"
)

// noop does nothing, with statuslint's Requires and a fact, so that the
// checker does the same work around it: what statuslint adds is the
// difference.
var noop = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "does nothing",
	Requires:  analyzer.Analyzer.Requires,
	FactTypes: []analysis.Fact{new(noopFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type noopFact struct{}

func (*noopFact) AFact() {}

// generatedCorpus writes ~10k lines of mixed HTTP code: handlers, clients,
// retry loops and predicates, wrappers, and plain code.
func generatedCorpus(n int) string {
	var b strings.Builder
	b.WriteString("package corpus\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\n")
	for i := range n {
		fmt.Fprintf(&b, `func handler%[1]d(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method", 405)
		return
	}
	respond%[1]d(w, 200, "ok")
}

func respond%[1]d(w http.ResponseWriter, code int, body string) {
	w.WriteHeader(code)
	w.Write([]byte(body))
}

func statusFor%[1]d(err error) int {
	if err != nil {
		return 500
	}
	return http.StatusOK
}

func client%[1]d(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		switch resp.StatusCode {
		case 200, 201:
			return resp, nil
		case http.StatusRequestTimeout:
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode >= 500 {
			continue
		}
		return resp, nil
	}
	return nil, nil
}

func shouldRetry%[1]d(code int) bool {
	return code == http.StatusBadGateway || code == 504
}

func sum%[1]d(xs []int) int {
	total := 0
	for i := 0; i < len(xs); i++ {
		if xs[i] == 200 {
			total += xs[i]
		}
	}
	return total
}

`, i)
	}
	return b.String()
}

var (
	corpusOnce sync.Once
	corpusPkgs []*packages.Package
	corpusErr  error
)

// loadCorpus loads net/http, its dependencies and the generated package
// once, from source.
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
		if corpusErr = os.WriteFile(filepath.Join(dir, "corpus.go"), []byte(generatedCorpus(180)), 0o644); corpusErr != nil {
			return
		}
		cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")}
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

// BenchmarkAnalyze times statuslint and the no-op over the corpus: the
// difference is statuslint's cost.
func BenchmarkAnalyze(b *testing.B) {
	pkgs := loadCorpus(b)
	for _, a := range []*analysis.Analyzer{noop, analyzer.New(analyzer.Config{})} {
		b.Run(a.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
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
		})
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
	// Per block: 405 in http.Error, 200 through respond, 200 and 201 in
	// a switch case, and a retry on 503 (>= 500).
	if want := 180 * 5; n != want {
		t.Errorf("%d findings in the corpus, want %d", n, want)
	}
}
