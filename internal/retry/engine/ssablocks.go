package engine

import "golang.org/x/tools/go/ssa"

// inLoop reports whether b is in the loop that holds the send: a block
// the send's block reaches that reaches it back.
func (s *sendFlow) inLoop(b *ssa.BasicBlock) bool {
	if s.send == nil {
		return false // a decision read alone: no loop
	}
	if s.loop == nil {
		s.loop = map[*ssa.BasicBlock]bool{}
		from := reachable(s.send.Block(), func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs })
		to := reachable(s.send.Block(), func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Preds })
		for b := range from {
			if to[b] {
				s.loop[b] = true
			}
		}
	}
	return s.loop[b]
}

// reachable returns the blocks next leads to from b, b among them.
func reachable(b *ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := map[*ssa.BasicBlock]bool{b: true}
	queue := []*ssa.BasicBlock{b}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		for _, n := range next(b) {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return seen
}

// picking returns the conditions of the branches that pick which value
// the φ-node p takes: those of the blocks between its block's immediate
// dominator and its block.
func picking(p *ssa.Phi) []ssa.Value {
	b := p.Block()
	d := b.Idom()
	if d == nil {
		return nil
	}
	before := reachable(b, func(x *ssa.BasicBlock) []*ssa.BasicBlock {
		if x == d {
			return nil
		}
		return x.Preds
	})
	var conds []ssa.Value
	for x := range before {
		if x == b || !d.Dominates(x) {
			continue
		}
		if jump, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If); ok {
			conds = append(conds, jump.Cond)
		}
	}
	return conds
}

// blockOf returns the block whose branch tests cond: the block of the
// If that uses it. The test is cond's block's own jump where it ends it.
func blockOf(cond ssa.Value) *ssa.BasicBlock {
	if refs := cond.Referrers(); refs != nil {
		for _, r := range *refs {
			if jump, ok := r.(*ssa.If); ok {
				return jump.Block()
			}
		}
	}
	return nil
}

// rejoin returns the block where the ways of the branch that ends b
// meet again (its immediate post-dominator) when neither sets anything
// on the way: the block has no φ-node and no block between stores or
// updates a map. nil otherwise.
func (s *sendFlow) rejoin(fn *ssa.Function, b *ssa.BasicBlock) *ssa.BasicBlock {
	if b == nil || len(b.Succs) != 2 {
		return nil
	}
	if s.pdom == nil {
		s.pdom = postDominators(fn)
	}
	var join *ssa.BasicBlock
	for _, c := range fn.Blocks {
		if c == b || !s.pdom[b.Index][c.Index] {
			continue
		}
		// The nearest strict post-dominator: every other one
		// post-dominates it.
		if join == nil || s.pdom[c.Index][join.Index] {
			join = c
		}
	}
	if join == nil {
		return nil
	}
	for _, instr := range join.Instrs {
		if _, ok := instr.(*ssa.Phi); ok {
			return nil
		}
	}
	between := reachable(b, func(x *ssa.BasicBlock) []*ssa.BasicBlock {
		if x == join {
			return nil
		}
		return x.Succs
	})
	for x := range between {
		if x == join {
			continue
		}
		for _, instr := range x.Instrs {
			switch instr.(type) {
			case *ssa.Store, *ssa.MapUpdate:
				return nil
			}
		}
	}
	return join
}

// meetInLoop reports whether the ways of the branch that ends b meet
// again in the loop that holds the send: neither leaves it.
func (s *sendFlow) meetInLoop(b *ssa.BasicBlock) bool {
	if len(b.Succs) != 2 {
		return false
	}
	fn := b.Parent()
	if s.pdom == nil {
		s.pdom = postDominators(fn)
	}
	for _, c := range fn.Blocks {
		if c != b && s.pdom[b.Index][c.Index] && s.inLoop(c) {
			return true
		}
	}
	return false
}

// postDominators returns, for each block of fn by index, the blocks that
// post-dominate it (every path from it to the function's end passes
// them), itself among them.
func postDominators(fn *ssa.Function) [][]bool {
	n := len(fn.Blocks)
	pdom := make([][]bool, n)
	for i, b := range fn.Blocks {
		pdom[i] = make([]bool, n)
		if len(b.Succs) == 0 {
			pdom[i][i] = true
			continue
		}
		for j := range pdom[i] {
			pdom[i][j] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			b := fn.Blocks[i]
			if len(b.Succs) == 0 {
				continue
			}
			for j := range n {
				in := j == i
				if !in {
					in = true
					for _, succ := range b.Succs {
						in = in && pdom[succ.Index][j]
					}
				}
				if pdom[i][j] != in {
					pdom[i][j], changed = in, true
				}
			}
		}
	}
	return pdom
}

// carried reports whether p is a variable a loop carries round: a
// φ-node of a block that one of its predecessors comes back to.
func carried(p *ssa.Phi) bool {
	for _, pred := range p.Block().Preds {
		if p.Block().Dominates(pred) {
			return true
		}
	}
	return false
}
