// Command statuslint checks HTTP status codes in Go code against an API's
// status-code table. It runs standalone (statuslint ./...), as a vet tool
// (go vet -vettool=$(command -v statuslint)) and as a fix tool
// (go fix -fixtool=$(command -v statuslint)).
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/statuslint/statuslint/analyzer"
)

func main() {
	singlechecker.Main(analyzer.Analyzer)
}
