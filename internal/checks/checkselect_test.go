package checks

import (
	"slices"
	"strings"
	"testing"
)

func TestSelectChecks(t *testing.T) {
	all := func() []string {
		var ids []string
		for _, c := range All {
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		return ids
	}
	without := func(drop ...string) []string {
		return slices.DeleteFunc(all(), func(id string) bool { return slices.Contains(drop, id) })
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", all()},
		{"all", all()},
		{"all,-SL2001", without("SL2001")},
		{"*,-SL2*", without("SL2001", "SL2002")},
		{"SL1001,SL2001", []string{"SL1001", "SL2001"}},
		{"SL1*,-SL1004", []string{"SL1001", "SL1002", "SL1003", "SL1005", "SL1006"}},
		{"none,SL0001", []string{"SL0001"}},
		{"all,-none", all()},
	} {
		set, err := Select(strings.Split(tc.in, ","), nil)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		var got []string
		for id, on := range set {
			if on {
				got = append(got, id)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"SL9999", "all,-ST1000", "SL3*", "al"} {
		if _, err := Select(strings.Split(bad, ","), nil); err == nil || !strings.Contains(err.Error(), "unknown check") {
			t.Errorf("%q: got %v, want an unknown-check error", bad, err)
		}
	}
}

// A check its pass declares NonDefault runs only when the selection names
// it, or all checks.
func TestSelectNonDefault(t *testing.T) {
	decls := []Decl{{ID: "SL1001"}, {ID: "SL2002", NonDefault: true}}
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"-SL1001", false},
		{"all", true},
		{"SL2002", true},
		{"SL2*", true},
		{"all,-SL2002", false},
	} {
		set, err := Select(strings.Split(tc.in, ","), decls)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if set["SL2002"] != tc.want {
			t.Errorf("%q: SL2002 on = %v, want %v", tc.in, set["SL2002"], tc.want)
		}
		if tc.in == "" && !set["SL2001"] {
			t.Errorf("a check declared without NonDefault, or not declared, is not on by default")
		}
	}
}
