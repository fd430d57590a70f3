// Command statuslint checks HTTP status codes in Go code against an API's
// status-code table. It runs standalone (statuslint ./...), as a vet tool
// (go vet -vettool=$(command -v statuslint)) and as a fix tool
// (go fix -fixtool=$(command -v statuslint)).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/statuslint/statuslint/analyzer"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("statuslint: ")
	args := os.Args[1:]
	if cfg, ok := vetConfigArg(args); ok {
		skip, err := factsNotNeeded(cfg)
		if err != nil {
			log.Fatal(err)
		}
		if skip {
			// Before the table is read: these runs need none.
			unitchecker.Run(cfg, []*analysis.Analyzer{typesOnly})
		}
		// The go command runs a vet tool in each package's directory: a
		// relative table path is the module root's.
		args = resolveTable(args, moduleRoot)
		os.Args = append(os.Args[:1], args...)
	}
	if err := checkFlags(analyzer.Analyzer, args); err != nil {
		// Before any analysis, so that nothing is reported or fixed.
		fmt.Fprintf(os.Stderr, "statuslint: %v\n", err)
		os.Exit(1)
	}
	if id, ok := cutValueFlag(args, "explain"); ok {
		if err := explain(os.Stdout, id); err != nil {
			log.Fatal(err)
		}
		return
	}
	if toolProtocol(args) {
		// go vet and go fix: one package per process, with unitchecker.
		singlechecker.Main(analyzer.Analyzer)
	}
	os.Exit(runStandalone(analyzer.Analyzer, args))
}

// runStandalone parses args as singlechecker does and runs the standalone
// driver.
func runStandalone(a *analysis.Analyzer, args []string) int {
	fs := flag.NewFlagSet("statuslint", flag.ExitOnError)
	o := registerFlags(fs, a)
	fs.Usage = func() {
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Fprintf(fs.Output(), "%s\n\nUsage: %s [-flag] [package]\n       %s -explain [ID]\n\n", paras[0], a.Name, a.Name)
		if len(paras) > 1 {
			fmt.Fprintln(fs.Output(), strings.Join(paras[1:], "\n\n"))
		}
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if fs.NArg() == 0 {
		fs.Usage()
		return 1
	}
	return standalone(a, fs.Args(), o)
}

// toolProtocol reports whether the go command is running statuslint as a
// vet or fix tool: asking for its flags or version, or handing it a
// package's config.
func toolProtocol(args []string) bool {
	if _, ok := vetConfigArg(args); ok {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "flags" || name == "V") {
			return true
		}
	}
	return false
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

// cutValueFlag finds -name=value, -name value or -name (value "") in args.
func cutValueFlag(args []string, name string) (string, bool) {
	for i, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		flagName, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if flagName != name {
			continue
		}
		if !hasValue && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			value = args[i+1]
		}
		return value, true
	}
	return "", false
}

// checkFlags reads the table named by a -codes flag in args into a's flag
// and checks a -checks selection, so that a bad value is one clear error rather than a
// flag-parsing failure with the whole usage text.
func checkFlags(a *analysis.Analyzer, args []string) error {
	for i, arg := range args {
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "codes" && name != "checks" {
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil // the flag package reports the missing value
			}
			value = args[i+1]
		}
		if name == "checks" {
			if err := analyzer.ValidateChecks(value); err != nil {
				return fmt.Errorf("-checks=%s: %v", value, err)
			}
			continue
		}
		// Set through the analyzer's flag, which keeps the table: parsing
		// the flags again does not read it again.
		if err := a.Flags.Set("codes", value); err != nil {
			return err
		}
	}
	return nil
}
