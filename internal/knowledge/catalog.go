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

// A table is one of the tables of names: its name in this package, its
// role in the catalog, its keys, and whether the packages it names are
// ones whose values statuslint knows (Packages). TestTablesRegistered
// checks that every table of Key is here.
type table struct {
	name  string
	role  string
	keys  iter.Seq[Key]
	known bool
}

// tables lists the tables of names, each once.
func tables() []table {
	sinks := func(yield func(Key) bool) {
		for _, s := range Sinks {
			if !yield(s.Key) {
				return
			}
		}
	}
	return []table{
		{"Sinks", "status sink", sinks, true},
		{"StatusFields", "status field", maps.Keys(StatusFields), true},
		{"StatusMethods", "status method", maps.Keys(StatusMethods), true},
		{"StatusResults", "status result", maps.Keys(StatusResults), true},
		{"ErrorPredicates", "status test of an error", maps.Keys(ErrorPredicates), false},
		{"Sends", "send", maps.Keys(Sends), true},
		{"SendMethods", "send of a known method", maps.Keys(SendMethods), false},
		{"Hooks", "retry hook", maps.Keys(Hooks), true},
		{"Repeats", "retry library's repeat", maps.Keys(Repeats), true},
		{"PredicateFields", "retry predicate field", maps.Keys(PredicateFields), true},
		{"RetrySetFields", "retry status list", maps.Keys(RetrySetFields), true},
		{"Policies", "retry policy", maps.Keys(Policies), true},
		{"Defaults", "retry default", maps.Keys(Defaults), true},
		{"RetryAllErrors", "retries every error", maps.Keys(RetryAllErrors), true},
		{"RequestMutators", "request change", maps.Keys(RequestMutators), false},
		{"RequestSetters", "request change that replaces what it sets", maps.Keys(RequestSetters), false},
		{"RequestReads", "request read", maps.Keys(RequestReads), false},
		{"RequestUnwraps", "request unwrap", maps.Keys(RequestUnwraps), false},
		{"RequestCopies", "request copy", maps.Keys(RequestCopies), false},
		{"RequestBuilders", "request builder", maps.Keys(RequestBuilders), false},
		{"BodyRewinds", "body rewind", maps.Keys(BodyRewinds), false},
		{"ServerFields", "server field", maps.Keys(ServerFields), false},
		{"BodyDrains", "body drain", maps.Keys(BodyDrains), false},
		{"BodyDecoders", "body read or decode", maps.Keys(BodyDecoders), false},
		{"ResponseTypes", "response type", maps.Keys(ResponseTypes), true},
		{"HeaderReads", "header read", maps.Keys(HeaderReads), false},
		{"ResponseReads", "response status or header read", maps.Keys(ResponseReads), false},
		{"ContextValues", "context value", maps.Keys(ContextValues), false},
		{"RetryAfterWaits", "Retry-After wait", maps.Keys(RetryAfterWaits), false},
		{"Waits", "wait for a duration", maps.Keys(Waits), false},
		{"RetryAfterOptions", "Retry-After wait option", maps.Keys(RetryAfterOptions), false},
		{"WaitingClients", "client that waits", maps.Keys(WaitingClients), false},
		{"ErrorConstructors", "error constructor", maps.Keys(ErrorConstructors), false},
		{"NoReturn", "never returns", maps.Keys(NoReturn), false},
		{"Serves", "server", maps.Keys(Serves), false},
		{"Routes", "route", maps.Keys(Routes), true},
		{"RouteLinks", "route link", maps.Keys(RouteLinks), true},
		{"WrapperStatuses", "handler wrapper's own status", maps.Keys(WrapperStatuses), true},
		{"HandlerBuilders", "handler built from functions whose errors an encoder answers", maps.Keys(HandlerBuilders), true},
		{"Upgrades", "connection upgrade", maps.Keys(Upgrades), false},
		{"DebugHandlers", "debug or metrics handler", maps.Keys(DebugHandlers), false},
		{"HTMLRenders", "HTML page render", maps.Keys(HTMLRenders), false},
		{"Rejections", "error a generated binder rejects a request with", maps.Keys(Rejections), true},
		{"Binds", "request binding of a generated server", maps.Keys(Binds), false},
		{"Placeholders", "response of a handler not written yet", maps.Keys(Placeholders), false},
		{"BodyWriters", "response body write", maps.Keys(BodyWriters), false},
		{"Groups", "route group", maps.Keys(Groups), true},
		{"Subrouters", "subrouter", maps.Keys(Subrouters), true},
		{"Mounts", "mount", maps.Keys(Mounts), true},
		{"RootRouters", "router", maps.Keys(RootRouters), true},
		{"RootEngines", "root engine", maps.Keys(RootEngines), false},
		{"MountableRouters", "mountable router", maps.Keys(MountableRouters), false},
		{"EqualAsserts", "test assertion", maps.Keys(EqualAsserts), false},
		{"GomegaActuals", "test assertion", maps.Keys(GomegaActuals), false},
		{"GomegaAssertions", "test assertion", maps.Keys(GomegaAssertions), false},
		{"GomegaEqualities", "test assertion", maps.Keys(GomegaEqualities), false},
		{"QuicktestCheckers", "test assertion", maps.Keys(QuicktestCheckers), false},
	}
}

// Catalog lists every name the tables describe, sorted by package, role
// and name: the supported-library list of the docs is made from it, so it
// cannot drift from what statuslint knows.
func Catalog() []Entry {
	var out []Entry
	for _, t := range tables() {
		for k := range t.keys {
			name := k.Name
			if k.Recv != "" {
				name = k.Recv + "." + k.Name
			}
			out = append(out, Entry{k.Path, t.role, name})
		}
	}
	for _, s := range SDKSends {
		name := "*" + s.RecvSuffix + "." + cmp.Or(s.Name, "*")
		out = append(out, Entry{strings.TrimSuffix(s.Prefix, "/") + "/...", "generated sends", name})
	}
	for _, d := range PredicateDefaults {
		name := "*" + d.RecvSuffix + "." + d.Name
		out = append(out, Entry{strings.TrimSuffix(d.Prefix, "/") + "/...", "retry default of a nil predicate", name})
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
