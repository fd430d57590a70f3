package syntax

import (
	"go/ast"
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
)

// errorCodes returns the statuses, among those live, for which e, an
// error value, is non-nil because of the status: a variable whose
// statuses are known, a call of a function errSummary knows, or a new
// error made where a status condition decided.
func (f *Flow) errorCodes(e ast.Expr, live []Frag) codeset.Set {
	info := f.Ev.Pass.TypesInfo
	e = ast.Unparen(e)
	if info.Types[e].IsNil() {
		return codeset.Set{}
	}
	var in, decided codeset.Set
	for _, fr := range live {
		in = in.Or(fr.Set)
		if f.decided(fr) {
			decided = decided.Or(fr.Set)
		}
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if codes, ok := f.Ev.Errs[v]; ok {
				return in.And(codes)
			}
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if codes, ok := f.Ev.O.CallErrs(call); ok {
			return in.And(codes)
		}
	}
	if f.Ev.O.NewError(e) {
		return decided
	}
	return codeset.Set{}
}

// assignErr follows an assignment to error variables: a send or a call
// errSummary knows sets the statuses of the variable; a new error made
// where a status condition decided adds those statuses; any other error
// value is taken as one that a response makes nil (a read error).
func (f *Flow) assignErr(s *ast.AssignStmt, live []Frag) {
	info := f.Ev.Pass.TypesInfo
	for i, lhs := range s.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || !typesx.IsError(v.Type()) {
			continue
		}
		_, tracked := f.Ev.Errs[v]
		switch {
		case len(s.Rhs) == len(s.Lhs):
			rhs := s.Rhs[i]
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
				if fact, ok := f.Ev.O.CallErrFact(call); ok {
					if t, ok := f.Ev.translated(call, fact); ok {
						fact = t
					}
					f.Ev.SetErr(v, fact)
					continue
				}
			}
			if tracked {
				f.Ev.Errs[v] = f.Ev.Errs[v].Or(f.errorCodes(rhs, live))
			}
		case len(s.Rhs) == 1 && i == len(s.Lhs)-1:
			if call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok {
				if fact, ok := f.Ev.O.CallErrFact(call); ok {
					f.Ev.SetErr(v, fact)
					continue
				}
			}
			if tracked {
				f.Ev.SetErr(v, facts.Err{})
			}
		}
	}
}

// translated returns what the error of call, a translator's, holds: the
// statuses of the error it is given, each of the type the translator
// makes for it. ok is false when call is no translator's or its argument
// is not an error variable whose statuses are known.
func (ev *Evaluator) translated(call *ast.CallExpr, f facts.Err) (facts.Err, bool) {
	if f.From == 0 || f.From > len(call.Args) {
		return facts.Err{}, false
	}
	_, in, ok := ev.ErrVar(call.Args[f.From-1])
	if !ok {
		return facts.Err{}, false
	}
	out := facts.Err{Errs: in}
	out.Types = f.TypesFor(in)
	return out, true
}

// ErrVar returns the error variable e names and the statuses it holds,
// if the evaluation knows them.
func (ev *Evaluator) ErrVar(e ast.Expr) (*types.Var, codeset.Set, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, codeset.Set{}, false
	}
	v, ok := ev.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil, codeset.Set{}, false
	}
	errs, ok := ev.Errs[v]
	return v, errs, ok
}

// SetErr records what the error variable v now holds.
func (ev *Evaluator) SetErr(v *types.Var, f facts.Err) {
	ev.Errs[v] = f.Errs
	if ev.ErrTypes == nil {
		ev.ErrTypes = map[*types.Var][]facts.TypedErr{}
	}
	ev.ErrTypes[v] = f.Types
}

// typeTest follows v, ok := err.(*T), where err is an error variable
// whose statuses by type are known: ok holds for the statuses for which
// err is a *T. Any other assignment to ok forgets what it held.
func (f *Flow) typeTest(s *ast.AssignStmt) {
	info := f.Ev.Pass.TypesInfo
	if len(s.Lhs) != 2 || len(s.Rhs) != 1 {
		return
	}
	okID, isIdent := s.Lhs[1].(*ast.Ident)
	okVar, isVar := info.ObjectOf(okID).(*types.Var)
	if !isIdent || !isVar {
		return
	}
	delete(f.Ev.typeTests, okVar)
	ta, isAssert := ast.Unparen(s.Rhs[0]).(*ast.TypeAssertExpr)
	if !isAssert || ta.Type == nil {
		return
	}
	errID, isIdent := ast.Unparen(ta.X).(*ast.Ident)
	if !isIdent {
		return
	}
	errVar, isVar := info.Uses[errID].(*types.Var)
	if !isVar {
		return
	}
	if codes, ok := (facts.Err{Types: f.Ev.ErrTypes[errVar]}).TypeCodes(facts.TypeKey(info.TypeOf(ta.Type))); ok {
		if f.Ev.typeTests == nil {
			f.Ev.typeTests = map[*types.Var]codeset.Set{}
		}
		f.Ev.typeTests[okVar] = codes
	}
}

// returnedTypes returns the concrete types of e, an error a function
// returns, with the statuses for which it is each: the one it makes
// (returnedType, for every status), or those of the error of a call or a
// variable it hands on (anthropic's send returns cfg.apiError(res), a
// *apierror.Error, and Execute returns what send does).
func (f *Flow) returnedTypes(e ast.Expr) []facts.TypedErr {
	if t, ok := f.Ev.O.ReturnedType(e); ok {
		return []facts.TypedErr{{Type: facts.TypeKey(t), Codes: codeset.All}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fact, ok := f.Ev.O.CallErrFact(x); ok {
			return fact.Types
		}
		if fn := typesx.StaticCallee(f.Ev.Pass.TypesInfo, x); fn != nil && f.Ev.MadeTypes {
			return f.Ev.O.MadeErrTypes(fn)
		}
	case *ast.Ident:
		if v, ok := f.Ev.Pass.TypesInfo.Uses[x].(*types.Var); ok {
			return f.Ev.ErrTypes[v]
		}
	}
	return nil
}
