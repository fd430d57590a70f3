package checks

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's checks section from checks.md")

const (
	readmeBegin = "<!-- checks: generated from analyzer/checks.md; edit that file, then run go test ./analyzer -run TestREADMEChecks -update -->\n"
	readmeEnd   = "<!-- end of checks -->\n"
)

// The README's section on checks is checks.md, word for word.
func TestREADMEChecks(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	before, rest, ok1 := strings.Cut(readme, readmeBegin)
	section, after, ok2 := strings.Cut(rest, readmeEnd)
	if !ok1 || !ok2 {
		t.Fatalf("README.md lacks the markers %q and %q", readmeBegin, readmeEnd)
	}
	if section == Markdown() {
		return
	}
	if *update {
		if err := os.WriteFile("../../README.md", []byte(before+readmeBegin+Markdown()+readmeEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's checks section differs from analyzer/checks.md; run go test ./analyzer -run TestREADMEChecks -update")
}

// Every check's URL is the anchor of a README heading (as GitHub makes
// anchors), and its diagnostics carry it.
func TestCheckURLsResolve(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(data), -1) {
		anchors[anchor(m[1])] = true
	}
	for _, c := range All {
		_, frag, _ := strings.Cut(c.URL(), "#")
		if !anchors[frag] {
			t.Errorf("%s: %s names no README heading", c.ID, c.URL())
		}
	}
	if got, want := anchor("SL2002 retry on 429 without reading Retry-After"), "sl2002-retry-on-429-without-reading-retry-after"; got != want {
		t.Errorf("anchor: got %q, want %q", got, want)
	}
}

// Every check constant has its documentation, and checks.md only
// documents checks that exist.
func TestChecksDocumented(t *testing.T) {
	ids := []string{RawLiteral, Undocumented, Unused, Invalid, Operation, Route, RetryNever, RetryAfterWait, BadDirective, UnusedIgnore}
	for _, id := range ids {
		if _, ok := Lookup(id); !ok {
			t.Errorf("%s is not in checks.md", id)
		}
	}
	if len(All) != len(ids) {
		t.Errorf("checks.md documents %d checks, the code has %d", len(All), len(ids))
	}
	if _, err := parseChecksDoc("### SL1001 raw\n\nDoc only.\n"); err == nil {
		t.Error("a check without examples was accepted")
	}
	if _, err := parseChecksDoc("### raw literal\n"); err == nil {
		t.Error("a heading without an ID was accepted")
	}
}
