package retry

import (
	"go/types"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// Decisions by an error's method: go-containerregistry's
// retry.IsTemporary(err) asks err.(temporary).Temporary(), and the
// *transport.Error its CheckError makes answers true for 408, 429 and
// 500-504 by its own status field. Neither function says so alone: the
// method is a decision over its receiver's status (facts.ErrMethod), and
// the function that asks it is a decision by that method of its error
// argument (facts.Pred.Method). Where the error's types are known, a call
// of either decides the statuses for which the error is of a type whose
// method is true.

// isErrMethod reports whether fn is a method of an error type with no
// parameters and one bool result: a question the error answers.
func isErrMethod(fn *types.Func) bool {
	if !engine.IsQuestion(fn) {
		return false
	}
	t := fn.Signature().Recv().Type()
	if types.IsInterface(t) {
		return false
	}
	return types.Implements(t, errorType) || types.Implements(types.NewPointer(t), errorType)
}

// errMethod returns the statuses for which fn, a method of an error type
// (isErrMethod), returns true: from its body in this package, from its
// fact in another.
func (c *retryChecker) errMethod(fn *types.Func) (codeset.Set, bool) {
	fn = fn.Origin()
	if !isErrMethod(fn) {
		return codeset.Set{}, false
	}
	if fn.Pkg() != c.Pass.Pkg {
		var f facts.ErrMethod
		ok := status.ImportFact(c.Pass, c.Index, fn, &f)
		return f.Set, ok
	}
	if s, ok := c.errMethods[fn]; ok {
		return s, !s.Empty()
	}
	var s codeset.Set
	if c.Decls[fn] != nil {
		s = c.ssaErrMethod(fn)
	}
	if c.errMethods == nil {
		c.errMethods = map[*types.Func]codeset.Set{}
	}
	c.errMethods[fn] = s
	return s, !s.Empty()
}

// exportErrMethods exports what the package's exported error methods
// decide.
func (c *retryChecker) exportErrMethods() {
	for _, fn := range typesx.SortedDecls(c.Decls) {
		if fn.Exported() && isErrMethod(fn) {
			if s, ok := c.errMethod(fn); ok {
				c.Pass.ExportObjectFact(fn, &facts.ErrMethod{Set: s})
			}
		}
	}
}

// errPredSet returns the statuses p, a decision over an error (OfErr),
// holds for, for an error of the types typed: its Set and, where it asks
// the error's method (IsTemporary), what methods binds that method to or
// else what the types' methods say.
func (c *retryChecker) errPredSet(p facts.Pred, typed []facts.TypedErr, methods map[string]codeset.Set) (codeset.Set, bool) {
	if p.Method == "" {
		return p.Set, true
	}
	m, ok := methods[p.Method]
	if !ok {
		m, ok = c.TypedMethodCodes(typed, p.Method)
	}
	if !ok && p.Set.Empty() {
		return codeset.Set{}, false
	}
	return p.Set.Or(m), true
}

// TypedMethodCodes returns the statuses for which the method name of an
// error of the types typed is true: for each type, those of its statuses
// its method decides (facts.ErrMethod).
func (c *retryChecker) TypedMethodCodes(typed []facts.TypedErr, name string) (codeset.Set, bool) {
	var s codeset.Set
	known := false
	for _, te := range typed {
		m := c.methodOfType(te.Type, name)
		if m == nil {
			continue
		}
		if ms, ok := c.errMethod(m); ok {
			s = s.Or(te.Codes.And(ms))
			known = true
		}
	}
	return s, known
}

// methodOfType returns the method name of the type a fact names by key
// (typeKey: *example.com/sdk.Error), found among the packages this one
// sees.
func (c *retryChecker) methodOfType(key, name string) *types.Func {
	t := typesx.TypeOfKey(c.Pass.Pkg, key)
	n := typesx.NamedOf(t)
	if n == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, n.Obj().Pkg(), name)
	fn, _ := obj.(*types.Func)
	return fn
}
