package syntax

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/analysis"
	"slices"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// ErrKind says what a nil test of an error variable tells about the status.
type ErrKind = knowledge.ErrKind

const (
	ErrIndependent = knowledge.ErrIndependent
	ErrTransport   = knowledge.ErrTransport
	ErrStatus      = knowledge.ErrStatus
)

// ErrorStatuses are the statuses an SDK returns as its status error.
var ErrorStatuses = codeset.Range(knowledge.SDKErrorStatuses[0], knowledge.SDKErrorStatuses[1])

// ErrCodes returns the statuses for which an error of this kind is
// non-nil: none for a transport error (non-nil means no response at all),
// 400-999 for the cloud SDK's. ok is false when the error says nothing
// about the status.
func ErrCodes(kind ErrKind) (codeset.Set, bool) {
	switch kind {
	case ErrTransport:
		return codeset.Set{}, true
	case ErrStatus:
		return ErrorStatuses, true
	}
	return codeset.Set{}, false
}

// Evaluator computes the status codes a condition lets through.
type Evaluator struct {
	// Pass and Index are the package's; O answers what the check knows
	// of its functions and values.
	Pass  *analysis.Pass
	Index *status.Index
	O     Oracle
	// Errs holds, for the error variables of the code being evaluated that
	// tell about the status, the statuses for which each is non-nil; a
	// non-nil error means no response for every other status.
	Errs map[*types.Var]codeset.Set
	// Params are integer parameters that hold a status in a predicate.
	Params map[*types.Var]bool
	// Touched records that some condition depended on a status.
	Touched bool
	// Waited are the codes a library's policy decided, where the library
	// pairs it with a backoff that waits for Retry-After.
	Waited codeset.Set
	// ErrTypes holds, for the error variables Errs holds, the statuses
	// for which each is of an error type the function that made it names;
	// typeTests, for the ok of a type assertion of one, the statuses for
	// which it holds.
	ErrTypes  map[*types.Var][]facts.TypedErr
	typeTests map[*types.Var]codeset.Set
	// Symbolic are error parameters of a decision over an error: they
	// stand for an error that carries a status, so a nil test of one
	// tests no status.
	Symbolic map[*types.Var]bool
	// Lists binds list parameters to the statuses they hold, for an
	// evaluation that assumes them, and Consts integer parameters to the
	// constants a call gives them.
	Lists map[*types.Var]codeset.Set
	// MadeTypes types the errors the package's functions make whatever
	// the status (Oracle.MadeErrTypes), for an attempt followed with a list
	// field bound (fieldListed). Elsewhere it is off: an error typed so
	// lets a predicate that reads the error's body (anthropic's
	// isHeartbeatPreconditionFailure) decide opaquely, which hides the
	// re-sends around it; that rule is to be revisited first.
	MadeTypes bool
	// Methods binds questions an error answers (Temporary) to the
	// statuses they are assumed true for, in an evaluation of a decision
	// by one (errPredicateByMethod).
	Methods map[string]codeset.Set
	Consts  map[*types.Var]int64
}

// Decide returns admits(cond, neg), and whether cond tests a status; the
// evaluator keeps the record that some condition did.
func (ev *Evaluator) Decide(cond ast.Expr, neg bool) (set codeset.Set, onStatus bool) {
	before := ev.Touched
	ev.Touched = false
	set = ev.Admits(cond, neg)
	onStatus = ev.Touched
	ev.Touched = before || onStatus
	return set, onStatus
}

// Admits returns the codes for which cond (negated if neg) can hold. Parts
// of cond that do not mention a status do not constrain it; a test that
// there is no response ("err != nil" after Client.Do, "resp == nil") admits
// no status at all.
func (ev *Evaluator) Admits(cond ast.Expr, neg bool) codeset.Set {
	info := ev.Pass.TypesInfo
	switch e := cond.(type) {
	case *ast.ParenExpr:
		return ev.Admits(e.X, neg)
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return ev.Admits(e.X, !neg)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			if (e.Op == token.LAND) != neg {
				return ev.Admits(e.X, neg).And(ev.Admits(e.Y, neg))
			}
			return ev.disjunct(e.X, neg).Or(ev.disjunct(e.Y, neg))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if s, ok := ev.comparison(e); ok {
				if neg {
					return s.Not()
				}
				return s
			}
			if s, ok := ev.nilTest(e, neg); ok {
				return s
			}
		}
	case *ast.CallExpr:
		if s, ok := ev.errorsAs(e); ok && !neg {
			ev.Touched = true
			return s
		}
		if s, ok := ev.predicateCall(e); ok {
			if neg {
				return s.Not()
			}
			return s
		}

	case *ast.IndexExpr:
		if s, ok := ev.setLookup(e.X, e.Index); ok {
			if neg {
				return s.Not()
			}
			return s
		}
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && !neg {
			if s, ok := ev.typeTests[v]; ok {
				// Only where it holds: that it does not says only that
				// the error is of another type.
				ev.Touched = true
				return s
			}
		}
		if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
			if constant.BoolVal(tv.Value) != neg {
				return codeset.All
			}
			return codeset.Set{}
		}
		if d, ok := ev.condOf(e); ok {
			if s, ok := ev.admitsDef(d, neg); ok {
				return s
			}
		} else if x, ok := ev.condOrFalse(e); ok && !neg {
			return ev.Admits(x, false)
		}
	}
	return codeset.All
}

