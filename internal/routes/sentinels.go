package routes

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// Statuses answered for sentinel errors. A writer shared by the handlers
// picks the status by comparing the error it is given with the error
// variables of a package (if errors.Is(err, store.ErrNotFound) { code =
// 404 }; switch err { case ErrConflict: ... }), and the services return
// those variables, or errors that wrap them (fmt.Errorf("%w: %s",
// ErrNotFound, id)). A handler that hands a service's error to the writer
// answers what the writer answers for the variables the error may be.
//
// What the writer answers for a variable is found by following its paths
// (values.Walk) with the error it is given being that variable, or an
// error that wraps it: a comparison with the variable holds, one with
// another variable holds not (errors.Is too, when the variable is made
// by errors.New and so wraps nothing), a nil test says the error is not
// nil, and a branch on anything else the error decides (its text, its
// type) ends the path, since the error's value there is not known.
// Branches on other values go either way. The statuses the paths reach
// at a sink, or return from a function whose result is written, are what
// the writer answers for that variable.

// PlainErrorFact marks a package-level error variable made by errors.New:
// it wraps no other error, so errors.Is of it and another variable is
// false.
type PlainErrorFact struct{}

// AFact marks PlainErrorFact as a fact.
func (*PlainErrorFact) AFact() {}

func (*PlainErrorFact) String() string { return "plainError" }

// isPlain reports whether the error variable ref names wraps no other:
// made by errors.New here, or so by its package's fact.
func (cs *carriers) isPlain(ref string) bool {
	if cs.plain[ref] {
		return true
	}
	obj := cs.sentinelObjs[ref]
	if obj == nil {
		// A variable named by a fact: found among the package's imports.
		dot := strings.LastIndex(ref, ".")
		for _, imp := range cs.f.Pass.Pkg.Imports() {
			if imp.Path() == ref[:dot] {
				obj, _ = imp.Scope().Lookup(ref[dot+1:]).(*types.Var)
			}
		}
		cs.sentinelObjs[ref] = obj
	}
	return obj != nil && obj.Pkg() != cs.f.Pass.Pkg && status.ImportFact(cs.f.Pass, cs.f.Index, obj, new(PlainErrorFact))
}

// SentinelRef is an error variable of a package that an error may be,
// or (Wrapped) wrap: "example.com/store.ErrNotFound".
type SentinelRef struct {
	Var     string
	Wrapped bool
}

func (r SentinelRef) String() string {
	name := r.Var[strings.LastIndex(r.Var, "/")+1:]
	if r.Wrapped {
		return "%w " + name
	}
	return name
}

// sentinelVar returns the package-level error variable v loads, if it
// loads one: "example.com/store.ErrNotFound".
func sentinelVar(v ssa.Value) string {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return ""
	}
	g, ok := load.X.(*ssa.Global)
	if !ok || g.Pkg == nil || !typesx.IsError(load.Type()) {
		return ""
	}
	return g.Pkg.Pkg.Path() + "." + g.Name()
}

// sentinelsOf returns the error variables the errors v may be are, or
// wrap: through the sources of v (the package's calls entered), an
// error fmt.Errorf wraps with %w, and what other packages' functions
// return by their facts.
func (cs *carriers) sentinelsOf(v ssa.Value, depth int) []SentinelRef {
	if refs, ok := cs.sentinelsMemo[v]; ok {
		return refs // known, or being found (an error wrapped round a loop)
	}
	cs.sentinelsMemo[v] = nil
	refs := cs.findSentinels(v, depth)
	cs.sentinelsMemo[v] = refs
	return refs
}

