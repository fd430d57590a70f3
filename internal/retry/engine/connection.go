package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/typesx"
)

// connectionOnly reports whether fn, a function that sends the request
// it is given, uses its parameter i only for how the request goes, not
// for what it asks: the value (and what is computed from it, or made or
// chosen under a branch on it) is kept in its own memory or locals,
// handed to calls given nothing of the request (a logger, a counter's
// method), and decides only branches that set nothing of the request
// but the fields that name its server or connection
// (knowledge.ServerFields: opensearch-go's roundTripAttempt, which reads
// the connection it is handed only to set Request.Close). What is done
// with such a value between two sends (the connection handed to an
// observer) does not change the request.
//
// It is false where the value reaches the request, a call given the
// request, a result, memory fn did not make, or a branch that returns
// or sets anything else.
func connectionOnly(fn *ssa.Function, i int) bool {
	if fn == nil || fn.Blocks == nil || i >= len(fn.Params) || typesx.IsRequestPtr(fn.Params[i].Type()) {
		return false
	}
	var req *ssa.Parameter
	for _, p := range fn.Params {
		if typesx.IsRequestPtr(p.Type()) {
			req = p
		}
	}
	if req == nil {
		return false
	}
	c := &connUses{fn: fn, req: req, tainted: map[ssa.Value]bool{}}
	c.taint(fn.Params[i])
	for len(c.work) > 0 {
		v := c.work[len(c.work)-1]
		c.work = c.work[:len(c.work)-1]
		if v.Referrers() == nil {
			continue
		}
		for _, r := range *v.Referrers() {
			if !c.use(v, r) {
				return false
			}
		}
	}
	return true
}

// connUses follows a value through the function that is given it.
type connUses struct {
	fn      *ssa.Function
	req     *ssa.Parameter
	tainted map[ssa.Value]bool
	work    []ssa.Value
	pdom    [][]bool
}

func (c *connUses) taint(v ssa.Value) {
	if v == nil || c.tainted[v] {
		return
	}
	c.tainted[v] = true
	c.work = append(c.work, v)
}

// ofRequest reports whether v is the request or a part of it: a field,
// an element, what a pointer into it points to, or a request made from
// it by a call (req.WithContext(ctx)).
func (c *connUses) ofRequest(v ssa.Value) bool {
	for range 8 {
		if v == c.req {
			return true
		}
		if whole, ok := container(v); ok {
			v = whole
			continue
		}
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				if e != x && c.ofRequest(e) {
					return true
				}
			}
			return false
		case *ssa.Call:
			for _, a := range x.Call.Args {
				if c.ofRequest(a) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// local returns the value made in fn that addr is a part of, nil if it
// is a part of what fn was given or of a global.
func (c *connUses) local(addr ssa.Value) ssa.Value {
	for range 8 {
		switch x := addr.(type) {
		case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
			return x
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			addr = x.X
		case *ssa.Slice:
			addr = x.X
		default:
			return nil
		}
	}
	return nil
}

// into reports whether a value of the connection may be kept at addr:
// memory the connection is (its own fields), or memory fn made, which
// then holds the connection's values.
func (c *connUses) into(addr ssa.Value) bool {
	if c.ofRequest(addr) {
		return false
	}
	if root, _ := fieldPath(addr); c.tainted[root] || c.tainted[addr] {
		return true
	}
	if l := c.local(addr); l != nil {
		c.taint(l)
		return true
	}
	return false
}

// use reports whether r, a use of the connection's value v, keeps it
// out of what the request asks.
func (c *connUses) use(v ssa.Value, r ssa.Instruction) bool {
	switch x := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.Store:
		if x.Addr == v {
			return true // into the connection's own memory
		}
		return c.into(x.Addr)
	case *ssa.MapUpdate:
		if x.Map == v {
			return true
		}
		return c.into(x.Map)
	case *ssa.Call:
		return c.call(x.Common(), x)
	case *ssa.If:
		return c.branch(x)
	case *ssa.Return, *ssa.Go, *ssa.Defer, *ssa.Send, *ssa.Panic:
		return false
	case ssa.Value:
		if c.ofRequest(x) {
			return false // a part of the request it picks (an element)
		}
		c.taint(x)
		return true
	}
	return false
}

// call reports whether a call given a value of the connection keeps it
// out of the request: nothing of the request is given it. Its results
// are the connection's.
func (c *connUses) call(common *ssa.CallCommon, v ssa.Value) bool {
	if c.ofRequest(common.Value) {
		return false
	}
	for _, a := range common.Args {
		if c.ofRequest(a) {
			return false
		}
	}
	if v != nil {
		c.taint(v)
	}
	return true
}

// branch reports whether the branch on a value of the connection sets
// nothing but the request's server or connection fields on its ways,
// which meet again in fn: what they make, and what the meeting chooses,
// is the connection's.
func (c *connUses) branch(x *ssa.If) bool {
	b := x.Block()
	if c.pdom == nil {
		c.pdom = postDominators(c.fn)
	}
	var join *ssa.BasicBlock
	for _, d := range c.fn.Blocks {
		if d != b && c.pdom[b.Index][d.Index] && (join == nil || c.pdom[d.Index][join.Index]) {
			join = d
		}
	}
	if join == nil {
		return false // a way that ends the function: whether it sends at all
	}
	between := reachable(b, func(d *ssa.BasicBlock) []*ssa.BasicBlock {
		if d == join {
			return nil
		}
		return d.Succs
	})
	for d := range between {
		if d == b || d == join {
			continue
		}
		for _, instr := range d.Instrs {
			switch y := instr.(type) {
			case *ssa.Store:
				if serverField(y.Addr) && c.ofRequest(y.Addr) {
					continue // req.Close = true
				}
				if !c.into(y.Addr) {
					return false
				}
			case *ssa.MapUpdate:
				if !c.into(y.Map) {
					return false
				}
			case *ssa.Call:
				if !c.call(y.Common(), y) {
					return false
				}
			case *ssa.Return, *ssa.Go, *ssa.Defer, *ssa.Send, *ssa.Panic:
				return false
			case ssa.Value:
				if !c.ofRequest(y) {
					c.taint(y) // made only on this way: the connection's
				}
			}
		}
	}
	for _, instr := range join.Instrs {
		if p, ok := instr.(*ssa.Phi); ok {
			c.taint(p)
		}
	}
	return true
}
