package retry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// isPolling reports whether a loop waits for a state rather than recovering
// from a failure. It is a poll when its send only probes: a read (GET or
// HEAD) whose response the code uses for nothing but its status, as health
// and readiness checks do. Where the method cannot be known (a request
// given as a parameter), a probe is a poll in a function named for
// waiting; any other loop that sends is a retry.
func (c *retryChecker) isPolling(cur inspector.Cursor, send *ast.CallExpr, stmt ast.Stmt) bool {
	if !c.statusOnly(cur, send, stmt) {
		return false
	}
	switch c.sendMethod(send) {
	case "GET", "HEAD":
		return true
	case "":
		fd := typesx.EnclosingFunc(cur)
		return fd != nil && knowledge.PollNames.Match(fd.Name.Name)
	}
	return false
}

// sendMethod returns the HTTP method of a send, upper case, or "" when it
// cannot be known.
func (c *retryChecker) sendMethod(send *ast.CallExpr) string {
	info := c.Pass.TypesInfo
	key, via, _, ok := typesx.Resolve(info, send)
	if !ok {
		return ""
	}
	if m, ok := knowledge.Lookup(knowledge.SendMethods, key, via); ok {
		return m
	}
	if key.Path != knowledge.NetHTTP || len(send.Args) != 1 {
		return ""
	}
	// client.Do(req) or RoundTrip(req): the method req was made with, if
	// it was made once, with a constant one.
	method, _ := c.requests.NewRequestArgs(send.Args[0])
	return method
}

// statusOnly reports whether the response of a send is used for nothing
// but its status: its status, its headers, a nil test, closing or
// draining its body. A response that is returned, stored, decoded or
// handed on is wanted for itself.
func (c *retryChecker) statusOnly(cur inspector.Cursor, send *ast.CallExpr, stmt ast.Stmt) bool {
	info := c.Pass.TypesInfo
	var resp *types.Var
	ast.Inspect(stmt, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != send {
			return resp == nil
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			resp, _ = info.ObjectOf(id).(*types.Var)
		}
		return false
	})
	if resp == nil {
		// The response is dropped, or the send's result used in place:
		// only a plain dropped result is a probe.
		_, isExpr := stmt.(*ast.ExprStmt)
		return isExpr || sendsTo(stmt, send)
	}
	if !status.IsResponseType(resp.Type()) {
		return false
	}
	fn, ok := typesx.EnclosingFuncCursor(cur)
	if !ok {
		return false
	}
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != resp {
			continue
		}
		if !c.statusUse(id) {
			return false
		}
	}
	return true
}

// sendsTo reports whether stmt assigns send's results to blanks only.
func sendsTo(stmt ast.Stmt, send *ast.CallExpr) bool {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != send {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	return ok && id.Name == "_"
}

// statusUse reports whether a use of a response reads only its status or
// headers, tests it against nil, or closes or drains its body.
func (c *retryChecker) statusUse(id inspector.Cursor) bool {
	parent := id.Parent()
	switch p := parent.Node().(type) {
	case *ast.BinaryExpr:
		return c.Pass.TypesInfo.Types[p.X].IsNil() || c.Pass.TypesInfo.Types[p.Y].IsNil()
	case *ast.SelectorExpr:
		s, ok := c.Pass.TypesInfo.Selections[p]
		if !ok {
			return false
		}
		var key knowledge.Key
		switch obj := s.Obj().(type) {
		case *types.Var:
			key, _ = typesx.FieldKey(obj, s.Recv())
		case *types.Func:
			key = typesx.FuncKey(obj)
		}
		switch {
		case knowledge.ResponseReads[key]:
			return true
		case key == knowledge.HTTPResponseBody:
			// resp.Body.Close(), io.Copy(io.Discard, resp.Body),
			// resp.Body != nil
			switch gp := parent.Parent().Node().(type) {
			case *ast.SelectorExpr:
				return gp.Sel.Name == "Close"
			case *ast.BinaryExpr:
				return c.Pass.TypesInfo.Types[gp.X].IsNil() || c.Pass.TypesInfo.Types[gp.Y].IsNil()
			case *ast.CallExpr:
				fn := typesx.Callee(c.Pass.TypesInfo, gp)
				if fn == nil || len(gp.Args) != 2 || gp.Args[1] != p {
					return false
				}
				return knowledge.BodyDrains[typesx.FuncKey(fn)] && isDiscard(c.Pass.TypesInfo, gp.Args[0])
			}
		}
	}
	return false
}

func isDiscard(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && (knowledge.Key{Path: v.Pkg().Path(), Name: v.Name()}) == knowledge.Discard
}
