// Command statuslint checks HTTP status codes in Go code against an API's
// status-code table. It runs standalone (statuslint ./...), as a vet tool
// (go vet -vettool=$(command -v statuslint)) and as a fix tool
// (go fix -fixtool=$(command -v statuslint)).
package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/statuslint/statuslint/analyzer"
	"github.com/statuslint/statuslint/analyzer/table"
)

func main() {
	args := os.Args[1:]
	if err := checkTable(args); err != nil {
		// Before any analysis, so that nothing is reported or fixed.
		fmt.Fprintf(os.Stderr, "statuslint: %v\n", err)
		os.Exit(1)
	}
	if rest, ok := cutFlag(args, "sarif"); ok {
		os.Exit(runSARIF(rest, os.Stdout, os.Stderr))
	}
	singlechecker.Main(analyzer.Analyzer)
}

// cutFlag removes the boolean flag -name (or --name) from args.
func cutFlag(args []string, name string) ([]string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if a == "-"+name || a == "--"+name {
			return append(append([]string{}, args[:i]...), args[i+1:]...), true
		}
	}
	return args, false
}

// checkTable reads the table named by a -codes flag in args, so that a bad
// table is one clear error rather than a flag-parsing failure with the
// whole usage text.
func checkTable(args []string) error {
	for i, arg := range args {
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "codes" {
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil // the flag package reports the missing value
			}
			value = args[i+1]
		}
		_, err := table.Load(value)
		return err
	}
	return nil
}
