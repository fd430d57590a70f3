package knowledge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every name rule is shown both ways in its fixture, whose // want
// comments the passes' tests check, and matches what its docs say.
func TestNameRulesHaveFixtures(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range NameRules {
		if seen[r.ID] {
			t.Errorf("two name rules are %s", r.ID)
		}
		seen[r.ID] = true
		if r.Applies == "" || r.Reason == "" {
			t.Errorf("%s: no Applies or Reason", r.ID)
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "src", r.Fixture))
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			continue
		}
		for _, way := range []string{"positive", "negative"} {
			if !strings.Contains(string(data), "// Name rule "+r.ID+": "+way) {
				t.Errorf("%s: %s has no %s case (a line \"// Name rule %s: %s: ...\")", r.ID, r.Fixture, way, r.ID, way)
			}
		}
	}
}

func TestNameRulesMatch(t *testing.T) {
	for _, c := range []struct {
		rule *NameRule
		name string
		want bool
	}{
		{RetryDecisionNames, "shouldRetry", true},
		{RetryDecisionNames, "IsRetriable", true},
		{RetryDecisionNames, "isServerError", false},
		{PollNames, "waitUntilReady", true},
		{PollNames, "fetch", false},
		{StatusParamNames, "statusCode", true},
		{StatusParamNames, "attempt", false},
		{SetMethodNames, "Contains", true},
		{SetMethodNames, "ContainsAll", false},
		{EqualityHelperNames, "AssertEqual", true},
		{EqualityHelperNames, "logPair", false},
		{StatusFieldNames, "HttpStatusCode", true},
		{StatusFieldNames, "Code", false},
	} {
		if got := c.rule.Match(c.name); got != c.want {
			t.Errorf("%s.Match(%q) = %v, want %v", c.rule.ID, c.name, got, c.want)
		}
	}
}
