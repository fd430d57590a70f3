package config

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
)

// SinkSpec names a function or method with a status parameter: a
// built-in one from the knowledge package, or one given with -sinks.
type SinkSpec = knowledge.Sink

// builtinSinks are the sinks statuslint knows.
var builtinSinks = knowledge.Sinks

// SinkIndex finds specs by function name, so that matching a call costs a
// map lookup and no allocation.
type SinkIndex map[string][]SinkSpec

func newSinkIndex(specs ...[]SinkSpec) SinkIndex {
	idx := SinkIndex{}
	for _, list := range specs {
		for _, s := range list {
			idx[s.Name] = append(idx[s.Name], s)
		}
	}
	return idx
}

// ParseSinks parses the -sinks flag: a comma-separated list of
// pkgpath.Func:argIndex and pkgpath.Type.Method:argIndex.
func ParseSinks(value string) ([]SinkSpec, error) {
	var specs []SinkSpec
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		s, err := parseSink(item)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s)
	}
	return specs, nil
}

func parseSink(item string) (SinkSpec, error) {
	bad := func(why string) (SinkSpec, error) {
		return SinkSpec{}, fmt.Errorf("sink %q: %s (want pkgpath.Func:argIndex or pkgpath.Type.Method:argIndex)", item, why)
	}
	target, index, ok := strings.Cut(item, ":")
	if !ok {
		return bad("no argument index")
	}
	arg, err := strconv.Atoi(index)
	if err != nil || arg < 0 {
		return bad("argument index is not a number from 0")
	}
	slash := strings.LastIndex(target, "/")
	dot := strings.Index(target[slash+1:], ".")
	if dot < 0 {
		return bad("no function name")
	}
	path, names := target[:slash+1+dot], strings.Split(target[slash+1+dot+1:], ".")
	for _, n := range names {
		if !token.IsIdentifier(n) {
			return bad(fmt.Sprintf("%q is not a Go identifier", n))
		}
	}
	switch len(names) {
	case 1:
		return SinkSpec{Key: knowledge.Key{Path: path, Name: names[0]}, Arg: arg}, nil
	case 2:
		return SinkSpec{Key: knowledge.Key{Path: path, Recv: names[0], Name: names[1]}, Arg: arg}, nil
	}
	return bad("too many names after the package path")
}
