package status

import (
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/typesx"
)

// An Index is what the passes read of one package besides its syntax and
// types: its files, its function declarations, the variables that hold a
// status and the fields that carry one, and what each variable is given.
// The sinks pass builds it and hands it on in its result (Statuses), so
// the passes after it index nothing again. The passes may run on one
// package at the same time: an Index is complete when it is handed on,
// but for the parts built on first use, each once (sync.Once), which are
// the same whichever pass asks first.
//
// The functions of this package read it with the pass that asks, in the
// style of staticcheck's analysis/code: IsStatusExpr(pass, x, e).
type Index struct {
	pkg  *types.Package
	info *types.Info
	// AllFiles are the package's files; Checked, those reported on (not
	// generated, not tests under -tests=false).
	AllFiles, Checked []inspector.Cursor
	// Decls are the package's function declarations with a body.
	Decls map[*types.Func]*ast.FuncDecl
	// StatusVars are the local variables that hold a status.
	StatusVars map[*types.Var]bool
	// StatusFields are the fields that carry a status by data flow
	// (the sinks pass's findStatusFields): the package's own and,
	// through facts, others'.
	StatusFields map[*types.Var]bool

	// values are what variables are given (ValuesOf); nonStatus, the
	// fields named as statuses that the package gives or compares with a
	// number no status is (nonStatusFields).
	valuesOnce, nonStatusOnce sync.Once
	values                    map[*types.Var][]Value
	nonStatus                 map[*types.Var]bool
	// params are the parameters of Decls' functions (ParamOf).
	paramsOnce sync.Once
	params     map[*types.Var]paramAt

	// passes holds each pass's own state (*passState), by analyzer.
	passes sync.Map
}

// passState is what one pass keeps over the index: the answers of
// statusResult, which are its own because a function being evaluated
// stands at -1 meanwhile, and the facts it imported, indexed by package
// path (ImportFact). A pass runs on one goroutine, so only the lookup of
// its state is synchronized.
type passState struct {
	statusResults map[types.Object]int
	foreign       map[string]*pkgFacts
}

// pass returns the state of pass over x.
func (x *Index) pass(pass *analysis.Pass) *passState {
	if ps, ok := x.passes.Load(pass.Analyzer); ok {
		return ps.(*passState)
	}
	ps, _ := x.passes.LoadOrStore(pass.Analyzer, &passState{statusResults: map[types.Object]int{}})
	return ps.(*passState)
}

// A paramAt is a parameter's function and index.
type paramAt struct {
	fn    *types.Func
	index int
}

// ParamOf returns the function of the package whose parameter v is, and
// its index (-1 for the receiver), or nil.
func (x *Index) ParamOf(v *types.Var) (*types.Func, int) {
	x.paramsOnce.Do(func() {
		x.params = map[*types.Var]paramAt{}
		for fn := range x.Decls {
			params := fn.Signature().Params()
			for i := range params.Len() {
				x.params[params.At(i)] = paramAt{fn, i}
			}
			if recv := fn.Signature().Recv(); recv != nil {
				x.params[recv] = paramAt{fn, -1}
			}
		}
	})
	p := x.params[v]
	return p.fn, p.index
}

// FuncDecl returns the declaration of fn, a function of this package.
func (x *Index) FuncDecl(fn *types.Func) *ast.FuncDecl {
	return x.Decls[fn]
}

// NewIndex indexes the package's files and declarations; checked says
// which files are reported on. The variables and fields that hold a
// status are found by its builder (FindStatusVars and the sinks pass)
// before it is handed on.
func NewIndex(pass *analysis.Pass, in *inspector.Inspector, checked func(*analysis.Pass, *ast.File) bool) *Index {
	x := &Index{pkg: pass.Pkg, info: pass.TypesInfo, Decls: typesx.FuncDecls(pass.TypesInfo, pass.Files)}
	for fc := range in.Root().Children() {
		x.AllFiles = append(x.AllFiles, fc)
		if checked(pass, fc.Node().(*ast.File)) {
			x.Checked = append(x.Checked, fc)
		}
	}
	return x
}
