package retry

import (
	"go/token"
	"math/bits"

	"github.com/statuslint/statuslint/internal/table"
)

// codeSet is a set of status codes 100-999, one bit per code. Retry
// conditions are evaluated to the set of codes they let through.
type codeSet [(table.MaxCode + 64) / 64]uint64

// allCodes is every status code.
var allCodes = CodeRange(table.MinCode, table.MaxCode)

// CodeRange returns the codes from lo to hi, clamped to 100-999.
func CodeRange(lo, hi int64) codeSet {
	var s codeSet
	lo, hi = max(lo, table.MinCode), min(hi, table.MaxCode)
	for c := lo; c <= hi; c++ {
		s[c/64] |= 1 << (c % 64)
	}
	return s
}

// singleCode returns {c}, or the empty set when c is no status.
func singleCode(c int64) codeSet { return CodeRange(c, c) }

func (s codeSet) and(t codeSet) codeSet {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

func (s codeSet) or(t codeSet) codeSet {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

// not returns the codes that are not in s.
func (s codeSet) not() codeSet {
	for i := range s {
		s[i] = allCodes[i] &^ s[i]
	}
	return s
}

func (s codeSet) has(c int) bool {
	return c >= 0 && c <= table.MaxCode && s[c/64]&(1<<(c%64)) != 0
}

func (s codeSet) empty() bool { return s == codeSet{} }

func (s codeSet) len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// relation returns the codes c for which "c op k" holds.
func relation(op token.Token, k int64) codeSet {
	switch op {
	case token.EQL:
		return singleCode(k)
	case token.NEQ:
		return singleCode(k).not()
	case token.LSS:
		if k <= table.MinCode {
			return codeSet{} // and k-1 cannot overflow below
		}
		return CodeRange(table.MinCode, k-1)
	case token.LEQ:
		return CodeRange(table.MinCode, k)
	case token.GTR:
		if k >= table.MaxCode {
			return codeSet{}
		}
		return CodeRange(k+1, table.MaxCode)
	case token.GEQ:
		return CodeRange(k, table.MaxCode)
	}
	return allCodes
}

// classRelation returns the codes c for which "c/100 op k" holds.
func classRelation(op token.Token, k int64) codeSet {
	k = min(max(k, -1), 10) // classes beyond 0-9 hold no status; k*100 stays small
	switch op {
	case token.EQL:
		return CodeRange(k*100, k*100+99)
	case token.NEQ:
		return CodeRange(k*100, k*100+99).not()
	case token.LSS:
		return CodeRange(table.MinCode, k*100-1)
	case token.LEQ:
		return CodeRange(table.MinCode, k*100+99)
	case token.GTR:
		return CodeRange(k*100+100, table.MaxCode)
	case token.GEQ:
		return CodeRange(k*100, table.MaxCode)
	}
	return allCodes
}