// findSentinels is sentinelsOf, not memoized.
func (cs *carriers) findSentinels(v ssa.Value, depth int) []SentinelRef {
	var out []SentinelRef
	add := func(r SentinelRef) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if depth > 4 {
		return nil
	}
	enter := func(call *ssa.Call) bool { return cs.made[call.Pos()] == nil }
	for _, s := range values.Sources(v, enter) {
		if g := sentinelVar(s.Value); g != "" {
			add(SentinelRef{Var: g})
			continue
		}
		call, ok := s.Value.(*ssa.Call)
		if !ok {
			continue
		}
		if wrapped := wrappedArgs(call); wrapped != nil {
			for _, a := range wrapped {
				for _, r := range cs.sentinelsOf(a, depth+1) {
					add(SentinelRef{Var: r.Var, Wrapped: true})
				}
			}
			continue
		}
		if fn := calleeObj(call); fn != nil && fn.Pkg() != nil && fn.Pkg() != cs.f.Pass.Pkg {
			if f := cs.importedCarries(fn); f != nil && f.Result == s.Index {
				for _, r := range f.Sentinels {
					add(r)
				}
			}
		}
	}
	return out
}

// wrappedArgs returns the arguments a call of fmt.Errorf wraps: those
// its constant format gives to %w (nil for any other call, a format that
// is not constant or that picks its arguments by index).
func wrappedArgs(call *ssa.Call) []ssa.Value {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "fmt" || fn.Name() != "Errorf" || len(call.Call.Args) != 2 {
		return nil
	}
	c, ok := call.Call.Args[0].(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return nil
	}
	format := constant.StringVal(c.Value)
	if strings.Contains(format, "[") {
		return nil
	}
	var verbs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			if format[i] == '*' {
				verbs = append(verbs, '*') // a width taken from the arguments
			}
			i++
		}
		if i < len(format) && format[i] != '%' {
			verbs = append(verbs, rune(format[i]))
		}
	}
	args := variadicArgs(call.Call.Args[1])
	var out []ssa.Value
	for i, verb := range verbs {
		if verb == 'w' && i < len(args) && args[i] != nil {
			out = append(out, args[i])
		}
	}
	return out
}

// variadicArgs returns the values of a variadic call's slice of
// arguments, by their index (nil where not known).
func variadicArgs(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		i := int(c.Int64())
		for _, u := range *ia.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == ia && i < 64 {
				for len(out) <= i {
					out = append(out, nil)
				}
				out[i] = st.Val
			}
		}
	}
	return out
}

// codeAt is a status and where it is written or returned: in this
// package (pos), or in another, as its fact says (place).
type codeAt struct {
	code  int
	pos   token.Pos
	place string
}

// sentinelKey is a function's parameter taken to be, or wrap, an error
// variable.
type sentinelKey struct {
	fn    *ssa.Function
	param int
	ref   SentinelRef
}

// answered is what a function does with one parameter's error taken to
// be a sentinel: the statuses it writes and those it returns.
type answered struct {
	writes, returns []codeAt
}

// sentinelsTested returns the error variables fn compares its parameter
// p with, itself or in the functions of its package it hands p to, in
// the order found.
func (cs *carriers) sentinelsTested(fn *ssa.Function, p *ssa.Parameter, depth int) []string {
	var out []string
	if depth > 4 {
		return nil
	}
	add := func(g string) {
		if g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	addVar := func(v ssa.Value) {
		if g := sentinelVar(v); g != "" {
			cs.sentinelObjs[g], _ = v.(*ssa.UnOp).X.(*ssa.Global).Object().(*types.Var)
			add(g)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.BinOp:
				if x.Op == token.EQL || x.Op == token.NEQ {
					if isValue(x.X, p) {
						addVar(x.Y)
					} else if isValue(x.Y, p) {
						addVar(x.X)
					}
				}
			case *ssa.Lookup:
				if mayBe(x.Index, p) {
					if entries, ok := cs.mapEntries(x.X); ok {
						for _, g := range slices.Sorted(maps.Keys(entries)) {
							add(g)
						}
					}
				}
			case *ssa.Call:
				if isErrorsIs(x) && isValue(x.Call.Args[0], p) {
					addVar(x.Call.Args[1])
				}
				// A writer of another package, by its fact.
				for _, w := range cs.importedSentinels(x) {
					if mayBe(x.Call.Args[w.Index+receivers(x)], p) {
						add(w.Sentinel)
					}
				}
				callee := x.Call.StaticCallee()
				if callee == nil || callee.Pkg != fn.Pkg || callee.Blocks == nil {
					continue
				}
				for j, a := range x.Call.Args {
					if j < len(callee.Params) && mayBe(a, p) {
						for _, g := range cs.sentinelsTested(callee, callee.Params[j], depth+1) {
							add(g)
						}
					}
				}
			}
		}
	}
	return out
}