// comparison evaluates status op constant, in either order, and
// status/100 op constant.
func (ev *Evaluator) comparison(e *ast.BinaryExpr) (codeset.Set, bool) {
	op, x, y := e.Op, e.X, e.Y
	if op == token.EQL {
		// status == code, code ranging over a list of codes.
		if s, ok := ev.rangedCodes(y); ok && ev.isStatus(x) {
			return s, true
		}
		if s, ok := ev.rangedCodes(x); ok && ev.isStatus(y) {
			return s, true
		}
	}
	k, ok := ev.IntConst(y)
	if !ok {
		if k, ok = ev.IntConst(x); !ok {
			return codeset.Set{}, false
		}
		x, op = y, engine.Flip(op)
	}
	if ev.isStatus(x) {
		return codeset.Relation(op, k), true
	}
	if d, ok := ev.classVar(x); ok {
		x = d // family := resp.StatusCode / 100 (oci's checkForSuccessfulResponse)
	}
	if q, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && q.Op == token.QUO && ev.isStatus(q.X) {
		if d, ok := ev.IntConst(q.Y); ok && d == 100 {
			return codeset.ClassRelation(op, k), true
		}
	}
	return codeset.Set{}, false
}

func (ev *Evaluator) IntConst(e ast.Expr) (int64, bool) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && ev.Consts != nil {
		if v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var); ok {
			if k, ok := ev.Consts[v]; ok {
				return k, true
			}
		}
	}
	tv, ok := ev.Pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// nilTest evaluates err != nil, err == nil, resp == nil and resp != nil.
func (ev *Evaluator) nilTest(e *ast.BinaryExpr, neg bool) (codeset.Set, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return codeset.Set{}, false
	}
	x := e.X
	if ev.Pass.TypesInfo.Types[x].IsNil() {
		x = e.Y
	} else if !ev.Pass.TypesInfo.Types[e.Y].IsNil() {
		return codeset.Set{}, false
	}
	isNil := (e.Op == token.EQL) != neg
	if status.IsResponse(ev.Pass, x) {
		if isNil {
			return codeset.Set{}, true // no response, no status
		}
		return codeset.All, true
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return codeset.Set{}, false
	}
	v, _ := ev.Pass.TypesInfo.Uses[id].(*types.Var)
	return ev.errTest(v, isNil)
}

// errTest evaluates a nil test of the error variable v.
func (ev *Evaluator) errTest(v *types.Var, isNil bool) (codeset.Set, bool) {
	if ev.Symbolic[v] {
		return codeset.All, true
	}
	s, ok := ev.Errs[v]
	if !ok {
		return codeset.Set{}, false
	}
	ev.Touched = ev.Touched || !s.Empty()
	if isNil {
		return s.Not(), true
	}
	return s, true
}

// isStatus reports whether e holds a status: a status field, a
// StatusCode() method, a variable assigned one, or a predicate's status
// parameter.
func (ev *Evaluator) isStatus(e ast.Expr) bool {
	e = ast.Unparen(e)
	is := status.IsStatusExpr(ev.Pass, ev.Index, e)
	if id, ok := e.(*ast.Ident); ok && !is {
		v, _ := ev.Pass.TypesInfo.Uses[id].(*types.Var)
		is = v != nil && ev.Params[v]
	}
	ev.Touched = ev.Touched || is
	return is
}

// predicateCall evaluates a call of a retry predicate with a status or a
// response argument.
func (ev *Evaluator) predicateCall(call *ast.CallExpr) (codeset.Set, bool) {
	return ev.predicateResult(call, 0)
}

