package retry

import (
	"go/ast"
	"go/types"
)

// A method called on the client after the send may change what the next
// request is built from (a token refreshed, a cache updated), and then the
// next round sends a different request. What a method of the package does
// to its receiver is read field by field: slack-go's socketmode loop calls
// smc.sendEvent (a channel send) and smc.Debugf (a logger) after every
// failed connect, which change nothing; elastic-transport's loop counts
// the response in c.metrics and logs through c.logger, which its send
// (c.roundTrip: c.transport, c.interceptor) never reads.

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
