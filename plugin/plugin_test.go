package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestSettings(t *testing.T) {
	for _, c := range []struct {
		raw  any
		want string // "" for no error
	}{
		{nil, ""},
		{map[string]any{}, ""},
		{map[string]any{"codes": "iana", "constants": "example.com/status", "sinks": []any{"example.com/api.Abort:1"}, "tests": false}, ""},
		{map[string]any{"codez": "iana"}, `unknown field "codez"`},
		{map[string]any{"codes": 404}, "Settings.codes of type string"},
		{map[string]any{"codes": "nosuch"}, `codes: unknown status-code profile "nosuch"`},
		{map[string]any{"codes": "testdata/missing.yaml"}, "codes: reading status-code table"},
		{map[string]any{"sinks": []any{"nope"}}, `sinks: sink "nope": no argument index`},
		{map[string]any{"tests": "yes"}, "Settings.tests of type bool"},
		{map[string]any{"checks": []any{"all", "-SL2001"}}, ""},
		{map[string]any{"checks": []any{"all", "-SL2009"}}, `checks: unknown check "-SL2009"`},
	} {
		p, err := New(c.raw)
		if c.want == "" {
			if err != nil {
				t.Errorf("New(%v): %v", c.raw, err)
				continue
			}
			as, err := p.BuildAnalyzers()
			if err != nil || len(as) != 1 || as[0].Name != "statuslint" {
				t.Errorf("BuildAnalyzers: %v, %v", as, err)
			}
			if p.GetLoadMode() != register.LoadModeTypesInfo {
				t.Error("load mode")
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "statuslint settings: ") {
			t.Errorf("New(%v) = %v, want an error containing %q", c.raw, err, c.want)
		}
	}
}

func TestRegistered(t *testing.T) {
	if _, err := register.GetPlugin("statuslint"); err != nil {
		t.Fatal(err)
	}
}
