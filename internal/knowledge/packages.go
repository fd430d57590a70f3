package knowledge

import (
	"slices"
	"strings"
	"sync"
)

// Packages returns, sorted, every package whose values the tables
// describe: net/http and the frameworks, clients and retry libraries whose
// sinks, sends, statuses, retries and routes are known. A package that
// imports none of them (and none of a user's -sinks) can hold no finding;
// one that imports any, even without net/http (an application on
// fasthttp), is analyzed. Packages named only as helpers (net/url's
// setters, header readers, assertion libraries) do not count: they matter
// only beside a status that comes from one of these.
var Packages = sync.OnceValue(func() []string {
	seen := map[string]bool{NetHTTP: true}
	for _, t := range tables() {
		if !t.known {
			continue
		}
		for k := range t.keys {
			if k.Path != "" {
				seen[k.Path] = true
			}
		}
	}
	for _, p := range ConstantPackages {
		seen[p] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
})

// IsKnownPackage reports whether path is one of Packages, or a package of
// an SDK whose generated calls send (SDKSends) or whose status-named
// fields are statuses (StatusFieldModules).
func IsKnownPackage(path string) bool {
	if _, found := slices.BinarySearch(Packages(), path); found {
		return true
	}
	for _, r := range SDKSends {
		if strings.HasPrefix(path, r.Prefix) {
			return true
		}
	}
	for _, m := range StatusFieldModules {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return false
}
