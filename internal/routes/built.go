package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// Handlers a library builds from an endpoint's functions (go-kit's
// NewServer(endpoint, decoder, encoder, ServerErrorEncoder(encodeError))):
// the library hands the errors the decoder and the endpoint return to the
// error encoder the application gives, so the statuses the encoder
// answers for those errors are the route's (knowledge.HandlerBuilders).

// builtWrites returns the statuses the error encoder of the handler e
// builds writes for the errors the functions it is built from return,
// each at the return of the error, in the order of the functions and
// their returns.
func (cs *carriers) builtWrites(e ast.Expr) []carriedWrite {
	if cs == nil {
		return nil
	}
	info := cs.f.Pass.TypesInfo
	call, ok := innerHandler(info, e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	key, via, _, ok := typesx.Resolve(info, call)
	if !ok {
		return nil
	}
	b, ok := knowledge.Lookup(knowledge.HandlerBuilders, key, via)
	sc := cs.calls[call.Lparen]
	if !ok || sc == nil || b.Options >= len(sc.Call.Args) {
		return nil
	}
	var out []carriedWrite
	for _, enc := range cs.optionFuncs(sc.Call.Args[b.Options], b.Option) {
		var params []CarriedParam
		for _, p := range cs.writerParamsOf(enc) {
			if p.Index == b.Param {
				params = append(params, p)
			}
		}
		if len(params) == 0 {
			continue
		}
		for _, i := range b.Errs {
			if i >= len(sc.Call.Args) {
				continue
			}
			for _, fn := range funcValues(sc.Call.Args[i]) {
				for _, ret := range cs.returnedErrors(fn) {
					for _, p := range params {
						for _, c := range cs.answeredFor(ret.err, p, nil) {
							out = append(out, carriedWrite{arg: ret.expr, writer: enc, by: fnName(fn) + " returns and " + key.Name + " hands", Carried: c})
						}
					}
				}
			}
		}
	}
	return out
}

// fnName names a function value: its declared name, or the declared
// function a literal is in ("the function literal of makeEndpoint").
func fnName(fn *ssa.Function) string {
	if fn.Parent() == nil {
		return fn.Name()
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return "the function literal of " + fn.Name()
}

// optionFuncs returns the functions given, as their first argument, to
// calls of option among the elements of the variadic slice v.
func (cs *carriers) optionFuncs(v ssa.Value, option knowledge.Key) []*types.Func {
	var out []*types.Func
	for _, s := range values.Sources(v, nil) {
		sl, ok := s.Value.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, el := range variadicArgs(sl) {
			if el == nil {
				continue
			}
			for _, es := range values.Sources(el, nil) {
				call, ok := es.Value.(*ssa.Call)
				if !ok || len(call.Call.Args) == 0 {
					continue
				}
				fn := calleeObj(call)
				if fn == nil || fn.Pkg() == nil || (knowledge.Key{Path: fn.Pkg().Path(), Name: fn.Name()}) != option {
					continue
				}
				for _, f := range funcValues(call.Call.Args[0]) {
					if obj, ok := f.Object().(*types.Func); ok && !slices.Contains(out, obj) {
						out = append(out, obj)
					}
				}
			}
		}
	}
	return out
}

// funcValues returns the functions the function value v may be: declared
// functions and literals, through the package's calls that return them
// (a factory of endpoints).
func funcValues(v ssa.Value) []*ssa.Function {
	var out []*ssa.Function
	for _, s := range values.Sources(v, nil) {
		var fn *ssa.Function
		switch x := s.Value.(type) {
		case *ssa.Function:
			fn = x
		case *ssa.MakeClosure:
			fn, _ = x.Fn.(*ssa.Function)
		}
		if fn != nil && !slices.Contains(out, fn) {
			out = append(out, fn)
		}
	}
	return out
}

// A returnedErr is an error a function returns: its value and the
// expression of the return statement.
type returnedErr struct {
	err  ssa.Value
	expr ast.Expr
}

// returnedErrors returns the errors fn returns as its last result, with
// the expressions that return them, in the order of its blocks.
func (cs *carriers) returnedErrors(fn *ssa.Function) []returnedErr {
	res := fn.Signature.Results()
	if res.Len() == 0 || !isErrorish(res.At(res.Len()-1).Type()) {
		return nil
	}
	if cs.returns == nil {
		cs.returns = map[token.Pos]*ast.ReturnStmt{}
		for _, fc := range cs.f.AllFiles {
			for cur := range fc.Preorder((*ast.ReturnStmt)(nil)) {
				ret := cur.Node().(*ast.ReturnStmt)
				cs.returns[ret.Return] = ret
			}
		}
	}
	var out []returnedErr
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != res.Len() {
			continue
		}
		stmt := cs.returns[ret.Pos()]
		if stmt == nil || len(stmt.Results) != res.Len() {
			continue // a bare return of named results
		}
		out = append(out, returnedErr{ret.Results[res.Len()-1], stmt.Results[res.Len()-1]})
	}
	return out
}
