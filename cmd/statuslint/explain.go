package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/statuslint/statuslint/analyzer"
)

// explain prints the documentation of check id, or with id "" or "all" the
// list of checks.
func explain(w io.Writer, id string) error {
	if id == "" || id == "all" {
		for _, c := range analyzer.Checks {
			fmt.Fprintf(w, "%s  %s\n", c.ID, c.Title)
		}
		fmt.Fprintln(w, "\nstatuslint -explain <ID> describes one.")
		return nil
	}
	c, ok := analyzer.LookupCheck(strings.ToUpper(id))
	if !ok {
		return fmt.Errorf("-explain: no check %q (statuslint -explain lists them)", id)
	}
	// The rule and its examples; what the check follows, and how, is the
	// documentation page's (SL2001's is some 250 lines).
	rule, _, more := strings.Cut(strings.TrimSpace(c.Doc), "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n%s\n\nBad:\n\n%s\n\nGood:\n\n%s\n\n", c.ID, c.Title, rule, indent(c.Bad), indent(c.Good))
	fmt.Fprintf(w, `Silence one finding with a comment on the line before it or at the end of
its line, with the reason it does not apply:

	//lint:ignore %[1]s <reason>

or every finding of a file with //lint:file-ignore %[1]s <reason>.
//nolint:statuslint silences every check on a line, as golangci-lint does.

Switch the check off with -checks=all,-%[1]s (standalone, go vet, go fix),
checks: [all, -%[1]s] in .statuslint.yaml, or, in golangci-lint's settings,
checks: ["all", "-%[1]s"].

`, c.ID)
	if more {
		fmt.Fprintf(w, "What the check follows, and what it leaves alone: %s\n", c.URL())
	} else {
		fmt.Fprintln(w, c.URL())
	}
	return nil
}

func indent(code string) string {
	return "\t" + strings.ReplaceAll(code, "\n", "\n\t")
}
