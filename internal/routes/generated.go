package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Generated servers (oapi-codegen's, for net/http, chi, gorilla, echo,
// gin, fiber and their strict variants) declare an interface with a
// method per operation, each documented "(GET /pets)"; the user's type
// that implements the interface is the server, and its methods are the
// operations' handlers. The generated file is never reported on, but it
// says which handler serves which operation.

// OperationFact binds a method of a generated server interface to the
// operation its doc comment names, for the packages that implement it.
type OperationFact struct {
	Method, Path string
	// Rejects are the statuses a go-swagger operation's generated
	// binder answers for a request it rejects (swagger.go).
	Rejects []Rejected
}

// AFact marks OperationFact as a fact.
func (*OperationFact) AFact() {}

func (f *OperationFact) String() string {
	if len(f.Rejects) > 0 {
		return "operation " + f.Method + " " + f.Path + " rejects" + rejectCodes(f.Rejects)
	}
	return "operation " + f.Method + " " + f.Path
}

// operationDoc is the last line of a generated interface method's doc:
// "(GET /pets/{id})".
var operationDoc = regexp.MustCompile(`^\((GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (/\S*)\)$`)

// bindGenerated finds the interface methods of the package's generated
// files that name an operation, exporting a fact for each, and returns
// them.
func bindGenerated(f *routeFinder) map[*types.Func]OperationFact {
	out := map[*types.Func]OperationFact{}
	for _, fc := range f.AllFiles {
		file := fc.Node().(*ast.File)
		if !ast.IsGenerated(file) {
			continue
		}
		bindSwagger(f, file, out)
		for n := range fc.Preorder((*ast.InterfaceType)(nil)) {
			for _, m := range n.Node().(*ast.InterfaceType).Methods.List {
				if m.Doc == nil || len(m.Names) != 1 {
					continue
				}
				lines := strings.Split(strings.TrimSpace(m.Doc.Text()), "\n")
				sub := operationDoc.FindStringSubmatch(strings.TrimSpace(lines[len(lines)-1]))
				fn, ok := f.Pass.TypesInfo.Defs[m.Names[0]].(*types.Func)
				if sub == nil || !ok {
					continue
				}
				fact := OperationFact{Method: sub[1], Path: sub[2]}
				out[fn] = fact
				if fn.Exported() {
					f.Pass.ExportObjectFact(fn, &fact)
				}
			}
		}
	}
	return out
}

// checkGenerated checks the package's implementations of generated
// server interfaces, its own or those of the packages it imports: each
// method is the handler of its operation.
func checkGenerated(f *routeFinder, spec *table.Spec, found []status.Found, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	local := bindGenerated(f)
	var ifaces []*types.Interface
	seen := map[*types.Interface]bool{}
	addScope := func(scope *types.Scope) {
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			it, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || seen[it] || it.NumMethods() == 0 {
				continue
			}
			if _, bound := operationOf(f, local, it.Method(0)); bound {
				seen[it] = true
				ifaces = append(ifaces, it)
			}
		}
	}
	addScope(f.Pass.Pkg.Scope())
	for _, imp := range f.Pass.Pkg.Imports() {
		addScope(imp.Scope())
	}
	if len(ifaces) == 0 {
		return
	}
	scope := f.Pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) || f.generated(tn.Pos()) {
			continue // a generated adapter (a strict server's) is no handler
		}
		for _, it := range ifaces {
			recv := types.Type(tn.Type())
			if !types.Implements(recv, it) {
				recv = types.NewPointer(recv)
				if !types.Implements(recv, it) {
					continue
				}
			}
			for m := range it.Methods() {
				op, ok := operationOf(f, local, m)
				if !ok {
					continue
				}
				obj, _, _ := types.LookupFieldOrMethod(recv, false, f.Pass.Pkg, m.Name())
				impl, ok := obj.(*types.Func)
				if !ok || f.Decls[impl] == nil {
					continue
				}
				ops := spec.MatchTemplate(op.Method, op.Path)
				if len(ops) == 0 {
					continue // the spec changed since the code was generated: nothing to tie
				}
				decl := f.Decls[impl]
				for _, o := range ops {
					res.Listing = append(res.Listing, analysis.Diagnostic{Pos: decl.Name.Pos(), End: decl.Name.End(), Category: "routes",
						Message: fmt.Sprintf("handler %s.%s -> %s %s (%s, generated server interface)", tn.Name(), impl.Name(), o.Method, o.Path, o.Name())})
				}
				how := analysis.RelatedInformation{Pos: decl.Name.Pos(), End: decl.Name.End(),
					Message: fmt.Sprintf("%s.%s implements %s %s of the generated server interface", tn.Name(), impl.Name(), op.Method, op.Path)}
				checkHandler(f, f.bodies(decl), ops, false, false, found, how, specAt, reported, res)
				checkReturned(f, decl, ops, found, how, specAt, reported, res)
				checkRejects(decl.Name, op, ops, how, specAt, reported, res)
			}
		}
	}
	checkConfigured(f, spec, ifaces, local, found, specAt, reported, res)
}

// generated reports whether pos is in a generated file of the package.
func (f *routeFinder) generated(pos token.Pos) bool {
	file := typesx.FileAt(f.AllFiles, pos)
	return file != nil && ast.IsGenerated(file)
}

// operationOf returns the operation a generated interface method names,
// from this package's generated files or, for an imported one, its fact.
func operationOf(f *routeFinder, local map[*types.Func]OperationFact, m *types.Func) (OperationFact, bool) {
	if op, ok := local[m]; ok {
		return op, true
	}
	if m.Pkg() == nil || m.Pkg() == f.Pass.Pkg {
		return OperationFact{}, false
	}
	var fact OperationFact
	return fact, status.ImportFact(f.Pass, f.Index, m, &fact)
}

var _ analysis.Fact = (*OperationFact)(nil)
