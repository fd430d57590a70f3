package checks

import (
	"fmt"
	"strings"
)

// Set holds the IDs of the checks that run.
type Set map[string]bool

// Select reads a check selection in staticcheck's syntax: items
// applied in order, each "all" (or "*"), "none", an ID, an ID prefix ending
// in "*" ("SL2*"), or any of these after "-" to switch checks off. An empty
// selection runs every check.
func Select(items []string) (Set, error) {
	set := Set{}
	for _, c := range All {
		set[c.ID] = true
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
}

func (f *Flag) String() string { return f.value }

func (f *Flag) Set(value string) error {
	set, err := Select(strings.Split(value, ","))
	if err != nil {
		return err
	}
	f.value, f.On, f.Err = value, set, nil
	return nil
}

// Validate reports what is wrong with a -checks value: an unknown
// check, named.
func Validate(value string) error {
	_, err := Select(strings.Split(value, ","))
	return err
}
