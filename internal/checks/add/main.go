// Command add writes the stubs of a new check, as staticcheck's add-check
// does: run from the repository's root,
//
//	go run ./internal/checks/add -pass retry -name RetryTwice -title "retry of a retry" SL2003
//
// declares the check in the pass's checks.go (a constant and an entry of
// Checks, which the suite, -checks, the pass's switch and the tests derive
// from), adds its section to internal/checks/checks.md after the pass's
// last check, with the rule and examples to write, and writes a fixture
// (testdata/src/PASS/ID, which testenv's FixtureGroups hold without being
// told, so that every mode of running statuslint is checked on it) with
// one case marked as
// reported and a test that runs it with the pass alone: the test fails
// until the check reports the case. It changes nothing when the ID is taken or a file is not as
// expected.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/statuslint/statuslint/internal/checks"
)

func main() {
	var o options
	flag.StringVar(&o.pass, "pass", "", "the pass that reports the check: the package under internal (codes, retry, routes, directives)")
	flag.StringVar(&o.name, "name", "", "the check's constant in its pass: an exported Go identifier (RetryTwice)")
	flag.StringVar(&o.title, "title", "", "the check's title, as checks.md's heading gives it")
	flag.StringVar(&o.root, "root", ".", "the repository's root")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./internal/checks/add -pass PASS -name Name -title TITLE SLnnnn\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	o.id = flag.Arg(0)
	written, err := add(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "add:", err)
		os.Exit(1)
	}
	for _, f := range written {
		fmt.Println("wrote", f)
	}
	fmt.Printf("next: write %s's rule and examples in internal/checks/checks.md and its cases in the fixture, "+
		"run go test ./internal/checks -run TestCheckPages -update, then make go test ./internal/%s pass\n", o.id, o.pass)
}

// options are the flags: what the new check is and where the repository
// is.
type options struct {
	id, pass, name, title, root string
}

var (
	idPattern   = regexp.MustCompile(`^SL[0-9]{4}$`)
	namePattern = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	passPattern = regexp.MustCompile(`^[a-z]+$`)
)

// suiteField is the Suite field of each pass whose tests run it alone;
// the directives are the statuslint pass's own.
var suiteField = map[string]string{"codes": "suite.Only(suite.Codes)", "retry": "suite.Only(suite.Retry)", "routes": "suite.Only(suite.Routes)", "directives": "suite.Analyzer"}

// add writes the check's stubs and returns the files it wrote, relative
// to the root. Every file is computed before any is written, so that an
// error changes nothing.
func add(o options) ([]string, error) {
	switch {
	case !idPattern.MatchString(o.id):
		return nil, fmt.Errorf("%q is not a check ID (SLnnnn)", o.id)
	case !passPattern.MatchString(o.pass) || suiteField[o.pass] == "":
		return nil, fmt.Errorf("-pass %q: want one of codes, retry, routes, directives", o.pass)
	case !namePattern.MatchString(o.name):
		return nil, fmt.Errorf("-name %q: want an exported Go identifier", o.name)
	case strings.TrimSpace(o.title) == "" || strings.Contains(o.title, "\n"):
		return nil, errors.New("-title: want the check's one-line title")
	}
	declFile := filepath.Join("internal", o.pass, "checks.go")
	docFile := filepath.Join("internal", "checks", "checks.md")
	lower := strings.ToLower(o.id)
	fixture := filepath.Join("testdata", "src", o.pass, lower, lower+".go")
	test := filepath.Join("internal", o.pass, lower+"_test.go")

	decl, err := os.ReadFile(filepath.Join(o.root, declFile))
	if err != nil {
		return nil, err
	}
	doc, err := os.ReadFile(filepath.Join(o.root, docFile))
	if err != nil {
		return nil, err
	}
	newDecl, passIDs, err := declare(declFile, decl, o)
	if err != nil {
		return nil, err
	}
	newDoc, err := document(docFile, doc, o, passIDs)
	if err != nil {
		return nil, err
	}
	files := []struct {
		name string
		data []byte
	}{
		{declFile, newDecl},
		{docFile, newDoc},
		{fixture, fixtureSource(o)},
		{test, testSource(o)},
	}
	for _, f := range files[2:] {
		if _, err := os.Stat(filepath.Join(o.root, f.name)); err == nil {
			return nil, fmt.Errorf("%s exists", f.name)
		}
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(o.root, f.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			return written, err
		}
		written = append(written, f.name)
	}
	return written, nil
}

