package knowledge

// A Key names a function, a method or a field: its package path, the name
// of its receiver (or struct) type, "" for a function, and its name.
type Key struct {
	Path, Recv, Name string
}

// Lookup finds what a table knows of a call: under its key, or under the
// key of the method it was promoted from (typesx.Resolve's via).
func Lookup[V any](m map[Key]V, key, via Key) (V, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	v, ok := m[via]
	return v, ok
}

// with returns m with what add puts in it: a table's families of entries
// (every HTTP method of a router, every variant of a client's call) are
// written as loops beside the table's literal, not in an init function.
func with[V any](m map[Key]V, add func(map[Key]V)) map[Key]V {
	add(m)
	return m
}
