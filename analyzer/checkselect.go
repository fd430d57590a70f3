package analyzer

import (
	"fmt"
	"strings"
)

// A checkSet holds the IDs of the checks that run.
type checkSet map[string]bool

// selectChecks reads a check selection in staticcheck's syntax: items
// applied in order, each "all" (or "*"), "none", an ID, an ID prefix ending
// in "*" ("SL2*"), or any of these after "-" to switch checks off. An empty
// selection runs every check.
func selectChecks(items []string) (checkSet, error) {
	set := checkSet{}
	for _, c := range Checks {
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
		for _, c := range Checks {
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

// checksFlag is the -checks flag.
type checksFlag struct {
	value string
	set   checkSet
	err   error
}

func (f *checksFlag) String() string { return f.value }

func (f *checksFlag) Set(value string) error {
	set, err := selectChecks(strings.Split(value, ","))
	if err != nil {
		return err
	}
	f.value, f.set, f.err = value, set, nil
	return nil
}

// ValidateChecks reports what is wrong with a -checks value: an unknown
// check, named.
func ValidateChecks(value string) error {
	_, err := selectChecks(strings.Split(value, ","))
	return err
}