// declare returns the pass's checks.go with the check's constant added to
// the constant block that declares the pass's IDs and its entry to
// Checks, and the IDs the pass declared before.
func declare(name string, src []byte, o options) ([]byte, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, nil, err
	}
	var (
		ids        []string
		constEnd   token.Pos // the closing parenthesis of the IDs' block
		checksEnd  token.Pos // the closing brace of Checks
		nameIsUsed bool
	)
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, n := range vs.Names {
				nameIsUsed = nameIsUsed || n.Name == o.name
				if gd.Tok == token.CONST && i < len(vs.Values) && gd.Rparen.IsValid() {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if id, _ := strconv.Unquote(lit.Value); idPattern.MatchString(id) {
							ids = append(ids, id)
							constEnd = gd.Rparen
						}
					}
				}
				if gd.Tok == token.VAR && n.Name == "Checks" && i < len(vs.Values) {
					if cl, ok := vs.Values[i].(*ast.CompositeLit); ok {
						checksEnd = cl.Rbrace
					}
				}
			}
		}
	}
	switch {
	case !constEnd.IsValid() || !checksEnd.IsValid():
		return nil, nil, fmt.Errorf("%s: want a parenthesized const block of check IDs and var Checks = []checks.Decl{...}", name)
	case slices.Contains(ids, o.id):
		return nil, nil, fmt.Errorf("%s already declares %s", name, o.id)
	case nameIsUsed:
		return nil, nil, fmt.Errorf("%s already declares %s", name, o.name)
	}
	// Insert from the end, so that the earlier offset stays right.
	edits := []struct {
		at   int
		text string
	}{
		{fset.Position(checksEnd).Offset, fmt.Sprintf("\t{ID: %s},\n", o.name)},
		{fset.Position(constEnd).Offset, fmt.Sprintf("\t%s = %q\n", o.name, o.id)},
	}
	if edits[0].at < edits[1].at {
		edits[0], edits[1] = edits[1], edits[0]
	}
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.at], []byte(e.text), out[e.at:])
	}
	formatted, err := format.Source(out)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	return formatted, ids, nil
}

// document returns checks.md with the check's section added after the
// last section of the pass's checks (at the end if it has none).
func document(name string, doc []byte, o options, passIDs []string) ([]byte, error) {
	documented, err := checks.Parse(string(doc))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	for _, c := range documented {
		if c.ID == o.id {
			return nil, fmt.Errorf("%s already documents %s", name, o.id)
		}
	}
	section := fmt.Sprintf("### %s %s\n\nTODO: the rule: what the check reports, why it is wrong, and what to do instead; then what it reads and what it leaves alone.\n\nBad:\n\n```go\n// TODO: code %s reports\n```\n\nGood:\n\n```go\n// TODO: the same code as it should be\n```\n\n", o.id, o.title, o.id)
	at := len(doc)
	if len(passIDs) > 0 {
		// The section after the pass's last check starts where the next
		// heading does.
		last := passIDs[len(passIDs)-1]
		start := bytes.Index(doc, []byte("### "+last+" "))
		if start < 0 {
			return nil, fmt.Errorf("%s does not document %s", name, last)
		}
		if next := bytes.Index(doc[start+1:], []byte("\n### ")); next >= 0 {
			at = start + 1 + next + 1
		}
	}
	if at == len(doc) && !bytes.HasSuffix(doc, []byte("\n\n")) {
		section = "\n" + section
	}
	out := slices.Concat(doc[:at], []byte(section), doc[at:])
	out = append(bytes.TrimRight(out, "\n"), '\n')
	if _, err := checks.Parse(string(out)); err != nil {
		return nil, fmt.Errorf("%s with %s: %v", name, o.id, err)
	}
	return out, nil
}

// fixtureSource is the check's fixture: one case marked as reported,
// which fails the test until the check reports it.
func fixtureSource(o options) []byte {
	lower := strings.ToLower(o.id)
	return []byte(fmt.Sprintf("// Package %[1]s is %[2]s's fixture: code it reports, each line marked\n"+
		"// with a want comment, and code it must leave alone.\n"+
		"package %[1]s\n\n"+
		"// TODO: replace with a case %[2]s reports, and add cases it must not.\n"+
		"func reported() {} // want `%[3]s`\n", lower, o.id, regexp.QuoteMeta(o.title)))
}

// testSource is the test that runs the fixture with the pass alone.
func testSource(o options) []byte {
	lower := strings.ToLower(o.id)
	return []byte(fmt.Sprintf(`package %[1]s_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/internal/testenv"
)

// %[2]s's fixture, run with the pass that reports it.
func Test%[2]s(t *testing.T) {
	suite := analyzer.NewSuite(analyzer.Config{})
	analysistest.Run(t, testenv.Testdata("../.."), %[3]s, "%[1]s/%[4]s")
}
`, o.pass, o.id, suiteField[o.pass], lower))
}
