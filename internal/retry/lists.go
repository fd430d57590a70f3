package retry

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/typesx"
)

// listCodes returns the codes of a list expression: a literal, a slice of
// one, a package-level list, or a field of the package's that it gives
// lists of those; codes of lists it cannot know are left out.
func (c *retryChecker) listCodes(e ast.Expr, depth int) codeset.Set {
	if depth > 4 {
		return codeset.Set{}
	}
	info := c.Pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return c.literalCodes(x)
	case *ast.SliceExpr:
		return c.listCodes(x.X, depth+1)
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			s, _ := c.codeSetVar(v)
			return s
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			// A field, of this package's type or another's (azcore's
			// policy.RetryOptions.StatusCodes): what this package gives
			// it.
			if f, ok := sel.Obj().(*types.Var); ok && f.IsField() {
				var s codeset.Set
				for _, given := range c.fieldValues(f) {
					s = s.Or(c.listCodes(given, depth+1))
				}
				return s
			}
		}
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
			s, _ := c.codeSetVar(v) // pkg.List
			return s
		}
	}
	return codeset.Set{}
}

// fieldValues returns what the package gives the field f: the values of
// its composite literals' f: keys and of its assignments to x.f. Its tests
// do not count: what they configure is a user's choice, not the package's
// default (elastic-transport's tests retry on 404 and 429).
func (c *retryChecker) fieldValues(f *types.Var) []ast.Expr {
	if vals, ok := c.fields[f]; ok {
		return vals
	}
	info := c.Pass.TypesInfo
	var vals []ast.Expr
	for _, fc := range c.AllFiles {
		if typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue
		}
		for cur := range fc.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && info.Uses[id] == f {
					vals = append(vals, n.Value)
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						if s, ok := info.Selections[sel]; ok && s.Obj() == f {
							vals = append(vals, n.Rhs[i])
						}
					}
				}
			}
		}
	}
	c.fields[f] = vals
	return vals
}

// fieldListed records a list field that a helper's attempt ranges over
// to decide which statuses it fails on, and so are repeated
// (go-containerregistry's retryTransport: for _, code := range t.codes {
// if out.StatusCode == code { return retryError(out) } }, inside the
// closure retry.Retry calls again), as a loop of each function whose
// list parameter fills the field (WithRetryStatusCodes(codes...), whose
// option sets options.codes, which NewRetry copies to t.codes). The
// statuses the helper repeats only when the field holds them are then
// re-sent for each caller that lists them, in this package or another
// (by the facts.ListRepeat). What the package itself puts in the field is
// known already (listCodes).
func (c *retryChecker) fieldListed(f facts.Repeat, call *ast.CallExpr, body *ast.BlockStmt, send *ast.CallExpr) {
	info := c.Pass.TypesInfo
	var fields []*types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok {
			if v := listVarOf(info, rs.X); v != nil && v.IsField() && isIntList(v.Type()) && !slices.Contains(fields, v) {
				fields = append(fields, v)
			}
		}
		return true
	})
	repeated := func(field *types.Var, list codeset.Set) codeset.Set {
		errs, ok := c.sentErrorFactWith(body.List, map[*types.Var]codeset.Set{field: list})
		if !ok {
			return codeset.Set{}
		}
		set := f.Set.And(errs.Errs)
		if f.Pred > 0 {
			if f.Pred-1 >= len(call.Args) {
				return codeset.Set{}
			}
			handed, ok := c.handedPredicate(call.Args[f.Pred-1], errs.Errs, errs.Types)
			if !ok {
				return codeset.Set{}
			}
			set = set.And(handed)
		}
		return set
	}
	for _, field := range fields {
		feeders := c.listFeeders(field, map[*types.Var]bool{})
		if len(feeders) == 0 {
			continue
		}
		// Every error status, as listDecided: a list that holds 200 too
		// would read as an attempt that fails on success.
		set := repeated(field, codeset.Range(400, 599)).And(repeated(field, codeset.Set{}).Not())
		if set.Empty() {
			continue
		}
		waited := waitedIf(f.Waits || c.readsRetryAfter(body))
		for _, fp := range feeders {
			l := listLoop{fn: fp.fn, param: fp.param, set: set, waited: waited, send: send}
			if !slices.Contains(c.listLoops, l) {
				c.listLoops = append(c.listLoops, l)
			}
		}
	}
}

// A listParam is a list parameter of a function of the package, in SSA
// numbering (a method's receiver is 0).
type listParam struct {
	fn    *types.Func
	param int
}

// listFeeders returns the list parameters of the package's functions
// that the field is given: directly (x.codes = codes, T{codes: codes},
// also in a closure the function returns) or through another field it is
// given (T{codes: o.codes}).
func (c *retryChecker) listFeeders(field *types.Var, seen map[*types.Var]bool) []listParam {
	if seen[field] {
		return nil
	}
	seen[field] = true
	info := c.Pass.TypesInfo
	var out []listParam
	for _, given := range c.fieldValues(field) {
		v := listVarOf(info, given)
		switch {
		case v == nil:
		case v.IsField():
			out = append(out, c.listFeeders(v, seen)...)
		default:
			if p, ok := c.paramOf(v); ok && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// paramOf returns the function of the package whose parameter v is, in
// SSA numbering.
func (c *retryChecker) paramOf(v *types.Var) (listParam, bool) {
	fn, i := c.ParamOf(v)
	if fn == nil || i < 0 {
		return listParam{}, false
	}
	if fn.Signature().Recv() != nil {
		i++
	}
	return listParam{fn: fn, param: i}, true
}