// isErrorsIs reports whether call calls errors.Is.
func isErrorsIs(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "errors" && fn.Name() == "Is" && len(call.Call.Args) == 2
}

// mayBe reports whether v may be p: p is among its sources (err after
// if err == nil { err = ErrDefault }).
func mayBe(v ssa.Value, p *ssa.Parameter) bool {
	return slices.ContainsFunc(values.Sources(v, func(*ssa.Call) bool { return false }), func(s values.Source) bool { return s.Value == p })
}

// isValue reports whether v is p, through conversions to an interface.
func isValue(v ssa.Value, p ssa.Value) bool {
	for range 4 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v == p
		}
	}
	return v == p
}

// answer returns what fn writes, and returns, when its parameter i is
// an error that is, or wraps, ref.
func (cs *carriers) answer(fn *ssa.Function, i int, ref SentinelRef, depth int) answered {
	key := sentinelKey{fn, i, ref}
	if a, ok := cs.answers[key]; ok {
		return a
	}
	cs.answers[key] = answered{} // a recursion answers nothing
	if depth > 4 || i >= len(fn.Params) {
		return answered{}
	}
	p := fn.Params[i]
	var a answered
	add := func(list *[]codeAt, cs []codeAt) {
		for _, c := range cs {
			if !slices.Contains(*list, c) {
				*list = append(*list, c)
			}
		}
	}
	result := -1
	if res := fn.Signature.Results(); res.Len() == 1 && typesx.IsInteger(res.At(0).Type()) {
		result = 0
	}
	complete := values.Walk(fn, func(cond ssa.Value, env values.Env) values.Branch {
		return cs.decideSentinel(cond, env, p, ref)
	}, func(instr ssa.Instruction, env values.Env) bool {
		switch x := instr.(type) {
		case *ssa.Call:
			if arg, ok := cs.sinkArgs[x.Pos()]; ok && arg+receivers(x) < len(x.Call.Args) {
				add(&a.writes, cs.codesOf(x.Call.Args[arg+receivers(x)], env, p, ref, x.Pos(), depth))
			}
			// A writer it hands the error to writes for it: another
			// package's by its fact, this package's by its paths.
			for _, w := range cs.importedSentinels(x) {
				if w.Sentinel == ref.Var && w.Wrapped == ref.Wrapped && isValue(env.Resolve(x.Call.Args[w.Index+receivers(x)]), p) {
					add(&a.writes, []codeAt{{code: w.Code, place: w.At}})
				}
			}
			if callee := x.Call.StaticCallee(); callee != nil && callee.Pkg == fn.Pkg && callee.Blocks != nil {
				for j, arg := range x.Call.Args {
					if isValue(env.Resolve(arg), p) {
						add(&a.writes, cs.answer(callee, j, ref, depth+1).writes)
					}
				}
			}
		case *ssa.Return:
			if result >= 0 && result < len(x.Results) {
				add(&a.returns, cs.codesOf(x.Results[result], env, p, ref, x.Pos(), depth))
			}
		}
		return true
	})
	if !complete {
		a = answered{} // a path not followed may change what others answer: say nothing
	}
	cs.answers[key] = a
	return a
}

