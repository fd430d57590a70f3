package table

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v4"
)

// parseStructured reads YAML or JSON (JSON is read as YAML, which keeps line
// numbers for errors). The document is a list of entries, or a mapping with
// a "codes" list:
//
//	codes:
//	  - code: 404
//	    name: Not Found
//	    description: The requested resource cannot be found.
//	    retry: never   # never | unchanged | after-retry-after | unspecified
//	    unused: false
//
// "name", when given, names the table in diagnostics; "retry-guidance",
// when given, names whose retry guidance the entries' retry values are,
// where that is not the table's (the iana profile's are common client
// practice: IANA's registry gives none). Without "retry", the guidance is
// derived from the description as for the prose formats.
func parseStructured(source string, data []byte) (name, guidance string, entries []Entry, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "", "", nil, YAMLError(source, data, err)
	}
	if len(doc.Content) == 0 {
		return "", "", nil, fmt.Errorf("%s: the table lists no status codes", source)
	}
	list := doc.Content[0]
	if list.Kind == yaml.MappingNode {
		var codes *yaml.Node
		for i := 0; i+1 < len(list.Content); i += 2 {
			switch k := list.Content[i]; k.Value {
			case "codes":
				codes = list.Content[i+1]
			case "name":
				name = list.Content[i+1].Value
			case "retry-guidance":
				guidance = list.Content[i+1].Value
			default:
				return "", "", nil, fmt.Errorf("%s:%d: unknown key %q (want \"codes\", \"name\" or \"retry-guidance\")", source, k.Line, k.Value)
			}
		}
		if codes == nil {
			return "", "", nil, fmt.Errorf("%s:%d: no \"codes\" list", source, list.Line)
		}
		list = codes
	}
	if list.Kind != yaml.SequenceNode {
		return "", "", nil, fmt.Errorf("%s:%d: expected a list of status codes", source, list.Line)
	}
	entries = make([]Entry, 0, len(list.Content))
	for _, item := range list.Content {
		e, err := structuredEntry(source, item)
		if err != nil {
			return "", "", nil, err
		}
		entries = append(entries, e)
	}
	return name, guidance, entries, nil
}

func structuredEntry(source string, item *yaml.Node) (Entry, error) {
	errorf := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", source, n.Line, fmt.Sprintf(format, args...))
	}
	if item.Kind != yaml.MappingNode {
		return Entry{}, errorf(item, "expected a mapping with code, name, description and retry")
	}
	e := Entry{Line: item.Line}
	var retry, unused *yaml.Node
	haveCode := false
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return Entry{}, errorf(v, "%s must be a plain value", k.Value)
		}
		switch k.Value {
		case "code":
			n, err := strconv.Atoi(v.Value)
			if err != nil {
				return Entry{}, errorf(v, "status code %q is not a number", v.Value)
			}
			e.Code, haveCode = n, true
		case "name":
			e.Name = v.Value
		case "description":
			e.Description = v.Value
		case "retry":
			retry = v
		case "unused":
			unused = v
		default:
			return Entry{}, errorf(k, "unknown key %q (want code, name, description, retry, unused)", k.Value)
		}
	}
	if !haveCode {
		return Entry{}, errorf(item, "entry has no code")
	}
	e.Retry, e.Unused = Classify(e.Name, e.Description)
	if retry != nil {
		r, err := ParseRetry(retry.Value)
		if err != nil {
			return Entry{}, errorf(retry, "%v", err)
		}
		e.Retry = r
	}
	if unused != nil {
		b, err := strconv.ParseBool(unused.Value)
		if err != nil {
			return Entry{}, errorf(unused, "unused must be true or false, not %q", unused.Value)
		}
		e.Unused = b
	}
	return e, nil
}
