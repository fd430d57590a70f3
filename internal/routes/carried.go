package routes

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// Statuses carried by errors. A service layer returns errors that carry
// the status the API answers (util.NewServiceError(http.StatusNotFound,
// err), whose code a *ServiceError keeps), and one writer shared by the
// handlers answers the status of the error it is given
// (util.NewServiceErrResponse(err) writes err.ErrCode() for a
// *ServiceError). A handler that hands a service's error to that writer
// answers what the service's errors carry.
//
// The statuses are followed as values (SSA), in three facts' worth of
// steps: a constructor's status (an argument of a call, or a field of a
// literal, of an error type whose status reaches a sink: the sinks pass
// finds it), the errors a function returns (CarriesFact: through
// variables, phis and the package's calls, and other packages' functions
// by their facts), and the parameters whose error's status a function
// writes (WritesCarriedFact: a method of the error's type whose result
// is written, called on the parameter, through type switches, assertions
// and errors.As). The error's type ties the three: a status carried by
// one type is written only by a writer that reads that type.

// CarriesFact records the statuses the errors a function returns carry.
type CarriesFact struct {
	// Result is the index of the result that is the error.
	Result  int
	Carried []Carried
	// Sentinels are the error variables the errors may be, or wrap.
	Sentinels []SentinelRef
}

// Carried is a status an error carries: the error's type
// ("example.com/util.ServiceError"), the status, and where it is given
// ("event_service.go:160").
type Carried struct {
	Type string
	Code int
	At   string
	// pos is where the status is given, when in this package.
	pos token.Pos
}

// AFact marks CarriesFact as a fact.
func (*CarriesFact) AFact() {}

func (f *CarriesFact) String() string {
	var codes []string
	for _, c := range f.Carried {
		codes = append(codes, fmt.Sprint(c.Code))
	}
	for _, r := range f.Sentinels {
		codes = append(codes, r.String())
	}
	return fmt.Sprintf("carries[%s]", strings.Join(codes, " "))
}

// WritesCarriedFact records the parameters of a function whose error's
// status the function writes, for errors of the type each names.
type WritesCarriedFact struct {
	Params []CarriedParam
}

// CarriedParam is a parameter (its index in the signature) whose error's
// status is written when the error is of Type; or, where Sentinel is
// set, the status Code written (at At) when the error is that variable
// or (Wrapped) wraps it (sentinels.go).
type CarriedParam struct {
	Index    int
	Type     string
	Sentinel string
	Wrapped  bool
	Code     int
	At       string
	// pos is where Code is written, when in this package.
	pos token.Pos
}

// AFact marks WritesCarriedFact as a fact.
func (*WritesCarriedFact) AFact() {}

func (f *WritesCarriedFact) String() string {
	var ps []string
	for _, p := range f.Params {
		if p.Sentinel != "" {
			ps = append(ps, fmt.Sprintf("%d:%s=%d", p.Index, SentinelRef{p.Sentinel, p.Wrapped}, p.Code))
			continue
		}
		ps = append(ps, fmt.Sprintf("%d:%s", p.Index, p.Type[strings.LastIndex(p.Type, "/")+1:]))
	}
	return fmt.Sprintf("writesCarried[%s]", strings.Join(ps, " "))
}

// carriers is what the routes pass knows of carried statuses in one
// package (nil when it makes, returns and writes none, so that its SSA
// form is not built).
type carriers struct {
	f *routeFinder
	// calls are the package's calls by position (the Lparen), funcs its
	// declared functions.
	calls map[token.Pos]*ssa.Call
	funcs map[*types.Func]*ssa.Function
	// made are the statuses given to a constructor, by the position of
	// the call (its Lparen) or the literal (its Lbrace).
	made map[token.Pos][]Carried
	// writers are the package's functions that write the status of an
	// error they are given; imported caches other packages' facts.
	writers  map[*types.Func][]CarriedParam
	imported map[*types.Func]*WritesCarriedFact
	carries  map[*types.Func]*CarriesFact
	// What sentinel errors need (sentinels.go): the package's sinks by
	// the position of their call (its Lparen), with the index of the
	// status's argument in the call's syntax; its error
	// variables that wrap no other; what a function answers for a
	// parameter taken to be a sentinel.
	sinkArgs     map[token.Pos]int
	plain        map[string]bool
	sentinelObjs map[string]*types.Var
	answers      map[sentinelKey]answered
	// returns are the package's return statements by position, for the
	// errors a built handler's functions return (built.go).
	returns map[token.Pos]*ast.ReturnStmt
	// pkg is the package's SSA form; mapsChanged says of its map
	// variables whether a statement changes them (sentinels.go).
	pkg         *ssa.Package
	mapsChanged map[*types.Var]bool
	// sentinelsMemo holds what sentinelsOf found of each value.
	sentinelsMemo map[ssa.Value][]SentinelRef
}