// predicateResult is predicateCall for result i of call: a decision whose
// deciding result is i (ok in d, ok := c.shouldRetry(resp, n)).
func (ev *Evaluator) predicateResult(call *ast.CallExpr, i int) (codeset.Set, bool) {
	fn := typesx.Callee(ev.Pass.TypesInfo, call)
	if fn == nil {
		return codeset.Set{}, false
	}
	if i != 0 {
		if p, ok := ev.O.Predicate(fn); !ok || p.Result != i {
			return codeset.Set{}, false
		}
	}
	if typesx.FuncKey(fn) == knowledge.SliceContains && len(call.Args) == 2 {
		return ev.setLookup(call.Args[0], call.Args[1])
	}
	// set.Contains(code) on a package-level set built from constants
	// (minio's set.CreateIntSet(...)).
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil && len(call.Args) == 1 && knowledge.SetMethodNames.Match(fn.Name()) {
		if s, ok := ev.setLookup(sel.X, call.Args[0]); ok {
			return s, true
		}
	}
	if codes, ok := knowledge.ErrorPredicates[typesx.FuncKey(fn)]; ok && len(call.Args) == 1 {
		// apierrors.IsNotFound(err): true exactly for the status the
		// error carries.
		var s codeset.Set
		for _, r := range codes {
			s = s.Or(codeset.Range(int64(r[0]), int64(r[1])))
		}
		ev.Touched = true
		return s, true
	}
	if set, ok := ev.typedPredicate(call, fn, i); ok {
		return set, true
	}
	if i == 0 {
		if set, ok := ev.methodDecision(call, fn); ok {
			return set, true
		}
	}
	p, ok := ev.O.Predicate(fn)
	if !ok || p.Arg >= len(call.Args) || p.Result != i {
		return codeset.Set{}, false
	}
	arg := call.Args[p.Arg]
	if p.OfErr {
		// True for the statuses it retries of those the error carries;
		// a nil error, or one of no status, is not retried by a status.
		v, errs, ok := ev.ErrVar(arg)
		if !ok {
			return codeset.Set{}, false
		}
		set, ok := ev.O.ErrPredSet(p, ev.ErrTypes[v], ev.Methods)
		if !ok {
			return codeset.Set{}, false
		}
		ev.Touched = true
		return set.And(errs), true
	}
	if ev.isStatus(arg) || status.IsResponse(ev.Pass, arg) {
		set := p.Set
		if p.List > 0 {
			if set, ok = ev.memberCodes(call, fn, p); !ok {
				return codeset.Set{}, false
			}
		}
		ev.Touched = true
		ev.Waited = ev.Waited.Or(p.Waited)
		return set, true
	}
	return codeset.Set{}, false
}

// setLookup evaluates set[status] and slices.Contains(set, status) where
// set is a package-level map or slice of constant codes.
func (ev *Evaluator) setLookup(set, key ast.Expr) (codeset.Set, bool) {
	if !ev.isStatus(key) {
		return codeset.Set{}, false
	}
	v, _ := ev.Pass.TypesInfo.Uses[typesx.NameIdent(set)].(*types.Var)
	if v == nil {
		return codeset.Set{}, false
	}
	if v.IsField() {
		// c.retryOnStatus[resp.StatusCode]: the sets the package gives
		// the field (a constructor's default, a literal), as for a list
		// ranged over.
		s := ev.O.ListCodes(set, 0)
		return s, !s.Empty()
	}
	return ev.O.CodeSetVar(v)
}

// errorsAs evaluates errors.As(err, &target), where err is an error
// variable whose statuses by type are known: it holds for the statuses for
// which err is of target's type. (Only where it holds: that it does not
// says only that the error is of another type. An error wrapped in one of
// that type is not counted: the statuses are those the check is sure of.)
func (ev *Evaluator) errorsAs(call *ast.CallExpr) (codeset.Set, bool) {
	info := ev.Pass.TypesInfo
	fn := typesx.Callee(info, call)
	if fn == nil || typesx.FuncKey(fn) != knowledge.ErrorsAs || len(call.Args) != 2 {
		return codeset.Set{}, false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return codeset.Set{}, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return codeset.Set{}, false
	}
	target, ok := types.Unalias(info.TypeOf(call.Args[1])).(*types.Pointer)
	if !ok {
		return codeset.Set{}, false
	}
	return (facts.Err{Types: ev.ErrTypes[v]}).TypeCodes(facts.TypeKey(target.Elem()))
}

// classVar returns the definition of x, a local variable of this package
// given one value, status/100.
func (ev *Evaluator) classVar(x ast.Expr) (ast.Expr, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	val, ok := OnlyValue(ev.Index, v)
	if !ok || val.Index != 0 {
		return nil, false
	}
	q, ok := ast.Unparen(val.Expr).(*ast.BinaryExpr)
	if !ok || q.Op != token.QUO {
		return nil, false
	}
	return q, true
}