// codesOf returns the statuses v is on a path where p is an error that
// is, or wraps, ref: a constant, or what a function of the package
// returns when handed p.
func (cs *carriers) codesOf(v ssa.Value, env values.Env, p *ssa.Parameter, ref SentinelRef, at token.Pos, depth int) []codeAt {
	v = env.Resolve(v)
	for range 4 {
		conv, ok := v.(*ssa.Convert)
		if !ok {
			break
		}
		v = env.Resolve(conv.X)
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.Int {
			if code, ok := constant.Int64Val(x.Value); ok && code >= 100 && code <= 599 {
				return []codeAt{{code: int(code), pos: at}}
			}
		}
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || callee.Pkg != p.Parent().Pkg || callee.Blocks == nil {
			return nil
		}
		var out []codeAt
		for j, arg := range x.Call.Args {
			if isValue(env.Resolve(arg), p) {
				out = append(out, cs.answer(callee, j, ref, depth+1).returns...)
			}
		}
		return out
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			return cs.codesOf(l, env, p, ref, at, depth)
		}
	case *ssa.Lookup:
		// A map from the error variables to their statuses, looked up
		// with the error itself: an error that wraps one is no key.
		if !isValue(env.Resolve(x.Index), p) || ref.Wrapped {
			return nil
		}
		if entries, ok := cs.mapEntries(x.X); ok && entries[ref.Var] != nil {
			return cs.codesOf(entries[ref.Var], env, p, ref, at, depth)
		}
	}
	return nil
}

// mapEntries returns the entries of the package's map variable that m
// loads, by the error variable each key is, and whether every key is one
// and the map is only its initial value (no statement of the package
// sets, deletes or replaces an entry, or takes its address).
func (cs *carriers) mapEntries(m ssa.Value) (map[string]ssa.Value, bool) {
	load, ok := m.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok || g.Pkg != cs.pkg {
		return nil, false
	}
	v, ok := g.Object().(*types.Var)
	if !ok || cs.changed(v) {
		return nil, false
	}
	init := cs.pkg.Func("init")
	if init == nil {
		return nil, false
	}
	var made *ssa.MakeMap
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
				if made, ok = st.Val.(*ssa.MakeMap); !ok {
					return nil, false
				}
			}
		}
	}
	if made == nil || made.Referrers() == nil {
		return nil, false
	}
	out := map[string]ssa.Value{}
	for _, r := range *made.Referrers() {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			key := sentinelVar(r.Key)
			if key == "" {
				return nil, false
			}
			out[key] = r.Value
		case *ssa.Store:
		default:
			return nil, false
		}
	}
	return out, true
}

// changed reports whether a statement of the package changes the
// package-level map v after its declaration: sets or deletes an entry,
// replaces it, or takes its address.
func (cs *carriers) changed(v *types.Var) bool {
	if c, ok := cs.mapsChanged[v]; ok {
		return c
	}
	info := cs.f.Pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	changed := false
	for _, fc := range cs.f.AllFiles {
		for cur := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if ix, ok := lhs.(*ast.IndexExpr); ok && is(ix.X) || is(lhs) {
						changed = true
					}
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "delete" && len(n.Args) > 0 && is(n.Args[0]) {
					changed = true
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && is(n.X) {
					changed = true
				}
			}
		}
	}
	cs.mapsChanged[v] = changed
	return changed
}

