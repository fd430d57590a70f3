// Command statuslint checks HTTP status codes in Go code against an API's
// status-code table. It runs standalone (statuslint ./...), as a vet tool
// (go vet -vettool=$(command -v statuslint)) and as a fix tool
// (go fix -fixtool=$(command -v statuslint)).
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
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
	if len(args) == 1 && (args[0] == "-version" || args[0] == "--version" || args[0] == "-V" || args[0] == "--V") {
		fmt.Println("statuslint", version())
		return
	}
	if len(args) == 1 && (args[0] == "-V=full" || args[0] == "--V=full") {
		// The go command's tool ID: it keys go vet's and go fix's cache.
		if err := printToolID(os.Stdout); err != nil {
			log.Fatal(err)
		}
		return
	}
	// Under go vet and go fix, the go command prints each message alone
	// (since Go 1.26 it asks the tool for JSON and prints the messages
	// itself, so -json says nothing about what the user sees): the check
	// ID goes into the message.
	a := analyzer.New(analyzer.Config{ShowIDs: toolProtocol(args)})
	if cfg, ok := vetConfigArg(args); ok {
		// The go command runs the tool in the package's directory: its
		// configuration files, checked before anything is analyzed, so
		// that a bad one is its own error rather than the passes'.
		if wd, err := os.Getwd(); err == nil {
			if err := analyzer.CheckConfigDir(wd); err != nil {
				log.Fatal(err)
			}
		}
		skip, vc, err := factsNotNeeded(cfg)
		if err != nil {
			log.Fatal(err)
		}
		if skip && mayDeclareRouters(vc, func(path string) bool { return analyzer.KnownPackage(a, path) }) && hasCodes(args) {
			// A dependency's router types and the functions that
			// register on a router they are given, for the routes
			// pass's facts, as the standalone driver reads them
			// (analyzer.DependencyRouters): its run needs the table.
			if err := a.Flags.Parse(analyzerFlags(a, args[:len(args)-1])); err == nil && analyzer.FlagSpec(a) {
				registerFactTypes(a)
				unitchecker.Run(cfg, []*analysis.Analyzer{analyzer.RoutesPass(a)})
			}
		}
		if skip {
			// Before the table is read: these runs need none. The
			// facts of the packages it imports are still decoded,
			// and a dependency may import a package of the main
			// module, whose facts are statuslint's (gax-go's
			// apierror imports google.golang.org/api/googleapi when
			// that module is the one vetted).
			registerFactTypes(a)
			unitchecker.Run(cfg, []*analysis.Analyzer{typesOnly})
		}
	}
	if err := checkFlags(a, args); err != nil {
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
		singlechecker.Main(a)
	}
	os.Exit(runStandalone(a, args, os.Stdout))
}

// runStandalone parses args as singlechecker does and runs the standalone
// driver. A flag that does not parse is one line and exit 1; -h and help
// print the usage, to out.
func runStandalone(a *analysis.Analyzer, args []string, out io.Writer) int {
	fs := flag.NewFlagSet("statuslint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := registerFlags(fs, a)
	if len(args) > 0 && args[0] == "help" {
		usage(out, a, fs)
		return 0
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(out, a, fs)
			return 0
		}
		log.Printf("%v (statuslint -h lists the flags)", err)
		return 1
	}
	if fs.NArg() == 0 {
		log.Print("no packages given: statuslint [flags] packages, as in statuslint ./... (statuslint -h lists the flags)")
		return 1
	}
	if err := o.exclusive(); err != nil {
		log.Printf("%v (statuslint -h lists the flags)", err)
		return 1
	}
	// Every configuration file of the module, before anything is
	// analyzed; under go vet each package's process reads its own.
	if _, err := analyzer.ConfigFiles(a); err != nil {
		log.Print(err)
		return 1
	}
	if listsRoutes(a) && !analyzer.HasSpec(a) {
		log.Print("-routes lists the routes tied to an OpenAPI spec's operations: give the spec with -codes=openapi.yaml (or codes: in .statuslint.yaml)")
		return 1
	}
	// Once, standalone; under go vet each package's process reads the
	// table, and the warnings would repeat per package.
	for _, w := range analyzer.TableWarnings(a) {
		fmt.Fprintf(os.Stderr, "statuslint: warning: %s\n", w)
	}
	return standalone(a, fs.Args(), o)
}

// hiddenFlag is the usage of flags accepted for compatibility and not
// listed.
const hiddenFlag = "no effect (deprecated)"

// usage prints how to run statuslint and its flags; the checks are
// -explain's.
func usage(w io.Writer, a *analysis.Analyzer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s\n\nUsage: statuslint [flags] packages\n       statuslint -explain [ID]    the checks, or one check's documentation\n       statuslint -version\n\nFlags:\n", strings.SplitN(a.Doc, "\n", 2)[0])
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage == hiddenFlag || f.Name == "explain" {
			return
		}
		name, text := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(text, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// version is the module version statuslint was built at: a release's
// tag, or "(devel)" from a clone, with the commit when the build knew it.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
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

// printToolID prints what the go command asks a vet or fix tool with
// -V=full: a line whose buildID it keys its cache with. The ID hashes the
// executable, as unitchecker's does, and the configuration files of the
// module around the working directory with the tables they name
// (analyzer.ConfigFingerprint): the go command keys its cache on the tool's ID and
// flags, not on the files they name, and would otherwise show the findings
// of a configuration edited since.
func printToolID(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if wd, err := os.Getwd(); err == nil {
		h.Write(analyzer.ConfigFingerprint(wd))
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, string(h.Sum(nil)))
	return err
}
