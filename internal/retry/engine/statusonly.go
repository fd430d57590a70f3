package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/typesx"
)

// StatusOnly reports whether the response send returns is used for
// nothing but its status: its status and headers (knowledge.ResponseReads),
// a test of it or its body against nil, its body closed or drained into
// io.Discard (knowledge.BodyDrains); a response dropped is one too. A
// response returned, stored, decoded or handed on is wanted for itself,
// and so is one whose send does not return it (fasthttp's Do(req, resp)).
// The response is followed as a value, whatever variables hold it on the
// way (a φ-node of the rounds of a loop, a copy).
func StatusOnly(send *ssa.Call) bool {
	res := send.Call.Signature().Results()
	if res.Len() == 0 || !status.IsResponseType(res.At(0).Type()) {
		return false
	}
	if res.Len() == 1 {
		return onlyStatus(send, map[ssa.Value]bool{})
	}
	refs := send.Referrers()
	if refs == nil {
		return true
	}
	for _, instr := range *refs {
		if x, ok := instr.(*ssa.Extract); ok && x.Index == 0 && !onlyStatus(x, map[ssa.Value]bool{}) {
			return false
		}
	}
	return true
}

// onlyStatus reports whether every use of resp, a response, reads only
// its status (StatusOnly); seen are the values already followed.
func onlyStatus(resp ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[resp] {
		return true
	}
	seen[resp] = true
	refs := resp.Referrers()
	if refs == nil {
		return true
	}
	for _, instr := range *refs {
		switch x := instr.(type) {
		case *ssa.DebugRef:
		case *ssa.Phi:
			if !onlyStatus(x, seen) {
				return false
			}
		case *ssa.BinOp:
			if !comparesNil(x) {
				return false
			}
		case *ssa.FieldAddr:
			if !statusField(x, x.X.Type(), x.Field) {
				return false
			}
		case *ssa.Field:
			if !statusField(x, x.X.Type(), x.Field) {
				return false
			}
		case *ssa.Call:
			// A method of the response that reads its status or headers
			// (resty's StatusCode()).
			fn := x.Call.StaticCallee()
			obj, ok := calleeObj(fn)
			if !ok || len(x.Call.Args) == 0 || x.Call.Args[0] != resp || !knowledge.ResponseReads[typesx.FuncKey(obj)] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// statusField reports whether v, field i of a response (t is the
// response or a pointer to it), is read for the status only: its status
// or headers (whatever is done with them), or its body closed, drained
// or tested against nil.
func statusField(v ssa.Value, t types.Type, i int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	key, _ := typesx.FieldKey(st.Field(i), t)
	switch {
	case knowledge.ResponseReads[key]:
		return true
	case key == knowledge.HTTPResponseBody:
		if _, isAddr := v.(*ssa.FieldAddr); !isAddr {
			return bodyOnlyClosed(v)
		}
		refs := v.Referrers()
		if refs == nil {
			return true
		}
		for _, instr := range *refs {
			load, ok := instr.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || !bodyOnlyClosed(load) {
				return false
			}
		}
		return true
	}
	return false
}

// bodyOnlyClosed reports whether body, a response's body, is only
// closed, drained into io.Discard, or tested against nil.
func bodyOnlyClosed(body ssa.Value) bool {
	refs := body.Referrers()
	if refs == nil {
		return true
	}
	for _, instr := range *refs {
		switch x := instr.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if !comparesNil(x) {
				return false
			}
		case *ssa.ChangeInterface, *ssa.MakeInterface:
			if !bodyOnlyClosed(x.(ssa.Value)) {
				return false
			}
		case ssa.CallInstruction:
			call := x.Common()
			if call.IsInvoke() {
				if call.Method.Name() != "Close" || call.Value != body {
					return false
				}
				continue
			}
			obj, ok := calleeObj(call.StaticCallee())
			if !ok || !knowledge.BodyDrains[typesx.FuncKey(obj)] || len(call.Args) < 2 || call.Args[1] != body || !discard(call.Args[0]) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// discard reports whether v is io.Discard.
func discard(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if ci, ok := v.(*ssa.ChangeInterface); ok {
		v = ci.X
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && (knowledge.Key{Path: g.Pkg.Pkg.Path(), Name: g.Name()}) == knowledge.Discard
}

// comparesNil reports whether b compares a value with nil.
func comparesNil(b *ssa.BinOp) bool {
	return (b.Op == token.EQL || b.Op == token.NEQ) && (isNil(b.X) || isNil(b.Y))
}