// typedPredicate evaluates a call of a decision of this package over an
// error at the call: with the error's statuses by type, when they are
// known, and the constants it is given for its integer parameters. A
// decision by the error's type (errors.As(err, &auth.ServerError{}), a
// type assertion), or by a status it is given (gcrane's
// hasStatusCode(err, 429)), then decides statuses its fact, evaluated for
// any error and any status, cannot say. i is the result that decides.
func (ev *Evaluator) typedPredicate(call *ast.CallExpr, fn *types.Func, i int) (codeset.Set, bool) {
	decl := ev.Index.Decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return codeset.Set{}, false
	}
	params := fn.Signature().Params()
	var consts map[*types.Var]int64
	for j := 0; j < params.Len() && j < len(call.Args); j++ {
		if p := params.At(j); typesx.IsInteger(p.Type()) {
			if k, ok := ev.IntConst(call.Args[j]); ok {
				if consts == nil {
					consts = map[*types.Var]int64{}
				}
				consts[p] = k
			}
		}
	}
	for _, a := range call.Args {
		v, errs, known := ev.ErrVar(a)
		if !known || len(ev.ErrTypes[v]) == 0 && consts == nil {
			continue
		}
		p, ok := ev.O.EvalErrPredicateOf(decl.Type, decl.Body, errs, ev.ErrTypes[v], consts)
		if !ok || p.Result != i || p.Arg >= len(call.Args) || call.Args[p.Arg] != a {
			return codeset.Set{}, false
		}
		ev.Touched = true
		return p.Set.And(errs), true
	}
	return codeset.Set{}, false
}

// disjunct returns admits(e, neg) for e, one of the alternatives of a
// disjunction. A test of a symbolic error that this check cannot read
// (retry.IsTemporary(err) in gcrane's IsTemporary(err) ||
// hasStatusCode(err, 429) || isServerError(err)) admits no status there:
// the disjunction holds for sure only where another alternative does, and
// a finding lists only the statuses sure to be retried.
func (ev *Evaluator) disjunct(e ast.Expr, neg bool) codeset.Set {
	before := ev.Touched
	ev.Touched = false
	s := ev.Admits(e, neg)
	touched := ev.Touched
	ev.Touched = before || touched
	x := ast.Unparen(e)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		x = ast.Unparen(u.X)
	}
	if call, ok := x.(*ast.CallExpr); ok && !touched && ev.testsSymbolic(call) {
		return codeset.Set{}
	}
	return s
}

// testsSymbolic reports whether call is given a symbolic error, as an
// argument or as its receiver.
func (ev *Evaluator) testsSymbolic(call *ast.CallExpr) bool {
	if len(ev.Symbolic) == 0 {
		return false
	}
	info := ev.Pass.TypesInfo
	isSym := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && ev.Symbolic[v]
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isSym(sel.X) {
		return true
	}
	return slices.ContainsFunc(call.Args, isSym)
}

// Oracle is what the engine asks of the check around it: what a function
// decides, sends, returns as an error and makes, what a variable or a list
// holds, and where a statement list sends.
type Oracle interface {
	// Predicate returns what fn retries, if it is a retry decision.
	Predicate(fn *types.Func) (facts.Pred, bool)
	// ErrPredSet returns the statuses a decision over an error holds for,
	// given the error's types by status and the answers of its methods.
	ErrPredSet(p facts.Pred, typed []facts.TypedErr, methods map[string]codeset.Set) (codeset.Set, bool)
	// EvalErrPredicateOf evaluates a function literal or declaration as a
	// decision over an error that is non-nil for errs.
	EvalErrPredicateOf(ft *ast.FuncType, body *ast.BlockStmt, errs codeset.Set, typed []facts.TypedErr, consts map[*types.Var]int64) (facts.Pred, bool)
	// TypedMethodCodes returns the statuses for which a method of the
	// error's types is true.
	TypedMethodCodes(typed []facts.TypedErr, name string) (codeset.Set, bool)
	// CallErrFact returns what the error of a call tells about the status;
	// CallErrs, the statuses for which it is non-nil.
	CallErrFact(call *ast.CallExpr) (facts.Err, bool)
	CallErrs(call *ast.CallExpr) (codeset.Set, bool)
	// NewError reports whether e makes a new error; ReturnedType, the
	// concrete type of the error e returns; MadeErrTypes, the error types
	// fn makes whatever the status.
	NewError(e ast.Expr) bool
	ReturnedType(e ast.Expr) (types.Type, bool)
	MadeErrTypes(fn *types.Func) []facts.TypedErr
	// CodeSetVar returns the statuses a set variable holds.
	CodeSetVar(v *types.Var) (codeset.Set, bool)
	// RangeOf returns the range statement whose value v is; ListCodes the
	// statuses a list expression holds; ListGiven those a call hands to
	// fn's list parameter i.
	RangeOf(v *types.Var) *ast.RangeStmt
	ListCodes(e ast.Expr, depth int) codeset.Set
	ListGiven(call *ast.CallExpr, fn *types.Func, i int, intConst func(ast.Expr) (int64, bool)) (codeset.Set, bool)
}
