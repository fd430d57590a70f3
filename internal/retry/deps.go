package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// sendDeps are what a retry loop's send depends on: a change to them after
// the send varies the request on that path.
type sendDeps struct {
	vars map[*types.Var]bool
	// fields limits the dependence on the client the send is called on
	// to the fields the send reads: counting a response in c.metrics or
	// logging through c.logger changes no request that c.roundTrip
	// (c.transport) sends.
	fields map[*types.Var]fieldSet
	// restores are copies of a part of the request taken right before
	// the loop: putting one back (req.URL.Path = originalPath) makes the
	// next round's request what this round's was built from.
	restores map[*types.Var]restore
}

// A restore is the part of the request a variable copies.
type restore struct {
	root *types.Var
	expr string
}

// clientFields returns the variable at the root of x, the client a send is
// called on, and the fields of it the send reads: the one x selects
// (c.transport.RoundTrip(req)), or those a method of this package reads
// (c.roundTrip(req)); all where that cannot be told.
func (c *retryChecker) clientFields(send *ast.CallExpr, x ast.Expr) (*types.Var, fieldSet) {
	root, field := topField(c.Pass.TypesInfo, x)
	if root == nil || structOf(root.Type()) == nil {
		return root, allFields
	}
	if field >= 0 {
		return root, fieldSet{}.with(field)
	}
	fn := typesx.Callee(c.Pass.TypesInfo, send)
	if fn == nil || fn.Pkg() != c.Pass.Pkg || c.Decls[fn] == nil {
		return root, allFields
	}
	return root, c.readFields(fn)
}

// preSendReads returns the fields of client that the calls before the
// send read when they are given what the send depends on: s.sign(req)
// builds the request from what sign reads of s (its token), and
// setAuth(req, s.token) from s.token.
func (c *retryChecker) preSendReads(pre []ast.Stmt, client *types.Var, deps map[*types.Var]bool) fieldSet {
	info := c.Pass.TypesInfo
	var fs fieldSet
	for _, stmt := range pre {
		ast.Inspect(stmt, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				_, lit := n.(*ast.FuncLit)
				return !lit
			}
			if !slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return typesx.UsesAny(info, a, deps) }) {
				return true
			}
			for _, a := range call.Args {
				if root, field := topField(info, a); root == client {
					fs = fs.with(field)
				}
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if root, field := topField(info, sel.X); root == client {
					fn := typesx.Callee(info, call)
					switch {
					case field >= 0:
						fs = fs.with(field)
					case fn != nil && fn.Pkg() == c.Pass.Pkg && c.Decls[fn] != nil:
						fs = fs.union(c.readFields(fn))
					default:
						fs = allFields
					}
				}
			}
			return true
		})
	}
	return fs
}

// hits reports whether e goes through what the send depends on: a
// variable of deps, and, where the dependence is on some fields only,
// one of them or the whole variable.
func (d *sendDeps) hits(info *types.Info, e ast.Expr) bool {
	root, field := topField(info, e)
	if root == nil || !d.vars[root] {
		return false
	}
	fs, ok := d.fields[root]
	return !ok || fs.Has(field)
}

// restoresOf finds the restores for the loop at cur: variables the
// statements before it in its block define as a copy of a request's
// field path (originalPath := req.URL.Path), with nothing between the
// copy and the loop mentioning the request, and that the loop never sets.
func (c *retryChecker) restoresOf(cur inspector.Cursor, loop ast.Stmt) map[*types.Var]restore {
	info := c.Pass.TypesInfo
	list, at := enclosingList(cur, loop)
	if at < 0 {
		return nil
	}
	var out map[*types.Var]restore
	for j := at - 1; j >= 0; j-- {
		as, ok := list[j].(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		id, _ := as.Lhs[0].(*ast.Ident)
		v, _ := info.Defs[id].(*types.Var)
		src, ok := ast.Unparen(as.Rhs[0]).(*ast.SelectorExpr)
		if v == nil || !ok || !pathOnly(src) || setsVar(info, loop, v) {
			continue
		}
		root := rootVar(info, src)
		if root == nil {
			continue
		}
		if mentionsBetween(info, list[j+1:at], root) {
			continue
		}
		if out == nil {
			out = map[*types.Var]restore{}
		}
		out[v] = restore{root: root, expr: types.ExprString(src)}
	}
	return out
}

// enclosingList returns the statement list that holds loop (cur's node,
// or the labeled statement around it) and its index there; -1 if it is in
// none.
func enclosingList(cur inspector.Cursor, loop ast.Stmt) ([]ast.Stmt, int) {
	var stmt ast.Stmt = loop
	p := cur.Parent()
	if l, ok := p.Node().(*ast.LabeledStmt); ok {
		stmt, p = l, p.Parent()
	}
	var list []ast.Stmt
	switch n := p.Node().(type) {
	case *ast.BlockStmt:
		list = n.List
	case *ast.CaseClause:
		list = n.Body
	case *ast.CommClause:
		list = n.Body
	}
	for i, s := range list {
		if s == stmt {
			return list, i
		}
	}
	return nil, -1
}

// pathOnly reports whether e is a selector path of names: req.URL.Path.
func pathOnly(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return true
		case *ast.SelectorExpr:
			e = x.X
		default:
			return false
		}
	}
}

