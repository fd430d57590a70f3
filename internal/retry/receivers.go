package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A method called on the client after the send may change what the next
// request is built from (a token refreshed, a cache updated), and then the
// next round sends a different request. A method of the package that
// provably leaves its receiver alone does not: slack-go's socketmode loop
// calls smc.sendEvent (a channel send) and smc.Debugf (a logger) after
// every failed connect.

// leavesReceiver reports whether fn, a method of this package, changes
// nothing its receiver holds: it assigns through the receiver nowhere,
// takes the address of nothing in it, hands it to no call, and calls on
// it (or on what it holds) only methods that leave it alone themselves,
// reads of a request, or a logger's methods. A method without a body, or
// one that calls itself back, is taken to change it.
func (c *retryChecker) leavesReceiver(fn *types.Func) bool {
	if r, ok := c.leaves[fn]; ok {
		return r
	}
	c.leaves[fn] = false // while it is being decided: a cycle changes it
	r := c.evalLeavesReceiver(fn)
	c.leaves[fn] = r
	return r
}

func (c *retryChecker) evalLeavesReceiver(fn *types.Func) bool {
	decl := c.decls[fn]
	if decl == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return false
	}
	info := c.Pass.TypesInfo
	recv, _ := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	if recv == nil {
		return false
	}
	of := func(e ast.Expr) bool { return rootVar(info, e) == recv }
	leaves := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if of(lhs) {
					leaves = false
				}
			}
		case *ast.IncDecStmt:
			leaves = leaves && !of(n.X)
		case *ast.UnaryExpr:
			leaves = leaves && !(n.Op == token.AND && of(n.X))
		case *ast.CallExpr:
			for _, a := range n.Args {
				if of(a) {
					leaves = false // handed on: whatever the callee does
				}
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !of(sel.X) {
				break
			}
			callee := typesx.Callee(info, n)
			switch {
			case callee == nil:
				leaves = false // a function value the receiver holds
			case knowledge.RequestReads[typesx.FuncKey(callee)], c.isLogger(info.TypeOf(sel.X)):
			case callee.Pkg() == c.Pass.Pkg && c.decls[callee] != nil:
				// A method of the package on the receiver itself; on
				// what it holds, its own receiver is that field.
				if !c.leavesReceiver(callee) {
					leaves = false
				}
			default:
				leaves = false
			}
		}
		return leaves
	})
	return leaves
}

// isLogger reports whether t is a logger: *log.Logger, *slog.Logger, or a
// non-empty interface (or a struct embedding one) whose methods
// *log.Logger has, so that a call on it only writes a line.
func (c *retryChecker) isLogger(t types.Type) bool {
	if t == nil {
		return false
	}
	if typesx.Is(t, knowledge.StdLogger) || typesx.Is(t, knowledge.SlogLogger) {
		return true
	}
	if s, ok := t.Underlying().(*types.Struct); ok {
		// internalLog{logger}: a struct that only embeds a logger.
		return s.NumFields() == 1 && s.Field(0).Embedded() && c.isLogger(s.Field(0).Type())
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	std := c.stdLogger()
	return std != nil && types.Implements(types.NewPointer(std), iface)
}

// stdLogger returns log.Logger's type if this package can see it, looked
// up once.
func (c *retryChecker) stdLogger() types.Type {
	if !c.stdLogRead {
		c.stdLogRead = true
		typesx.FindImport(c.Pass.Pkg, func(p *types.Package) bool {
			if p.Path() != knowledge.StdLogger.Path {
				return false
			}
			if obj := p.Scope().Lookup(knowledge.StdLogger.Name); obj != nil {
				c.stdLog = obj.Type()
			}
			return true
		})
	}
	return c.stdLog
}
