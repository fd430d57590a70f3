package main

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	lines := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString("l" + string(rune('a'+i-1)) + "\n")
		}
		return b.String()
	}
	old := lines(20) // la .. lt
	for _, tc := range []struct {
		name, after, want string
	}{
		{"equal", old, ""},
		{"one line", strings.Replace(old, "lj\n", "LJ\n", 1), "--- a\n+++ b\n@@ -7,7 +7,7 @@\n lg\n lh\n li\n-lj\n+LJ\n lk\n ll\n lm\n"},
		{"first line, inserted", "new\n" + old, "--- a\n+++ b\n@@ -1,3 +1,4 @@\n+new\n la\n lb\n lc\n"},
		{"two hunks", strings.Replace(strings.Replace(old, "lb\n", "LB\n", 1), "ls\n", "", 1),
			"--- a\n+++ b\n@@ -1,5 +1,5 @@\n la\n-lb\n+LB\n lc\n ld\n le\n@@ -16,5 +16,4 @@\n lp\n lq\n lr\n-ls\n lt\n"},
		{"contexts touch: one hunk", strings.Replace(strings.Replace(old, "lb\n", "LB\n", 1), "li\n", "LI\n", 1),
			"--- a\n+++ b\n@@ -1,12 +1,12 @@\n la\n-lb\n+LB\n lc\n ld\n le\n lf\n lg\n lh\n-li\n+LI\n lj\n lk\n ll\n"},
		{"no final newline", strings.TrimSuffix(old, "\n"), "--- a\n+++ b\n@@ -17,4 +17,4 @@\n lq\n lr\n ls\n-lt\n+lt\n\\ No newline at end of file\n"},
	} {
		if got := unifiedDiff("a", "b", old, tc.after); got != tc.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tc.name, got, tc.want)
		}
	}
}

// The edit script rebuilds both sides and is as short as a longest common
// subsequence allows.
func TestDiffLinesMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a, b := randomLines(r), randomLines(r)
		ops := diffLines(a, b)
		var gotA, gotB []string
		changes := 0
		for _, op := range ops {
			if op.kind != '+' {
				gotA = append(gotA, op.text)
			}
			if op.kind != '-' {
				gotB = append(gotB, op.text)
			}
			if op.kind != ' ' {
				changes++
			}
		}
		if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
			t.Fatalf("script does not rebuild %q -> %q: %q", a, b, ops)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); changes != want {
			t.Fatalf("%q -> %q: %d changes, want %d", a, b, changes, want)
		}
	}
}

func randomLines(r *rand.Rand) []string {
	lines := make([]string, r.IntN(12))
	for i := range lines {
		lines[i] = string(rune('a'+r.IntN(3))) + "\n"
	}
	return lines
}

func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
