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
	if err := checkTable(os.Args[1:]); err != nil {
		// Before any analysis, so that nothing is reported or fixed.
		fmt.Fprintf(os.Stderr, "statuslint: %v\n", err)
		os.Exit(1)
	}
	singlechecker.Main(analyzer.Analyzer)
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