// decideSentinel says which ways a path goes at cond where p is an error
// that is, or wraps, ref.
func (cs *carriers) decideSentinel(cond ssa.Value, env values.Env, p *ssa.Parameter, ref SentinelRef) values.Branch {
	if c, ok := env.Const(cond); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
		return branchOf(constant.BoolVal(c.Value))
	}
	switch x := env.Resolve(cond).(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			switch b := cs.decideSentinel(x.X, env, p, ref); b {
			case values.Then:
				return values.Else
			case values.Else:
				return values.Then
			default:
				return b
			}
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			break
		}
		a, b := env.Resolve(x.X), env.Resolve(x.Y)
		if isValue(b, p) {
			a, b = b, a
		}
		if !isValue(a, p) {
			break
		}
		var eq bool
		if c, ok := b.(*ssa.Const); ok && c.IsNil() {
			eq = false // the error is not nil
		} else if g := sentinelVar(b); g != "" {
			// An error that wraps the variable is another value.
			eq = !ref.Wrapped && g == ref.Var
		} else {
			return values.Neither
		}
		return branchOf(eq == (x.Op == token.EQL))
	case *ssa.Extract:
		// A map of error variables holds the error itself as a key: an
		// error that wraps one it does not.
		l, ok := x.Tuple.(*ssa.Lookup)
		if !ok || x.Index != 1 || !isValue(env.Resolve(l.Index), p) {
			break
		}
		if entries, ok := cs.mapEntries(l.X); ok {
			return branchOf(!ref.Wrapped && entries[ref.Var] != nil)
		}
		return values.Neither
	case *ssa.Call:
		if !isErrorsIs(x) || !isValue(env.Resolve(x.Call.Args[0]), p) {
			break
		}
		switch g := sentinelVar(env.Resolve(x.Call.Args[1])); {
		case g == ref.Var:
			return values.Then
		case g != "" && cs.isPlain(ref.Var):
			return values.Else
		}
		return values.Neither
	}
	if values.DependsOn(cond, func(v ssa.Value) bool { return v == p }) {
		return values.Neither
	}
	return values.Both
}

// branchOf is the way a condition known to be b goes.
func branchOf(b bool) values.Branch {
	if b {
		return values.Then
	}
	return values.Else
}

// plainSentinels returns the error variables of the package made by
// errors.New ("example.com/store.ErrNotFound"): they wrap no other.
func plainSentinels(pass *analysis.Pass) map[string]bool {
	out := map[string]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					call, ok := ast.Unparen(vs.Values[i]).(*ast.CallExpr)
					if !ok {
						continue
					}
					fn := typesx.Callee(pass.TypesInfo, call)
					if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == "New" && isSentinel(pass.TypesInfo.Defs[name]) {
						out[pass.Pkg.Path()+"."+name.Name] = true
					}
				}
			}
		}
	}
	return out
}

// exportPlainErrors exports a PlainErrorFact for each exported error
// variable of the package that errors.New makes: writers of other
// packages compare errors with it.
func exportPlainErrors(pass *analysis.Pass) {
	plain := plainSentinels(pass)
	for _, name := range slices.Sorted(maps.Keys(plain)) {
		if v, ok := pass.Pkg.Scope().Lookup(name[strings.LastIndex(name, ".")+1:]).(*types.Var); ok && v.Exported() {
			pass.ExportObjectFact(v, new(PlainErrorFact))
		}
	}
}

// sinkArgExprs returns the expressions that found's sinks are given as
// the status: the calls that hold them are the sinks the sentinel
// reading visits (carriers.sinkArgs).
func sinkArgExprs(found []status.Found) map[ast.Expr]bool {
	at := map[ast.Expr]bool{}
	for _, fd := range found {
		if !fd.S.Writes {
			continue
		}
		e := fd.E
		if fd.S.Via != nil {
			e = fd.S.Via
		}
		at[ast.Unparen(e)] = true
	}
	return at
}

