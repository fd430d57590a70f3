package codeset

import (
	"go/token"
	"testing"
)

func TestCodeSet(t *testing.T) {
	s := Range(500, 599).And(Single(501).Not())
	if s.Len() != 99 || s.Has(501) || !s.Has(503) || s.String() != "[500 502-599]" {
		t.Errorf("5xx but 501 = %v (%d codes)", s, s.Len())
	}
	if !Single(99).Empty() || !Single(1000).Empty() || All.Len() != 900 {
		t.Error("codes outside 100-999 must not count")
	}
	if got := ClassRelation(token.GEQ, 4).String(); got != "[400-999]" {
		t.Errorf("code/100 >= 4 = %s", got)
	}
}
