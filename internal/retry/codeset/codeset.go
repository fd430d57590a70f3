// Package codeset is what the retry check computes: sets of HTTP status
// codes 100-999, one bit per code, and the sets a comparison of a status
// with a constant lets through. It knows nothing of syntax or of a pass.
package codeset

import (
	"fmt"
	"go/token"
	"math/bits"
	"strings"

	"github.com/statuslint/statuslint/internal/table"
)

// Set is a set of status codes 100-999, one bit per code. Retry conditions
// are evaluated to the set of codes they let through.
type Set [(table.MaxCode + 64) / 64]uint64

// All is every status code.
var All = Range(table.MinCode, table.MaxCode)

// Range returns the codes from lo to hi, clamped to 100-999.
func Range(lo, hi int64) Set {
	var s Set
	lo, hi = max(lo, table.MinCode), min(hi, table.MaxCode)
	for c := lo; c <= hi; c++ {
		s[c/64] |= 1 << (c % 64)
	}
	return s
}

// Single returns {c}, or the empty set when c is no status.
func Single(c int64) Set { return Range(c, c) }

// And returns the codes in both s and t.
func (s Set) And(t Set) Set {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

// Or returns the codes in s or t.
func (s Set) Or(t Set) Set {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

// Not returns the codes that are not in s.
func (s Set) Not() Set {
	for i := range s {
		s[i] = All[i] &^ s[i]
	}
	return s
}

// Has reports whether c is in s.
func (s Set) Has(c int) bool {
	return c >= 0 && c <= table.MaxCode && s[c/64]&(1<<(c%64)) != 0
}

// Empty reports whether s holds no code.
func (s Set) Empty() bool { return s == Set{} }

// Len returns how many codes s holds.
func (s Set) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// String lists a set compactly: [500-599 429].
func (s Set) String() string {
	var parts []string
	for c := table.MinCode; c <= table.MaxCode; c++ {
		if !s.Has(c) {
			continue
		}
		end := c
		for end+1 <= table.MaxCode && s.Has(end+1) {
			end++
		}
		if end > c {
			parts = append(parts, fmt.Sprintf("%d-%d", c, end))
		} else {
			parts = append(parts, fmt.Sprint(c))
		}
		c = end
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// Relation returns the codes c for which "c op k" holds.
func Relation(op token.Token, k int64) Set {
	switch op {
	case token.EQL:
		return Single(k)
	case token.NEQ:
		return Single(k).Not()
	case token.LSS:
		if k <= table.MinCode {
			return Set{} // and k-1 cannot overflow below
		}
		return Range(table.MinCode, k-1)
	case token.LEQ:
		return Range(table.MinCode, k)
	case token.GTR:
		if k >= table.MaxCode {
			return Set{}
		}
		return Range(k+1, table.MaxCode)
	case token.GEQ:
		return Range(k, table.MaxCode)
	}
	return All
}

// ClassRelation returns the codes c for which "c/100 op k" holds.
func ClassRelation(op token.Token, k int64) Set {
	k = min(max(k, -1), 10) // classes beyond 0-9 hold no status; k*100 stays small
	switch op {
	case token.EQL:
		return Range(k*100, k*100+99)
	case token.NEQ:
		return Range(k*100, k*100+99).Not()
	case token.LSS:
		return Range(table.MinCode, k*100-1)
	case token.LEQ:
		return Range(table.MinCode, k*100+99)
	case token.GTR:
		return Range(k*100+100, table.MaxCode)
	case token.GEQ:
		return Range(k*100, table.MaxCode)
	}
	return All
}
