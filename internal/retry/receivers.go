package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/typesx"
)

// A method called on the client after the send may change what the next
// request is built from (a token refreshed, a cache updated), and then the
// next round sends a different request. What a method of the package does
// to its receiver is read field by field: slack-go's socketmode loop calls
// smc.sendEvent (a channel send) and smc.Debugf (a logger) after every
// failed connect, which change nothing; elastic-transport's loop counts
// the response in c.metrics and logs through c.logger, which its send
// (c.roundTrip: c.transport, c.interceptor) never reads.

// changedFields returns the fields of fn's receiver that fn, a method of
// this package, may change: those it assigns through, takes the address
// of, hands to a call as a pointer, map, slice or the like, or calls a
// method on that is not a request's read or a logger's, with what the
// package's methods it calls on the receiver change. Handing the receiver
// itself on, or a method without a body, changes all of it; so does a
// method that calls itself back.
func (c *retryChecker) changedFields(fn *types.Func) fieldSet {
	return memoFields(c.changed, fn, c.evalChangedFields)
}

// memoFields returns memo[fn], computing it with eval the first time; while
// it is computed, a cycle back to fn finds all fields.
func memoFields(memo map[*types.Func]fieldSet, fn *types.Func, eval func(*types.Func) fieldSet) fieldSet {
	if r, ok := memo[fn]; ok {
		return r
	}
	memo[fn] = allFields
	r := eval(fn)
	memo[fn] = r
	return r
}

func (c *retryChecker) evalChangedFields(fn *types.Func) fieldSet {
	recv := c.receiverOf(fn)
	if recv == nil {
		return allFields
	}
	info := c.Pass.TypesInfo
	var fs fieldSet
	touch := func(e ast.Expr) {
		if root, field := topField(info, e); root == recv {
			fs = fs.with(field)
		}
	}
	ast.Inspect(c.Decls[fn].Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				touch(lhs)
			}
			for _, rhs := range n.Rhs {
				if sharesState(info.TypeOf(rhs)) {
					touch(rhs) // an alias: what is done through it is done to the field
				}
			}
		case *ast.IncDecStmt:
			touch(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				touch(n.X)
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				if root, field := topField(info, a); root == recv && (field < 0 || sharesState(info.TypeOf(a))) {
					fs = fs.with(field) // handed on: whatever the callee does
				}
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			root, field := topField(info, sel.X)
			if root != recv {
				break
			}
			callee := typesx.Callee(info, n)
			switch {
			case callee == nil && isGetter(info.TypeOf(n.Fun)):
				// A getter the receiver holds (anthropic's
				// p.run.lease.TTL()): given nothing, it hands back a
				// value; what it could change is its own.
				fs = fs.with(field)
			case callee == nil:
				fs = allFields // a function value the receiver holds
			case knowledge.RequestReads[typesx.FuncKey(callee)], c.isLogger(info.TypeOf(sel.X)):
			case callee.Pkg() == c.Pass.Pkg && c.Decls[callee] != nil:
				// A method of the package on the receiver itself; on
				// what it holds, its own receiver is that field.
				inner := c.changedFields(callee)
				if field < 0 {
					fs = fs.union(inner)
				} else if !inner.Empty() {
					fs = fs.with(field)
				}
			default:
				fs = fs.with(field)
			}
		}
		return !fs.all
	})
	return fs
}

// isGetter reports whether t is a function that only gives a value
// (engine.Getter): not an action that may fail (a token refresh).
func isGetter(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && engine.Getter(sig)
}

// readFields returns the fields of fn's receiver that fn, a method of
// this package, reads, with those the package's methods it calls on the
// receiver read; all of them if it uses the receiver otherwise than
// through a field or a method (hands it on, copies it), has no body, or
// calls itself back.
func (c *retryChecker) readFields(fn *types.Func) fieldSet {
	return memoFields(c.read, fn, c.evalReadFields)
}

func (c *retryChecker) evalReadFields(fn *types.Func) fieldSet {
	recv := c.receiverOf(fn)
	if recv == nil {
		return allFields
	}
	info := c.Pass.TypesInfo
	var fs fieldSet
	selected := map[*ast.Ident]bool{}
	ast.Inspect(c.Decls[fn].Body, func(n ast.Node) bool {
		if fs.all {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			id, ok := stripStar(n.X).(*ast.Ident)
			if !ok || info.Uses[id] != recv {
				break
			}
			selected[id] = true
			s := info.Selections[n]
			switch {
			case s == nil:
				fs = allFields
			case s.Kind() == types.FieldVal:
				fs = fs.with(s.Index()[0])
			case len(s.Index()) > 1:
				fs = fs.with(s.Index()[0]) // a method promoted from an embedded field
			default:
				if m, ok := s.Obj().(*types.Func); ok && m.Pkg() == c.Pass.Pkg && c.Decls[m] != nil {
					fs = fs.union(c.readFields(m))
				} else {
					fs = allFields
				}
			}
		case *ast.Ident:
			if info.Uses[n] == recv && !selected[n] {
				fs = allFields
			}
		}
		return true
	})
	return fs
}

// receiverOf returns the receiver variable of fn, a method of this package
// on a struct (or a pointer to one), or nil.
func (c *retryChecker) receiverOf(fn *types.Func) *types.Var {
	decl := c.Decls[fn]
	if decl == nil || decl.Body == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	recv, _ := c.Pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	if recv == nil || structOf(recv.Type()) == nil {
		return nil
	}
	return recv
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
