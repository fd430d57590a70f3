// Package docs_test checks the documentation against the code: every
// relative link and anchor resolves, the supported-library list is what
// the knowledge tables hold, and the package graph is what go list says.
package docs_test

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statuslint/statuslint/internal/knowledge"
)

var update = flag.Bool("update", false, "rewrite the generated parts of the docs")

// markdown returns the Markdown files of the docs set: the README and
// every page under docs/, relative to the module root.
func markdown(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md"}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, filepath.Join("docs", path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// anchor returns GitHub's anchor for a heading: lower case, spaces to
// hyphens, punctuation other than hyphens and underscores dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	headingRE = regexp.MustCompile("(?m)^#+ (.+)$")
	linkRE    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	fenceRE   = regexp.MustCompile("(?ms)^```.*?^```")
)

// anchors returns the anchors of the headings of a Markdown file, code
// blocks left out (a "# comment" in a shell block is no heading).
func anchors(data []byte) map[string]bool {
	text := fenceRE.ReplaceAll(data, nil)
	out := map[string]bool{}
	for _, m := range headingRE.FindAllSubmatch(text, -1) {
		out[anchor(strings.TrimSpace(string(m[1])))] = true
	}
	return out
}

// Every relative link of the README and the docs names a file that
// exists, and its #fragment a heading of that file.
func TestLinksResolve(t *testing.T) {
	root := ".."
	for _, file := range markdown(t) {
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range linkRE.FindAllSubmatch(fenceRE.ReplaceAll(data, nil), -1) {
			link := string(m[1])
			if strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			path, frag, _ := strings.Cut(link, "#")
			target := file
			if path != "" {
				target = filepath.Join(filepath.Dir(file), path)
			}
			info, err := os.Stat(filepath.Join(root, target))
			if err != nil {
				t.Errorf("%s: link %s: %s does not exist", file, link, target)
				continue
			}
			if frag == "" {
				continue
			}
			if info.IsDir() {
				t.Errorf("%s: link %s: a fragment on a directory", file, link)
				continue
			}
			tdata, err := os.ReadFile(filepath.Join(root, target))
			if err != nil {
				t.Fatal(err)
			}
			if !anchors(tdata)[frag] {
				t.Errorf("%s: link %s: %s has no heading #%s", file, link, target, frag)
			}
		}
	}
	if got, want := anchor("SL2002 retry on 429 without reading Retry-After"), "sl2002-retry-on-429-without-reading-retry-after"; got != want {
		t.Errorf("anchor: got %q, want %q", got, want)
	}
}

// The link checker finds a broken link and a missing anchor.
func TestLinkCheckerFindsBrokenLinks(t *testing.T) {
	page := []byte("# Title\n\n## Flags\n\n```sh\n# not a heading\n```\n")
	a := anchors(page)
	if !a["flags"] || !a["title"] || a["not-a-heading"] {
		t.Errorf("anchors = %v", a)
	}
	links := linkRE.FindAllSubmatch([]byte("see [x](usage.md#flags) and [y](https://go.dev)"), -1)
	if len(links) != 2 || string(links[0][1]) != "usage.md#flags" {
		t.Errorf("links = %q", links)
	}
}

// libraries renders docs/libraries.md from the knowledge tables.
func libraries() string {
	var b strings.Builder
	b.WriteString("<!-- generated from internal/knowledge by go test ./docs -run TestLibraries -update -->\n")
	b.WriteString(`# Supported libraries

Every name statuslint knows, by package: what its tables say each one does.
The list is made from the tables in ` + "`internal/knowledge`" + `, and a test fails when
they differ; [what statuslint reads](sinks.md) says what each role means for
the checks, and [contributing](contributing.md#adding-a-library) how to add a library.

| package | role | names |
| --- | --- | --- |
`)
	type row struct{ path, role string }
	var rows []row
	names := map[row][]string{}
	for _, e := range knowledge.Catalog() {
		r := row{e.Path, e.Role}
		if _, ok := names[r]; !ok {
			rows = append(rows, r)
		}
		names[r] = append(names[r], e.Name)
	}
	for _, r := range rows {
		var quoted []string
		for _, n := range names[r] {
			quoted = append(quoted, "`"+n+"`")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.path, r.role, strings.Join(quoted, ", "))
	}
	b.WriteString(`
## Name rules

Where no type can say, a name decides; these are all the places it does.
Each is shown both ways in its fixture under ` + "`testdata/src`" + ` (the lines marked
` + "`// Name rule ID: positive`" + ` and ` + "`negative`" + `).

| rule | names | what it decides | why a name | fixture |
| --- | --- | --- | --- | --- |
`)
	for _, r := range knowledge.NameRules {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | `%s` |\n", r.ID, strings.ReplaceAll(r.Names, "|", "\\|"), r.Applies, r.Reason, r.Fixture)
	}
	return b.String()
}

