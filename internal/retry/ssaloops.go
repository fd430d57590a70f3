package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// loopCallDepth is how deep the functions a retry loop's function calls
// are built for the SSA flow to read what they change.
const loopCallDepth = 2

// A pendingLoop is a loop that may retry (loopToCheck), kept until the
// package's SSA form is built for the functions that hold such loops:
// its send and the statuses its error is not nil for.
type pendingLoop struct {
	cur  inspector.Cursor
	loop ast.Stmt
	body *ast.BlockStmt
	send *ast.CallExpr
	errs codeset.Set
}

// A pendingRecursion is a function that sends and calls itself, kept, as
// a pendingLoop is, until the package's SSA form is built.
type pendingRecursion struct {
	fd *ast.FuncDecl
	fn *types.Func
}

// checkLoops checks the loops that send, the functions that send and
// call themselves (recursiveRetry), and the operations given to retry
// libraries (c.operations), on the SSA form of the functions declaring
// them and of the package's functions they name,
// which the flow reads to know what a call changes: built once, for
// those declarations alone, so that a package's other functions cost
// nothing.
func (c *retryChecker) checkLoops(loops []pendingLoop, recursions []pendingRecursion) {
	if len(loops) == 0 && len(recursions) == 0 && len(c.operations) == 0 {
		return
	}
	var roots []*ast.FuncDecl
	for _, l := range loops {
		for d := range l.cur.Enclosing((*ast.FuncDecl)(nil)) {
			roots = append(roots, d.Node().(*ast.FuncDecl))
		}
	}
	for _, r := range recursions {
		roots = append(roots, r.fd)
	}
	for _, o := range c.operations {
		roots = append(roots, o.decl)
	}
	c.ssaCalls = c.buildCalls(roots)
	for _, l := range loops {
		c.retryLoop(l)
	}
	for _, r := range recursions {
		c.recursiveRetry(r.fd, r.fn)
	}
	for _, o := range c.operations {
		c.operation(o)
	}
	c.ssaCalls = nil // the SSA form goes with the loops: nothing else reads it
}

// buildCalls builds the SSA form of the functions roots, and of those
// of the package they name, and those these name, and returns their
// calls by position: deeper calls are left unbuilt, and a path that
// hands the request to one ends unanswered, so that a loop in a big
// package does not build most of it. A method of the package's own
// interface they call brings in the package's implementations of it
// (engine.Implementations).
func (c *retryChecker) buildCalls(roots []*ast.FuncDecl) map[token.Pos]*ssa.Call {
	keep := map[*ast.FuncDecl]int{}
	var add func(d *ast.FuncDecl, depth int)
	add = func(d *ast.FuncDecl, depth int) {
		if d.Body == nil || depth > loopCallDepth {
			return
		}
		if seen, ok := keep[d]; ok && seen <= depth {
			return
		}
		keep[d] = depth
		ast.Inspect(d.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				fn, ok := c.Pass.TypesInfo.Uses[id].(*types.Func)
				if ok && c.Decls[fn] != nil {
					add(c.Decls[fn], depth+1)
				}
				if ok && fn.Pkg() == c.Pass.Pkg && fn.Signature().Recv() != nil {
					if iface, isIface := fn.Signature().Recv().Type().Underlying().(*types.Interface); isIface {
						for _, m := range engine.Methods(c.Pass.Pkg, iface, fn.Name()) {
							if d := c.Decls[m]; d != nil {
								add(d, depth+1)
							}
						}
					}
				}
			}
			return true
		})
	}
	for _, d := range roots {
		add(d, 0)
	}
	if len(keep) == 0 {
		return map[token.Pos]*ssa.Call{}
	}
	calls, _ := c.buildKept(func(d *ast.FuncDecl) bool { _, ok := keep[d]; return ok })
	return calls
}

