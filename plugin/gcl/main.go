// Command gcl is golangci-lint with the statuslint module plugin built in:
// what `golangci-lint custom` builds from .custom-gcl.yml, made from the
// module proxy alone (custom clones golangci-lint with git).
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/statuslint/statuslint/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0+statuslint", GoVersion: runtime.Version(), Commit: "?", Date: "(unknown)"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