// docs/libraries.md lists what the knowledge tables hold.
func TestLibraries(t *testing.T) {
	want := libraries()
	if *update {
		if err := os.WriteFile("libraries.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("libraries.md")
	if err != nil || string(got) != want {
		t.Error("docs/libraries.md differs from internal/knowledge; run go test ./docs -run TestLibraries -update")
	}
	for _, p := range []string{"github.com/gin-gonic/gin", "github.com/go-resty/resty/v2", "net/http"} {
		if !strings.Contains(want, "| `"+p+"` |") {
			t.Errorf("the list lacks %s", p)
		}
	}
}

const (
	graphBegin = "<!-- graph: checked by go test ./docs -run TestPackageGraph; -update rewrites it -->\n```\n"
	graphEnd   = "```\n"
)

// graph returns the module's package graph, as go list reports it: each
// package and the module's packages it imports, test files left out.
func graph(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "github.com/statuslint/statuslint/...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/statuslint/statuslint/"
	var b bytes.Buffer
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], mod)
		if strings.Contains(pkg, "testdata") || pkg == "docs" {
			continue
		}
		var deps []string
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, mod) {
				deps = append(deps, strings.TrimPrefix(imp, mod))
			}
		}
		slices.Sort(deps)
		if len(deps) == 0 {
			fmt.Fprintf(&b, "%s\n", pkg)
			continue
		}
		fmt.Fprintf(&b, "%-20s -> %s\n", pkg, strings.Join(deps, " "))
	}
	return b.String()
}

// The package graph drawn in docs/architecture.md is the module's.
func TestPackageGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	want := graph(t)
	if drawn, ok := generated(t, "architecture.md", graphBegin, graphEnd, want); !ok {
		t.Errorf("docs/architecture.md's package graph differs from go list's; run go test ./docs -run TestPackageGraph -update\ndrawn:\n%s\ngo list:\n%s", drawn, want)
	}
}

// generated compares the part of the doc file between the markers begin
// and end with want; with -update, it writes want there. It returns the
// part as drawn and whether it is want (or was written).
func generated(t *testing.T, file, begin, end, want string) (drawn string, ok bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(data), begin)
	drawn, after, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		t.Fatalf("%s lacks the markers %q and %q", file, begin, end)
	}
	if drawn == want {
		return drawn, true
	}
	if *update {
		if err := os.WriteFile(file, []byte(before+begin+want+end+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return drawn, true
	}
	return drawn, false
}

// The graph runs one way: the public packages (analyzer, cmd, plugin) on
// top, the passes under them, the shared layers at the bottom. No
// internal package imports a public one, no pass imports another pass,
// and no layer imports a pass.
func TestLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	passes := []string{"internal/codes", "internal/retry", "internal/routes", "internal/sinks", "internal/directives"}
	public := func(pkg string) bool { return !strings.HasPrefix(pkg, "internal/") }
	for line := range strings.Lines(graph(t)) {
		pkg, deps, _ := strings.Cut(strings.TrimSpace(line), " -> ")
		pkg = strings.TrimSpace(pkg)
		for _, dep := range strings.Fields(deps) {
			switch {
			case !public(pkg) && public(dep):
				t.Errorf("%s imports %s: an internal package imports a public one", pkg, dep)
			case slices.Contains(passes, dep) && !public(pkg):
				t.Errorf("%s imports the pass %s: only the public packages wire the passes", pkg, dep)
			}
		}
	}
}

const (
	sinksBegin = "<!-- sinks: generated from internal/knowledge by go test ./docs -run TestSinksList -update -->\n"
	sinksEnd   = "<!-- end of sinks -->\n"
)

// sinksList is the frameworks' sinks, from knowledge.Sinks: a line per
// package, net/http's left to the text above it.
func sinksList() string {
	byPkg := map[string][]string{}
	for _, s := range knowledge.Sinks {
		if s.Path == knowledge.NetHTTP {
			continue
		}
		name := s.Name
		if s.Recv != "" {
			name = s.Recv + "." + s.Name
		}
		byPkg[s.Path] = append(byPkg[s.Path], "`"+name+"`")
	}
	var b strings.Builder
	for _, path := range slices.Sorted(maps.Keys(byPkg)) {
		names := byPkg[path]
		slices.Sort(names)
		fmt.Fprintf(&b, "  - `%s`: %s\n", path, strings.Join(slices.Compact(names), ", "))
	}
	return b.String()
}

// The frameworks' sinks listed in docs/sinks.md are knowledge's.
func TestSinksList(t *testing.T) {
	if _, ok := generated(t, "sinks.md", sinksBegin, sinksEnd, sinksList()); !ok {
		t.Errorf("docs/sinks.md's list of framework sinks differs from internal/knowledge; run go test ./docs -run TestSinksList -update")
	}
}
