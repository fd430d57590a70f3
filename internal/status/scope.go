package status

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// FactScope returns pass, or, for a package of the standard library or
// of a dependency module, a copy of it that exports no fact. Facts are
// the main module's: go vet's facts-only runs analyze neither (cmd's
// factsNotNeeded) and the standalone driver reads both from export data,
// while golangci-lint and analysistest analyze every package from source.
// Without this, those two gave another answer: net/http's transport,
// which hands response headers to a hook, had a Retry-After fact, and
// minio-go's retry loop looked as if it waited on 429.
func FactScope(pass *analysis.Pass) *analysis.Pass {
	if ownFacts(pass) {
		return pass
	}
	p := *pass
	p.ExportObjectFact = func(types.Object, analysis.Fact) {}
	return &p
}

// OfDependency reports whether pass's package is of a dependency module:
// a module with a version, not the main one nor a workspace's.
func OfDependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// ownFacts reports whether pass's package may export facts: it is not of
// a dependency module (one with a version) nor of the standard library.
func ownFacts(pass *analysis.Pass) bool {
	if OfDependency(pass) {
		return false
	}
	if m := pass.Module; m != nil && m.Path != "" {
		return true // the main module, or a workspace one
	}
	return len(pass.Files) == 0 || !inGOROOT(pass.Fset.File(pass.Files[0].Pos()).Name(), pass.Pkg.Path())
}

// goroots memoizes inGOROOT's answer by root directory.
var goroots sync.Map

// inGOROOT reports whether file, of the package at path, is in a Go
// installation's source tree: ROOT/src/PATH/file, where ROOT holds the
// go.env every Go release ships (a GOPATH tree, as analysistest's
// testdata, has none). The analyzer may run from a binary built with
// -trimpath, which knows no GOROOT of its own.
func inGOROOT(file, path string) bool {
	dir := filepath.ToSlash(filepath.Dir(file))
	root, ok := strings.CutSuffix(dir, "/src/"+path)
	if !ok {
		return false
	}
	if v, ok := goroots.Load(root); ok {
		return v.(bool)
	}
	_, err := os.Stat(filepath.Join(filepath.FromSlash(root), "go.env"))
	goroots.Store(root, err == nil)
	return err == nil
}
