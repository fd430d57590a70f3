package values

import (
	"cmp"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A Use is a value an instruction hands to one of the caller's targets.
type Use[T comparable] struct {
	Value  ssa.Value
	Target T
}

// A Given is a function value that reaches targets, and where: as an
// argument of a call (the call hands it on), or taken by a target itself.
type Given[T comparable] struct {
	Func    *ssa.Function       // the function value: declared or a literal
	Call    ssa.CallInstruction // the call it is an argument of; nil when a target takes it
	Arg     int                 // its index in Call's arguments (a method's receiver is 0)
	Targets []T
}

// Flows is what reaches a caller's targets in one package.
type Flows[T comparable] struct {
	// Params are the parameters that reach targets, by function and
	// index (a method's receiver is 0), with the targets they reach.
	Params map[*ssa.Function]map[int][]T
	// Keys are the context keys whose values reach targets.
	Keys map[Key][]T
	// Given are the function values that reach targets, in source order.
	Given []Given[T]
}

// Flow computes the Flows of funcs, one package's functions (Funcs):
// targets(instr) are the values instr hands to a target of the caller's
// (a store into a field); imported(fn, i) the targets a function of
// another package hands its parameter i to (the caller's fact). It runs
// to a fixpoint: a value handed to a parameter that reaches a target
// reaches it too, as does one stored in a context under a key whose
// values reach one.
func Flow[T comparable](funcs []*ssa.Function, targets func(ssa.Instruction) []Use[T], imported func(fn *types.Func, i int) []T) *Flows[T] {
	params := map[*ssa.Function]map[int]*set[T]{}
	keys := map[Key]*set[T]{}
	type givenKey struct {
		fn   *ssa.Function
		call ssa.CallInstruction
		arg  int
	}
	given := map[givenKey]*set[T]{}
	var order []givenKey
	memo := map[ssa.Value][]Origin{}
	handed := func(v ssa.Value, call ssa.CallInstruction, arg int, ts []T) bool {
		if len(ts) == 0 {
			return false
		}
		os, ok := memo[v]
		if !ok {
			os = Origins(v)
			memo[v] = os
		}
		grew := false
		for _, o := range os {
			switch o.Kind {
			case FromParam:
				if params[o.Func] == nil {
					params[o.Func] = map[int]*set[T]{}
				}
				if params[o.Func][o.Index] == nil {
					params[o.Func][o.Index] = newSet[T]()
				}
				grew = params[o.Func][o.Index].add(ts) || grew
			case FromKey:
				if keys[o.Key] == nil {
					keys[o.Key] = newSet[T]()
				}
				grew = keys[o.Key].add(ts) || grew
			case FromFunc:
				k := givenKey{o.Func, call, arg}
				if given[k] == nil {
					given[k] = newSet[T]()
					order = append(order, k)
				}
				given[k].add(ts)
			}
		}
		return grew
	}
	for grew := true; grew; {
		grew = false
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					for _, u := range targets(instr) {
						grew = handed(u.Value, nil, 0, []T{u.Target}) || grew
					}
					ci, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					call := ci.Common()
					if key, v, ok := withValue(call); ok {
						grew = handed(v, ci, 2, keys[key].members()) || grew
						continue
					}
					callee := call.StaticCallee()
					if callee == nil {
						continue
					}
					for i, a := range call.Args {
						var ts []T
						if callee.Blocks != nil && callee.Pkg == fn.Pkg {
							ts = params[callee][i].members()
						} else if obj, ok := callee.Object().(*types.Func); ok && imported != nil {
							ts = imported(obj, i)
						}
						grew = handed(a, ci, i, ts) || grew
					}
				}
			}
		}
	}
	fl := &Flows[T]{Params: map[*ssa.Function]map[int][]T{}, Keys: map[Key][]T{}}
	for fn, ps := range params {
		fl.Params[fn] = map[int][]T{}
		for i, set := range ps {
			fl.Params[fn][i] = set.members()
		}
	}
	for k, set := range keys {
		fl.Keys[k] = set.members()
	}
	for _, k := range order {
		fl.Given = append(fl.Given, Given[T]{Func: k.fn, Call: k.call, Arg: k.arg, Targets: given[k].members()})
	}
	slices.SortStableFunc(fl.Given, func(a, b Given[T]) int {
		return cmp.Compare(givenPos(a), givenPos(b))
	})
	return fl
}

// givenPos orders Givens by where they are handed.
func givenPos[T comparable](g Given[T]) int {
	if g.Call != nil {
		return int(g.Call.Pos())
	}
	return int(g.Func.Pos())
}

// A set keeps its members in the order they were added, so that what is
// made from it is the same from run to run.
type set[T comparable] struct {
	has  map[T]bool
	list []T
}

func newSet[T comparable]() *set[T] { return &set[T]{has: map[T]bool{}} }

// add adds ts and reports whether the set grew.
func (s *set[T]) add(ts []T) bool {
	grew := false
	for _, t := range ts {
		if !s.has[t] {
			s.has[t] = true
			s.list = append(s.list, t)
			grew = true
		}
	}
	return grew
}

// members returns the members; nil for a nil set.
func (s *set[T]) members() []T {
	if s == nil {
		return nil
	}
	return s.list
}