// importedSentinels returns the sentinel writes of the function of
// another package that call calls, by its fact, whose parameter is among
// the call's arguments.
func (cs *carriers) importedSentinels(call *ssa.Call) []CarriedParam {
	fn := calleeObj(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == cs.f.Pass.Pkg {
		return nil
	}
	f := cs.importedWriter(fn)
	if f == nil {
		return nil
	}
	var out []CarriedParam
	for _, p := range f.Params {
		if p.Sentinel != "" && p.Index+receivers(call) < len(call.Call.Args) {
			out = append(out, p)
		}
	}
	return out
}

// sentinelWriters records the package's functions that write a status
// for an error parameter that is, or wraps, an error variable it tests.
func (cs *carriers) sentinelWriters() {
	fns := slices.SortedFunc(maps.Keys(cs.funcs), func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, obj := range fns {
		fn := cs.funcs[obj]
		recv := 0
		if obj.Signature().Recv() != nil {
			recv = 1
		}
		for i, p := range fn.Params {
			if i < recv || !types.Identical(p.Type(), types.Universe.Lookup("error").Type()) {
				continue
			}
			for _, g := range cs.sentinelsTested(fn, p, 0) {
				for _, wrapped := range []bool{false, true} {
					ref := SentinelRef{g, wrapped}
					for _, w := range cs.answer(fn, i, ref, 0).writes {
						cp := CarriedParam{Index: i - recv, Sentinel: g, Wrapped: wrapped, Code: w.code, At: w.place, pos: w.pos}
						if cp.At == "" {
							cp.At = cs.f.place(w.pos)
						}
						if !slices.Contains(cs.writers[obj], cp) {
							cs.writers[obj] = append(cs.writers[obj], cp)
						}
					}
				}
			}
		}
	}
}

// returnsSentinel reports whether n is a return statement that names an
// error variable of a package outside the standard library (ErrNotFound,
// fmt.Errorf("%w: %s", store.ErrGone, id)): its function may return it.
// The standard library's (io.EOF) are returned by readers, not services.
func returnsSentinel(info *types.Info, n ast.Node) bool {
	ret, ok := n.(*ast.ReturnStmt)
	if !ok {
		return false
	}
	found := false
	for _, r := range ret.Results {
		ast.Inspect(r, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && isSentinel(info.Uses[id]) && !inGOROOT(info.Uses[id].Pkg().Path()) {
				found = true
			}
			return !found
		})
	}
	return found
}

// goroot memoizes inGOROOT.
var goroot sync.Map

// inGOROOT reports whether the package at path is the standard library's.
func inGOROOT(path string) bool {
	if v, ok := goroot.Load(path); ok {
		return v.(bool)
	}
	fi, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(path)))
	std := err == nil && fi.IsDir() && build.Default.GOROOT != ""
	goroot.Store(path, std)
	return std
}

// isErrorMap reports whether obj is a package-level map keyed by errors.
func isErrorMap(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	m, ok := v.Type().Underlying().(*types.Map)
	return ok && typesx.IsError(m.Key())
}

// isSentinel reports whether obj is a package-level error variable.
func isSentinel(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && typesx.IsError(v.Type())
}

// testsSentinel reports whether the node at cur tests an error against a
// package-level error variable (errors.Is(err, ErrX), err == ErrX) in a
// function given an error: a writer may answer it.
func testsSentinel(info *types.Info, cur inspector.Cursor) bool {
	var operands []ast.Expr
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		if fn := typesx.Callee(info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == "Is" && len(n.Args) == 2 {
			operands = n.Args[1:]
		}
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			operands = []ast.Expr{n.X, n.Y}
		}
	case *ast.CaseClause:
		operands = n.List
	case *ast.IndexExpr:
		// A map from errors to statuses, looked up with the error.
		if m, ok := types.Unalias(info.TypeOf(n.X)).Underlying().(*types.Map); ok && typesx.IsError(m.Key()) {
			operands = []ast.Expr{n.X}
		}
	}
	tests := false
	for _, e := range operands {
		if id := typesx.NameIdent(ast.Unparen(e)); id != nil && (isSentinel(info.Uses[id]) || isErrorMap(info.Uses[id])) {
			tests = true
		}
	}
	if !tests {
		return false
	}
	var params *ast.FieldList
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := fn.Node().(type) {
		case *ast.FuncDecl:
			params = f.Type.Params
		case *ast.FuncLit:
			params = f.Type.Params
		}
		break
	}
	if params == nil {
		return false
	}
	for _, field := range params.List {
		if typesx.IsError(info.TypeOf(field.Type)) {
			return true
		}
	}
	return false
}