// buildFuncs builds the SSA form of the functions roots alone, and
// returns their calls by position and the functions by object.
func (c *retryChecker) buildFuncs(roots []*ast.FuncDecl) (map[token.Pos]*ssa.Call, map[*types.Func]*ssa.Function) {
	keep := map[*ast.FuncDecl]bool{}
	for _, d := range roots {
		keep[d] = true
	}
	if len(keep) == 0 {
		return map[token.Pos]*ssa.Call{}, map[*types.Func]*ssa.Function{}
	}
	return c.buildKept(func(d *ast.FuncDecl) bool { return keep[d] })
}

// A declForm is a declaration's SSA form built for it alone: its calls,
// and its literals', by position, and the function it declares.
type declForm struct {
	calls map[token.Pos]*ssa.Call
	funcs map[*types.Func]*ssa.Function
}

// declBuild returns decl's SSA form built for it alone, built once (a
// helper's attempt probed for a poll, a never-nil maker read outside the
// senders' build).
func (c *retryChecker) declBuild(decl *ast.FuncDecl) declForm {
	if f, ok := c.declForms[decl]; ok {
		return f
	}
	calls, funcs := c.buildKept(func(d *ast.FuncDecl) bool { return d == decl })
	f := declForm{calls, funcs}
	if c.declForms == nil {
		c.declForms = map[*ast.FuncDecl]declForm{}
	}
	c.declForms[decl] = f
	return f
}

// declaredParams returns f's parameters as its signature declares them,
// a method's receiver left out.
func declaredParams(f *ssa.Function) []*ssa.Parameter {
	if f.Signature.Recv() != nil {
		return f.Params[1:]
	}
	return f.Params
}

// buildKept builds the SSA form of the declarations keep accepts, and
// returns their calls, and their literals', by position, and the
// functions declared by object.
func (c *retryChecker) buildKept(keep func(*ast.FuncDecl) bool) (map[token.Pos]*ssa.Call, map[*types.Func]*ssa.Function) {
	calls := map[token.Pos]*ssa.Call{}
	funcs := map[*types.Func]*ssa.Function{}
	sp := values.BuildBodies(c.Pass, keep)
	for _, fn := range values.Funcs(sp, c.Pass.Files, c.Pass.TypesInfo) {
		if obj, ok := fn.Object().(*types.Func); ok && c.Decls[obj] != nil && keep(c.Decls[obj]) {
			funcs[obj] = fn
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && call.Pos().IsValid() {
					calls[call.Pos()] = call
				}
			}
		}
	}
	return calls, funcs
}

// resends returns the ways round the SSA flow (engine.Resends) finds
// from send, as the reports take them, each with the test that admits its
// statuses, and the statuses a decision it read waits for Retry-After for.
// Where the flow cannot read a branch, only the ways round past it whose
// statuses a test it reads picked are taken (engine.Edge.Unread); a way it
// cannot place in the source is left out.
func (c *retryChecker) resends(body *ast.BlockStmt, send *ast.CallExpr, errs codeset.Set) ([]frag, codeset.Set) {
	return c.ssaEdges(body, send, errs, engine.Resends)
}

// recurses is resends for a function that calls itself again
// (engine.Recurses).
func (c *retryChecker) recurses(body *ast.BlockStmt, send *ast.CallExpr, errs codeset.Set) ([]frag, codeset.Set) {
	return c.ssaEdges(body, send, errs, engine.Recurses)
}

// ssaEdges returns the ways round that flow finds from send, as the
// reports take them (resends).
func (c *retryChecker) ssaEdges(body *ast.BlockStmt, send *ast.CallExpr, errs codeset.Set, flow func(*ssa.Call, codeset.Set, engine.Known) ([]engine.Edge, bool)) ([]frag, codeset.Set) {
	call := c.ssaCalls[send.Lparen]
	if call == nil {
		return nil, codeset.Set{}
	}
	edges, _ := flow(call, errs, c)
	return c.edgeFrags(body, edges)
}

