package checks

import (
	"fmt"
	"slices"
	"strings"
)

// Set holds the IDs of the checks that run.
type Set map[string]bool

// Select reads a check selection in staticcheck's syntax: items
// applied in order, each "all" (or "*"), "none", an ID, an ID prefix ending
// in "*" ("SL2*"), or any of these after "-" to switch checks off. An empty
// selection runs the default checks: every check but those decls declare
// NonDefault; a selection that starts by switching checks off starts from
// them too.
func Select(items []string, decls []Decl) (Set, error) {
	set := Set{}
	for _, c := range All {
		set[c.ID] = !slices.ContainsFunc(decls, func(d Decl) bool { return d.ID == c.ID && d.NonDefault })
	}
	for i, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		on := !strings.HasPrefix(item, "-")
		pattern := strings.TrimPrefix(item, "-")
		if i == 0 && on && pattern != "all" && pattern != "*" {
			// A list that starts with checks to run runs only those.
			clear(set)
		}
		matched := false
		for _, c := range All {
			if matchCheck(pattern, c.ID) {
				set[c.ID] = on
				matched = true
			}
		}
		if pattern == "none" {
			for id := range set {
				set[id] = !on
			}
			matched = true
		}
		if !matched {
			return nil, fmt.Errorf("unknown check %q (statuslint -explain lists the checks)", item)
		}
	}
	return set, nil
}

func matchCheck(pattern, id string) bool {
	switch {
	case pattern == "all" || pattern == "*":
		return true
	case strings.HasSuffix(pattern, "*"):
		return strings.HasPrefix(id, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == id
}

// Flag is the -checks flag.
type Flag struct {
	value string
	On    Set
	Err   error
	// Decls are the passes' declarations of their checks, which say
	// which checks run by default.
	Decls []Decl
}

func (f *Flag) String() string { return f.value }

func (f *Flag) Set(value string) error {
	set, err := Select(strings.Split(value, ","), f.Decls)
	if err != nil {
		return err
	}
	f.value, f.On, f.Err = value, set, nil
	return nil
}

// Validate reports what is wrong with a -checks value: an unknown
// check, named.
func Validate(value string) error {
	_, err := Select(strings.Split(value, ","), nil)
	return err
}