// setsVar reports whether n assigns v, changes it, or takes its address.
func setsVar(info *types.Info, n ast.Node, v *types.Var) bool {
	sets := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				sets = sets || rootVar(info, lhs) == v
			}
		case *ast.IncDecStmt:
			sets = sets || rootVar(info, n.X) == v
		case *ast.UnaryExpr:
			sets = sets || (n.Op == token.AND && rootVar(info, n.X) == v)
		}
		return !sets
	})
	return sets
}

// mentionsBetween reports whether any of list uses v.
func mentionsBetween(info *types.Info, list []ast.Stmt, v *types.Var) bool {
	for _, s := range list {
		if typesx.UsesAny(info, s, map[*types.Var]bool{v: true}) {
			return true
		}
	}
	return false
}

// isRestore reports whether lhs = rhs puts back a copy taken before the
// loop of the very path lhs names.
func (d *sendDeps) isRestore(info *types.Info, lhs, rhs ast.Expr) bool {
	id, ok := ast.Unparen(rhs).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	r, ok := d.restores[v]
	return ok && rootVar(info, lhs) == r.root && types.ExprString(lhs) == r.expr
}

// changesDeps reports whether stmt, on the path after the send, changes
// what the send depends on: assigns it, calls a method on it or hands out
// its address. Calls on it count whatever they do (a cache updated, a
// token refreshed), but for a request's reads (knowledge.RequestReads), a
// logger's methods, and the package's methods that change nothing the
// send reads (changedFields); the send itself does not. Putting back a
// copy of the request's path taken before the loop is no change.
func (c *retryChecker) changesDeps(stmt ast.Stmt, deps *sendDeps, send *ast.CallExpr) bool {
	info := c.Pass.TypesInfo
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.BlockStmt, *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return n == stmt // the flow follows compound statements itself
		case *ast.AssignStmt:
			for k, lhs := range n.Lhs {
				if !deps.hits(info, lhs) || c.isBodyRewind(lhs) || n.Tok == token.DEFINE {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) && deps.isRestore(info, lhs, n.Rhs[k]) {
					continue
				}
				found = true
			}
		case *ast.IncDecStmt:
			found = found || deps.hits(info, n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.AND && deps.hits(info, n.X))
		case *ast.CallExpr:
			if n == send {
				// The send and what builds its request in the same
				// expression (svc.Objects.Get(b, o).Do()) make this
				// request, they do not change the next.
				return false
			}
			for i, a := range n.Args {
				if deps.hits(info, a) && sharesState(info.TypeOf(a)) && !c.leavesArg(n, i) {
					found = true // s.sign(req), setAuth(req, token)
				}
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal || !deps.hits(info, sel.X) {
				break
			}
			fn := typesx.Callee(info, n)
			switch {
			case fn == nil:
				found = true
			case knowledge.RequestReads[typesx.FuncKey(fn)], c.isLogger(info.TypeOf(sel.X)):
			case fn.Pkg() == c.Pass.Pkg && c.Decls[fn] != nil:
				// A method of the package: what it changes of its
				// receiver, against what the send reads of it.
				root, field := topField(info, sel.X)
				if fs, ok := deps.fields[root]; ok && field < 0 {
					found = found || c.changedFields(fn).meets(fs)
				} else {
					found = found || !c.changedFields(fn).Empty()
				}
			default:
				found = true
			}
		}
		return !found
	})
	return found
}
