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
	add := func(k Key) {
		if k.Path != "" {
			seen[k.Path] = true
		}
	}
	for _, s := range Sinks {
		add(s.Key)
	}
	for _, m := range []map[Key]bool{StatusFields, StatusMethods, RetrySetFields, ResponseTypes, RootRouters} {
		for k := range m {
			add(k)
		}
	}
	for k := range Sends {
		add(k)
	}
	for k := range Hooks {
		add(k)
	}
	for k := range PredicateFields {
		add(k)
	}
	for k := range Policies {
		add(k)
	}
	for k := range Defaults {
		add(k)
	}
	for k := range RetryAllErrors {
		add(k)
	}
	for k := range Routes {
		add(k)
	}
	for k := range WrapperStatuses {
		add(k)
	}
	for k := range Groups {
		add(k)
	}
	for k := range Subrouters {
		add(k)
	}
	for k := range Mounts {
		add(k)
	}
	for k := range StatusResults {
		add(k)
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
