package knowledge

import (
	"testing"
)

func TestTablesConsistent(t *testing.T) {
	for key, h := range Hooks {
		for _, marker := range []Key{h.Stop, h.Only, h.Option} {
			if marker != (Key{}) && marker.Path != key.Path {
				t.Errorf("%v: marker %v is in another package", key, marker)
			}
		}
		if h.Kind == HookOperation && h.Stop == (Key{}) && h.Only == (Key{}) {
			t.Errorf("%v: an operation hook with no stop marker", key)
		}
	}
	for key, d := range Defaults {
		if _, ok := Policies[d.Policy]; !ok {
			t.Errorf("%v: default policy %v is not in Policies", key, d.Policy)
		}
		if _, ok := PredicateFields[d.Override]; !ok {
			t.Errorf("%v: override %v is not a predicate field", key, d.Override)
		}
	}
	seen := map[Key]bool{}
	for _, s := range Sinks {
		if seen[s.Key] {
			t.Errorf("sink %v listed twice", s.Key)
		}
		seen[s.Key] = true
	}
}

// Packages lists what the tables name, frameworks that do not import
// net/http among them, and nothing they do not.
func TestPackages(t *testing.T) {
	for _, path := range []string{"net/http", "github.com/valyala/fasthttp", "github.com/gin-gonic/gin", "github.com/hashicorp/go-retryablehttp"} {
		if !IsKnownPackage(path) {
			t.Errorf("%s is not a known package", path)
		}
	}
	for _, path := range []string{"", "fmt", "github.com/valyala/fasthttp/fasthttputil"} {
		if IsKnownPackage(path) {
			t.Errorf("%s is a known package", path)
		}
	}
}
