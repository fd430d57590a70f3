package checks

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/checks from checks.md")

// docsDir holds a page per check and their index.
const docsDir = "../../docs/checks"

// docs/checks is checks.md, a page per check, word for word; a page of a
// check that no longer exists fails too.
func TestCheckPages(t *testing.T) {
	want := map[string]string{"README.md": Index()}
	for _, c := range All {
		want[c.ID+".md"] = c.Page()
	}
	if *update {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
		for _, f := range old {
			if _, ok := want[filepath.Base(f)]; !ok {
				os.Remove(f)
			}
		}
		for name, page := range want {
			if err := os.WriteFile(filepath.Join(docsDir, name), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	have, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range have {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("%s documents no check; run go test ./internal/checks -run TestCheckPages -update", f)
		}
	}
	for name, page := range want {
		data, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil || string(data) != page {
			t.Errorf("docs/checks/%s differs from checks.md; run go test ./internal/checks -run TestCheckPages -update", name)
		}
	}
}

// Every check's URL is its page, named by its ID.
func TestCheckURLs(t *testing.T) {
	for _, c := range All {
		if !strings.HasPrefix(c.URL(), DocsURL) || !strings.HasSuffix(c.URL(), "/"+c.ID+".md") {
			t.Errorf("%s: URL %s is not its page", c.ID, c.URL())
		}
		if !strings.Contains(c.Page(), "# "+c.Heading()+"\n") || !strings.Contains(c.Page(), c.Bad) {
			t.Errorf("%s: the page lacks its heading or example", c.ID)
		}
	}
	if !strings.Contains(Index(), "[SL2002](SL2002.md)") {
		t.Error("the index does not link SL2002's page")
	}
}

// checks.md is read strictly: a check without examples or a heading
// without an ID is an error. (That every check a pass declares is
// documented, and only those, is the analyzer's test: the passes are
// above this package.)
func TestChecksDocParse(t *testing.T) {
	if len(All) == 0 {
		t.Fatal("checks.md documents no check")
	}
	if _, err := Parse("### SL1001 raw\n\nDoc only.\n"); err == nil {
		t.Error("a check without examples was accepted")
	}
	if _, err := Parse("### raw literal\n"); err == nil {
		t.Error("a heading without an ID was accepted")
	}
}
