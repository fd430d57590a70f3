package knowledge

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"
)

// An Entry is what the tables say of one name of a package: its role
// (status sink, send, retry hook...) and the name, as Type.Method or Func.
type Entry struct {
	Path, Role, Name string
}

// Catalog lists every name the tables describe, sorted by package, role
// and name: the supported-library list of the docs is made from it, so it
// cannot drift from what statuslint knows.
func Catalog() []Entry {
	var out []Entry
	add := func(role string, k Key) {
		name := k.Name
		if k.Recv != "" {
			name = k.Recv + "." + k.Name
		}
		out = append(out, Entry{k.Path, role, name})
	}
	addAll := func(role string, keys iter.Seq[Key]) {
		for k := range keys {
			add(role, k)
		}
	}
	for _, s := range Sinks {
		add("status sink", s.Key)
	}
	addAll("status field", maps.Keys(StatusFields))
	addAll("status method", maps.Keys(StatusMethods))
	addAll("status result", maps.Keys(StatusResults))
	addAll("status test of an error", maps.Keys(ErrorPredicates))
	addAll("send", maps.Keys(Sends))
	addAll("retry hook", maps.Keys(Hooks))
	addAll("retry predicate field", maps.Keys(PredicateFields))
	addAll("retry status list", maps.Keys(RetrySetFields))
	addAll("retry policy", maps.Keys(Policies))
	addAll("retry default", maps.Keys(Defaults))
	addAll("retries every error", maps.Keys(RetryAllErrors))
	addAll("request change", maps.Keys(RequestMutators))
	addAll("request read", maps.Keys(RequestReads))
	addAll("request unwrap", maps.Keys(RequestUnwraps))
	addAll("request copy", maps.Keys(RequestCopies))
	addAll("body rewind", maps.Keys(BodyRewinds))
	addAll("response type", maps.Keys(ResponseTypes))
	addAll("header read", maps.Keys(HeaderReads))
	addAll("Retry-After wait", maps.Keys(RetryAfterWaits))
	addAll("Retry-After wait option", maps.Keys(RetryAfterOptions))
	addAll("client that waits", maps.Keys(WaitingClients))
	addAll("never returns", maps.Keys(NoReturn))
	addAll("route", maps.Keys(Routes))
	addAll("route group", maps.Keys(Groups))
	addAll("subrouter", maps.Keys(Subrouters))
	addAll("mount", maps.Keys(Mounts))
	addAll("router", maps.Keys(RootRouters))
	addAll("root engine", maps.Keys(RootEngines))
	addAll("mountable router", maps.Keys(MountableRouters))
	addAll("test assertion", maps.Keys(EqualAsserts))
	addAll("test assertion", maps.Keys(GomegaActuals))
	addAll("test assertion", maps.Keys(GomegaAssertions))
	addAll("test assertion", maps.Keys(GomegaEqualities))
	addAll("test assertion", maps.Keys(QuicktestCheckers))
	for _, s := range SDKSends {
		name := "*" + s.RecvSuffix + "." + cmp.Or(s.Name, "*")
		out = append(out, Entry{strings.TrimSuffix(s.Prefix, "/") + "/...", "generated sends", name})
	}
	for _, m := range StatusFieldModules {
		out = append(out, Entry{m + "/...", "status field", StatusFieldNames.Names})
	}
	for _, p := range ConstantPackages {
		out = append(out, Entry{p, "status constants for fixes", "Status*"})
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Role, b.Role), cmp.Compare(a.Name, b.Name))
	})
	return slices.Compact(out)
}