// carrierType returns the name of t's error type when t is a named
// type, or a pointer to one, that is an error: a type whose values can
// keep a status ("" otherwise).
func carrierType(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || types.IsInterface(n) || n.Obj().Pkg() == nil {
		return ""
	}
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	if !types.Implements(n, errType) && !types.Implements(types.NewPointer(n), errType) {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// isErrorish reports whether t is error or an error type of the package's
// making: what a function can return an error as.
func isErrorish(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	return carrierType(t) != ""
}

// errorResult returns the index of fn's last result that is an error,
// or -1.
func errorResult(sig *types.Signature) int {
	for i := sig.Results().Len() - 1; i >= 0; i-- {
		if isErrorish(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// carried returns the package's carried statuses, computed on first use
// from found, the statuses the sinks pass found.
func (c *routeFinder) carried(found []status.Found) *carriers {
	if c.carriersDone {
		return c.carriers
	}
	c.carriersDone = true
	info := c.Pass.TypesInfo
	cs := &carriers{f: c, made: map[token.Pos][]Carried{}, writers: map[*types.Func][]CarriedParam{},
		imported: map[*types.Func]*WritesCarriedFact{}, carries: map[*types.Func]*CarriesFact{}}
	// The constructors' statuses: an argument of a call, or an element
	// of a literal, whose value is an error type.
	type made struct {
		at  token.Pos
		typ string
	}
	args := map[ast.Expr]made{}
	sinkArgs, sinkAt := map[token.Pos]int{}, sinkArgExprs(found)
	// The declarations where a question of carried statuses arises (a
	// constructor, a sentinel returned or tested, a writer or carrier of
	// another package called, a handler built by a library), and the
	// calls between the package's declarations: only those that reach
	// such a declaration are built (needed, below).
	var (
		decls   []*ast.FuncDecl
		decl    *ast.FuncDecl
		asks    = map[*ast.FuncDecl]bool{}
		returns = map[*ast.FuncDecl]bool{}
		callers = map[*ast.FuncDecl][]*ast.FuncDecl{}
	)
	for _, fc := range c.AllFiles {
		for cur := range fc.Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.BinaryExpr)(nil), (*ast.CaseClause)(nil), (*ast.ReturnStmt)(nil), (*ast.IndexExpr)(nil)) {
			n := cur.Node()
			if fd, ok := n.(*ast.FuncDecl); ok {
				decl = fd
				decls = append(decls, fd)
				continue
			}
			if decl != nil && n.Pos() >= decl.End() {
				decl = nil // a package-level variable's initializer
			}
			switch {
			case testsSentinel(info, cur):
				asks[decl] = true
			case returnsSentinel(info, n) && !asks[decl]:
				returns[decl] = true
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				for i, a := range n.Args {
					if sinkAt[ast.Unparen(a)] {
						sinkArgs[n.Lparen] = i // a sink, given the status
					}
				}
				if typ := carrierType(info.TypeOf(n)); typ != "" {
					for _, a := range n.Args {
						args[ast.Unparen(a)] = made{n.Lparen, typ}
					}
				}
				fn := typesx.Callee(info, n)
				switch {
				case fn == nil || fn.Pkg() == nil:
				case fn.Pkg() == c.Pass.Pkg:
					if callee := c.Decls[fn]; callee != nil && decl != nil {
						callers[callee] = append(callers[callee], decl)
					}
				case cs.importedCarries(fn) != nil || cs.importedWriter(fn) != nil:
					asks[decl] = true
				default:
					if _, ok := knowledge.HandlerBuilders[typesx.FuncKey(fn)]; ok {
						asks[decl] = true
					}
				}
			case *ast.CompositeLit:
				if typ := carrierType(info.TypeOf(n)); typ != "" {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							e = kv.Value
						}
						args[ast.Unparen(e)] = made{n.Lbrace, typ}
					}
				}
			}
		}
	}
	var reads []status.Found
	for _, fd := range found {
		if code, ok := constCode(info, fd.E); ok {
			m, ok := args[ast.Unparen(fd.E)]
			if !ok && fd.S.Via != nil {
				m, ok = args[ast.Unparen(fd.S.Via)]
			}
			if ok {
				cs.made[m.at] = append(cs.made[m.at], Carried{Type: m.typ, Code: code, At: c.place(fd.E.Pos()), pos: fd.E.Pos()})
			}
		} else if call, ok := ast.Unparen(fd.E).(*ast.CallExpr); ok && statusMethod(typesx.Callee(info, call)) != "" {
			reads = append(reads, fd)
		}
	}
	slices.SortFunc(decls, func(a, b *ast.FuncDecl) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, fd := range reads {
		asks[enclosingDecl(decls, fd.E.Pos())] = true
	}
	for pos := range cs.made {
		asks[enclosingDecl(decls, pos)] = true
	}
	delete(asks, nil)
	delete(returns, nil)
	if len(asks) == 0 && len(returns) == 0 {
		return nil
	}
	// The declarations that reach one that asks, through the package's
	// calls: the others are built without their bodies. A function that
	// returns a sentinel matters only to the exported functions that
	// return it on (their facts) and to the package's handlers and
	// writers, which ask themselves.
	needed := map[*ast.FuncDecl]bool{}
	var need func(d *ast.FuncDecl)
	need = func(d *ast.FuncDecl) {
		if !needed[d] {
			needed[d] = true
			for _, caller := range callers[d] {
				need(caller)
			}
		}
	}
	for _, d := range decls {
		if asks[d] || returns[d] {
			need(d)
		}
	}
	if len(asks) == 0 && !slices.ContainsFunc(decls, func(d *ast.FuncDecl) bool { return needed[d] && d.Name.IsExported() }) {
		return nil
	}
	c.carriers = cs
	cs.calls = map[token.Pos]*ssa.Call{}
	cs.funcs = map[*types.Func]*ssa.Function{}
	sp := values.BuildDecls(c.Pass, func(fd *ast.FuncDecl) bool { return needed[fd] })
	cs.plain, cs.sentinelObjs, cs.answers = plainSentinels(c.Pass), map[string]*types.Var{}, map[sentinelKey]answered{}
	cs.pkg, cs.mapsChanged, cs.sentinelsMemo = sp, map[*types.Var]bool{}, map[ssa.Value][]SentinelRef{}
	cs.sinkArgs = sinkArgs
	for _, fn := range values.Funcs(sp, c.Pass.Files, info) {
		if obj, ok := fn.Object().(*types.Func); ok {
			cs.funcs[obj] = fn
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					cs.calls[call.Pos()] = call
				}
			}
		}
	}
	// The package's writers: a function that writes the status its
	// error type's method returns, called on its parameter; then those
	// that hand their parameter to a writer, until no more are found.
	for _, fd := range reads {
		call := ast.Unparen(fd.E).(*ast.CallExpr)
		sc := cs.calls[call.Lparen]
		if sc == nil {
			continue
		}
		typ := statusMethod(typesx.Callee(info, call))
		recv := sc.Call.Value
		if !sc.Call.IsInvoke() {
			if len(sc.Call.Args) == 0 {
				continue
			}
			recv = sc.Call.Args[0]
		}
		cs.paramsOf(recv, CarriedParam{Type: typ})
	}
	cs.sentinelWriters()
	order := slices.Sorted(maps.Keys(cs.calls))
	for range 8 {
		changed := false
		for _, pos := range order {
			sc := cs.calls[pos]
			for _, p := range cs.writerParams(sc) {
				if p.Sentinel != "" {
					continue // followed by the paths that reach the call (sentinels.go)
				}
				if i := p.Index + receivers(sc); i < len(sc.Call.Args) && cs.paramsOf(sc.Call.Args[i], p) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return cs
}

// enclosingDecl returns the declaration of decls, sorted by position,
// that holds pos, or nil.
func enclosingDecl(decls []*ast.FuncDecl, pos token.Pos) *ast.FuncDecl {
	i, _ := slices.BinarySearchFunc(decls, pos, func(d *ast.FuncDecl, pos token.Pos) int { return cmp.Compare(d.Pos(), pos) })
	if i < len(decls) && decls[i].Pos() == pos {
		return decls[i]
	}
	if i > 0 && pos < decls[i-1].End() {
		return decls[i-1]
	}
	return nil
}

// receivers is 1 for a static call of a method, whose receiver is its
// first argument, else 0.
func receivers(sc *ssa.Call) int {
	if fn := sc.Call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		return 1
	}
	return 0
}

// statusMethod returns the error type fn is a method of when it returns
// a status kept in a value of that type (an integer result, no
// parameters), else "".
func statusMethod(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !typesx.IsInteger(sig.Results().At(0).Type()) {
		return ""
	}
	return carrierType(sig.Recv().Type())
}

// paramsOf records, for each parameter of a declared function of the
// package that v comes from, that the function writes what cp says of
// the error (the status its error of cp.Type carries, or cp.Code for a
// sentinel); it reports whether one is new.
func (cs *carriers) paramsOf(v ssa.Value, cp CarriedParam) bool {
	changed := false
	for _, s := range values.Sources(v, nil) {
		p, ok := s.Value.(*ssa.Parameter)
		if !ok {
			continue
		}
		fn := p.Parent()
		obj, ok := fn.Object().(*types.Func)
		if !ok {
			continue
		}
		i := slices.Index(fn.Params, p)
		if obj.Signature().Recv() != nil {
			i--
		}
		if i < 0 || !isErrorish(p.Type()) {
			continue
		}
		if cp.Index = i; !slices.Contains(cs.writers[obj], cp) {
			cs.writers[obj] = append(cs.writers[obj], cp)
			changed = true
		}
	}
	return changed
}

// writerParams returns the parameters of sc's callee whose error's
// status it writes.
func (cs *carriers) writerParams(sc *ssa.Call) []CarriedParam {
	return cs.writerParamsOf(calleeObj(sc))
}

// writerParamsOf returns the parameters of fn whose error's status it
// writes: by its body here, by its fact elsewhere.
func (cs *carriers) writerParamsOf(fn *types.Func) []CarriedParam {
	if fn == nil {
		return nil
	}
	if fn.Pkg() == cs.f.Pass.Pkg {
		return cs.writers[fn]
	}
	if f := cs.importedWriter(fn); f != nil {
		return f.Params
	}
	return nil
}

// calleeObj returns the function or method sc calls, if it names one.
func calleeObj(sc *ssa.Call) *types.Func {
	if sc.Call.IsInvoke() {
		return sc.Call.Method
	}
	if fn := sc.Call.StaticCallee(); fn != nil {
		obj, _ := fn.Object().(*types.Func)
		return obj
	}
	return nil
}

// importedWriter returns the WritesCarriedFact of fn, a function of
// another package, or nil.
func (cs *carriers) importedWriter(fn *types.Func) *WritesCarriedFact {
	f, ok := cs.imported[fn]
	if !ok {
		if slices.ContainsFunc(slices.Collect(fn.Signature().Params().Variables()), func(p *types.Var) bool { return isErrorish(p.Type()) }) {
			f = new(WritesCarriedFact)
			if !status.ImportFact(cs.f.Pass, cs.f.Index, fn, f) {
				f = nil
			}
		}
		cs.imported[fn] = f
	}
	return f
}

// importedCarries returns the CarriesFact of fn, a function of another
// package, or nil.
func (cs *carriers) importedCarries(fn *types.Func) *CarriesFact {
	f, ok := cs.carries[fn]
	if !ok {
		if errorResult(fn.Signature()) >= 0 {
			f = new(CarriesFact)
			if !status.ImportFact(cs.f.Pass, cs.f.Index, fn, f) {
				f = nil
			}
		}
		cs.carries[fn] = f
	}
	return f
}

// carriedBy returns the statuses of typ ("": of any type) that the
// errors v may carry,
// in the order they are found: those given to a constructor here, and
// those another package's functions return (their CarriesFact). A call of
// a constructor is not entered: its status is the call's.
func (cs *carriers) carriedBy(v ssa.Value, typ string) []Carried {
	var out []Carried
	add := func(cs []Carried) {
		for _, c := range cs {
			if (typ == "" || c.Type == typ) && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	enter := func(call *ssa.Call) bool { return cs.made[call.Pos()] == nil }
	for _, s := range values.Sources(v, enter) {
		switch x := s.Value.(type) {
		case *ssa.Call:
			if m := cs.made[x.Pos()]; m != nil {
				add(m)
				continue
			}
			if fn := calleeObj(x); fn != nil && fn.Pkg() != nil && fn.Pkg() != cs.f.Pass.Pkg {
				if f := cs.importedCarries(fn); f != nil && f.Result == s.Index {
					add(f.Carried)
				}
			}
		case *ssa.Alloc:
			add(cs.made[x.Pos()])
		}
	}
	return out
}

// export exports the facts of the package's exported functions: the
// statuses their errors carry, and the parameters whose error's status
// they write.
func (cs *carriers) export() {
	if cs == nil {
		return
	}
	for _, fn := range typesx.SortedDecls(cs.f.Decls) {
		if !fn.Exported() {
			continue
		}
		if ps := cs.writers[fn]; len(ps) > 0 {
			cs.f.Pass.ExportObjectFact(fn, &WritesCarriedFact{Params: slices.Clone(ps)})
		}
		r := errorResult(fn.Signature())
		sf := cs.funcs[fn]
		if r < 0 || sf == nil {
			continue
		}
		var carried []Carried
		var sentinels []SentinelRef
		for _, b := range sf.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && r < len(ret.Results) {
				for _, c := range cs.carriedBy(ret.Results[r], "") {
					if !slices.Contains(carried, c) {
						carried = append(carried, c)
					}
				}
				for _, ref := range cs.sentinelsOf(ret.Results[r], 0) {
					if !slices.Contains(sentinels, ref) {
						sentinels = append(sentinels, ref)
					}
				}
			}
		}
		if len(carried) > 0 || len(sentinels) > 0 {
			slices.SortStableFunc(carried, func(a, b Carried) int { return a.Code - b.Code })
			cs.f.Pass.ExportObjectFact(fn, &CarriesFact{Result: r, Carried: carried, Sentinels: sentinels})
		}
	}
}

// place says where pos is: "file.go:12".
func (c *routeFinder) place(pos token.Pos) string {
	p := c.Pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// A carriedWrite is a status a handler writes by handing an error that
// carries it to a writer: the argument, and the status with where it is
// given.
type carriedWrite struct {
	arg    ast.Expr
	writer *types.Func
	// by says how the error reaches the writer, when not as the call's
	// argument: "decodeFile returns and NewServer hands".
	by string
	Carried
}

// handed says how the error w.arg reaches its writer: "err hands to
// Respond", "err, which decodeFile returns and NewServer hands to
// encodeError".
func (w carriedWrite) handed() string {
	if w.by != "" {
		return fmt.Sprintf("%s, which %s to %s", types.ExprString(w.arg), w.by, w.writer.Name())
	}
	return fmt.Sprintf("%s hands to %s", types.ExprString(w.arg), w.writer.Name())
}

// carriedWrites returns the statuses the calls in bodies write by
// handing an error to a writer of its status, in the order of the calls:
// those given in bodies are written there, and found as such.
func (cs *carriers) carriedWrites(bodies []*ast.BlockStmt) []carriedWrite {
	if cs == nil {
		return nil
	}
	var out []carriedWrite
	for call := range callsIn(bodies) {
		sc := cs.calls[call.Lparen]
		if sc == nil {
			continue
		}
		for _, p := range cs.writerParams(sc) {
			i := p.Index + receivers(sc)
			if p.Index >= len(call.Args) || i >= len(sc.Call.Args) {
				continue
			}
			for _, c := range cs.answeredFor(sc.Call.Args[i], p, bodies) {
				out = append(out, carriedWrite{arg: call.Args[p.Index], writer: calleeObj(sc), Carried: c})
			}
		}
	}
	return out
}

// answeredFor returns the statuses a writer writes, by what p says of
// its parameter, for the error v: the statuses of p.Type v carries, or
// p.Code when v may be, or wrap, p's sentinel. A status given in bodies,
// the handler's, is its own write, checked where it is given.
func (cs *carriers) answeredFor(v ssa.Value, p CarriedParam, bodies []*ast.BlockStmt) []Carried {
	if p.Sentinel != "" {
		ref := SentinelRef{p.Sentinel, p.Wrapped}
		if slices.Contains(cs.sentinelsOf(v, 0), ref) && !inAny(bodies, p.pos) {
			return []Carried{{Code: p.Code, At: p.At + " for " + ref.String()}}
		}
		return nil
	}
	var out []Carried
	for _, c := range cs.carriedBy(v, p.Type) {
		if !inAny(bodies, c.pos) {
			out = append(out, c)
		}
	}
	return out
}

// writes returns carriedWrites as a handler's Written statuses: at the
// call, by way of where the status is given.
func (cs *carriers) writes(bodies []*ast.BlockStmt) []Written {
	var out []Written
	for _, w := range cs.carriedWrites(bodies) {
		out = append(out, Written{Code: w.Code, At: cs.f.place(w.arg.Pos()), Via: w.At})
	}
	return out
}

// checkCarried reports the statuses a handler writes through the errors
// it hands to a writer of their status (writes, in the order of the
// errors) that an operation of ops does not document: one finding per
// error handed and operation, at the error, naming where each status is
// given.
func checkCarried(f *routeFinder, writes []carriedWrite, ops []*table.Operation, anyOp, testsOnly bool, how analysis.RelatedInformation, specAt func(int) token.Pos, reported map[string]bool, res *RouteResult) {
	for i, w := range writes {
		if i > 0 && writes[i-1].arg == w.arg || testsOnly && !typesx.InTestFile(f.Pass.Fset, w.arg.Pos()) {
			continue // the first of its argument's reports them all
		}
		for _, op := range ops {
			key := fmt.Sprint(w.arg.Pos(), op.Method, op.Path)
			if reported[key] {
				continue
			}
			var codes, at []string
			for _, x := range writes[i:] {
				if x.arg != w.arg {
					break
				}
				if op.Documents(x.Code) || anyOp && slices.ContainsFunc(ops, func(op *table.Operation) bool { return op.Documents(x.Code) }) {
					continue
				}
				if d := status.Describe(int64(x.Code)); !slices.Contains(codes, d) {
					codes = append(codes, d)
				}
				if !slices.Contains(at, x.At) {
					at = append(at, x.At)
				}
			}
			if len(codes) == 0 {
				continue
			}
			reported[key] = true
			msg := fmt.Sprintf("status %s, carried by the error %s (the status given at %s), is not documented for %s %s (documented: %s): its clients do not expect it",
				codes[0], w.handed(), at[0], op.Method, op.Path, op.Documented())
			if len(codes) > 1 {
				msg = fmt.Sprintf("statuses %s, carried by the error %s (given at %s), are not documented for %s %s (documented: %s): its clients do not expect them",
					status.JoinAnd(codes), w.handed(), status.JoinAnd(at), op.Method, op.Path, op.Documented())
			}
			res.Diags = append(res.Diags, analysis.Diagnostic{Pos: w.arg.Pos(), End: w.arg.End(), Category: Operation,
				Message: msg + "; write a documented status or add the response to the spec",
				Related: related(how, analysis.RelatedInformation{Pos: specAt(op.Line), Message: fmt.Sprintf("%s is documented here", op.Name())})})
		}
	}
}