// edgeFrags returns the ways round the SSA flow found in body, as the
// reports take them: each at the test that admits its statuses, or the
// return that does (an operation's send's error returned); one it cannot
// place in the source is left out. waited are the statuses a decision the
// flow read waits for Retry-After for.
func (c *retryChecker) edgeFrags(body *ast.BlockStmt, edges []engine.Edge) (frags []frag, waited codeset.Set) {
	for _, e := range edges {
		at := c.okTested(body, testAt(body, e.At))
		if at == nil {
			at = returnAt(body, e.At)
		}
		if at == nil {
			continue
		}
		frags = append(frags, frag{Set: e.Set, At: at})
		waited = waited.Or(e.Waited)
	}
	return frags, waited
}

// okTested returns, for an assertion or a map lookup whose ok the code
// assigns (rl, ok := err.(*RateLimitError)), the condition of the first
// if that reads that ok: where the SSA form's branch on it is in the
// source. Any other test, a decision's call among them (d, ok :=
// c.backoff(resp)), is returned as it is.
func (c *retryChecker) okTested(body *ast.BlockStmt, at ast.Node) ast.Node {
	var e ast.Expr
	switch x := at.(type) {
	case *ast.TypeAssertExpr:
		e = x
	case *ast.IndexExpr:
		e = x
	default:
		return at
	}
	var okVar *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if as, isAssign := n.(*ast.AssignStmt); isAssign && len(as.Lhs) == 2 && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == e {
			if id, isIdent := as.Lhs[1].(*ast.Ident); isIdent {
				okVar, _ = c.Pass.TypesInfo.ObjectOf(id).(*types.Var)
			}
		}
		return okVar == nil
	})
	if okVar == nil {
		return at
	}
	var cond ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if is, isIf := n.(*ast.IfStmt); isIf && cond == nil && is.Pos() > e.Pos() && typesx.UsesAny(c.Pass.TypesInfo, is.Cond, map[*types.Var]bool{okVar: true}) {
			cond = is.Cond
		}
		return cond == nil
	})
	if cond == nil {
		return at
	}
	return cond
}

// opPos returns where the SSA form places the value of e, when it is a
// comparison (its operator), a call or an assertion (its parenthesis) or
// an index (its bracket).
func opPos(e ast.Expr) token.Pos {
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return x.OpPos
	case *ast.CallExpr:
		return x.Lparen
	case *ast.IndexExpr:
		return x.Lbrack
	case *ast.TypeAssertExpr:
		return x.Lparen
	}
	return token.NoPos
}

// testAt returns the expression under root whose test is at pos in the
// SSA form: a comparison by its operator, a call by its parenthesis, a
// map lookup by its bracket, an assertion by its parenthesis; a case's
// value, or its clause when it lists more than one.
func testAt(root ast.Node, pos token.Pos) ast.Node {
	var found, plain ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if found != nil || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch x := n.(type) {
		case *ast.CaseClause:
			for _, e := range x.List {
				if e.Pos() == pos {
					found = e
					if len(x.List) > 1 {
						found = x
					}
				}
			}
		case ast.Expr:
			switch {
			case opPos(x) == pos:
				found = x
			case plain == nil && x.Pos() == pos:
				plain = x
			}
		}
		return found == nil
	})
	if found == nil {
		found = plain
	}
	if e, ok := found.(ast.Expr); ok {
		return negated(root, e)
	}
	return found
}

// negated returns the test e is the operand of, through negations and
// parentheses: the SSA form branches on f() where the source says
// !f(), and a finding names the condition as written.
func negated(root ast.Node, e ast.Expr) ast.Expr {
	for {
		var outer ast.Expr
		ast.Inspect(root, func(n ast.Node) bool {
			if outer != nil || n == nil || e.Pos() < n.Pos() || e.End() > n.End() {
				return false
			}
			switch x := n.(type) {
			case *ast.UnaryExpr:
				if x.Op == token.NOT && x.X == e {
					outer = x
				}
			case *ast.ParenExpr:
				if x.X == e {
					outer = x
				}
			}
			return outer == nil
		})
		if outer == nil {
			return e
		}
		e = outer
	}
}
