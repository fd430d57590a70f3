package table

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"
)

// statuslint needs of a spec its paths, operations, responses (their keys,
// descriptions and retry notes) and base paths. What else a spec holds
// (schemas, parameters, request bodies, examples, response content and
// headers) is pruned before kin-openapi reads it: a broken schema then
// cannot refuse a spec whose statuses are fine, and a spec that is mostly
// schemas (Kubernetes', GitHub's) is read in a fraction of the time.

// operationKeys are the keys of a path item that hold an operation.
var operationKeys = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true}

// prune removes from doc, a decoded spec, what statuses do not need.
func prune(doc map[string]any, swagger2 bool) {
	if swagger2 {
		delete(doc, "definitions")
		delete(doc, "parameters")
		if rs, ok := doc["responses"].(map[string]any); ok {
			for _, r := range rs {
				pruneResponse(r, swagger2)
			}
		}
	} else {
		delete(doc, "webhooks")
		if comps, ok := doc["components"].(map[string]any); ok {
			rs, _ := comps["responses"].(map[string]any)
			for _, r := range rs {
				pruneResponse(r, swagger2)
			}
			// Response components are what response $refs name; the
			// rest is schemas, parameters, bodies and examples.
			doc["components"] = map[string]any{"responses": rs}
			if rs == nil {
				delete(doc, "components")
			}
		}
	}
	paths, _ := doc["paths"].(map[string]any)
	for _, item := range paths {
		item, ok := item.(map[string]any)
		if !ok {
			continue
		}
		delete(item, "parameters")
		for method, op := range item {
			op, ok := op.(map[string]any)
			if !ok || !operationKeys[strings.ToLower(method)] {
				continue
			}
			for _, k := range []string{"parameters", "requestBody", "callbacks", "consumes", "produces", "security"} {
				delete(op, k)
			}
			rs, _ := op["responses"].(map[string]any)
			for _, r := range rs {
				pruneResponse(r, swagger2)
			}
		}
	}
}

// pruneResponse removes a response's content, schema and headers.
func pruneResponse(r any, swagger2 bool) {
	m, ok := r.(map[string]any)
	if !ok {
		return
	}
	for _, k := range []string{"content", "headers", "links", "schema", "examples"} {
		delete(m, k)
	}
	if _, ok := m["$ref"]; !ok && swagger2 {
		if _, ok := m["description"]; !ok {
			m["description"] = "" // Swagger 2 requires one; swag omits it
		}
	}
}

// danglingRefs returns a warning for each local $ref of the spec that
// names nothing, outside responses: a schema's, which statuses do not
// need. A response $ref that names nothing is kin-openapi's error: it
// hides the response's retry note.
func danglingRefs(source string, root *yaml.Node) []string {
	if len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	var warnings []string
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "#/") && !inResponse(path) {
					if pointer(doc, v.Value) == nil {
						warnings = append(warnings, fmt.Sprintf("%s:%d: $ref %q names nothing; statuses do not depend on it, so the spec is read without it", source, v.Line, v.Value))
					}
					continue
				}
				walk(v, append(path, k.Value))
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, append(path, "[]"))
			}
		}
	}
	walk(doc, nil)
	return warnings
}

// inResponse reports whether path, the keys down to a $ref, is a
// response's own: paths/P/M/responses/CODE, or a response component.
func inResponse(path []string) bool {
	n := len(path)
	return n == 5 && path[0] == "paths" && path[3] == "responses" ||
		n == 3 && path[0] == "components" && path[1] == "responses" ||
		n == 2 && path[0] == "responses"
}

// pointer returns the node a local JSON pointer ("#/definitions/Pet")
// names in doc, or nil.
func pointer(doc *yaml.Node, ref string) *yaml.Node {
	n := doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		switch n.Kind {
		case yaml.MappingNode:
			n = mapValue(n, part)
		case yaml.SequenceNode:
			var i int
			if _, err := fmt.Sscan(part, &i); err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// specKey finds a spec's top-level keys in text that does not decode (a
// file cut short): "swagger", "openapi", or keys only a spec has.
var specKey = regexp.MustCompile(`(?m)^\s*"?(swagger|openapi|basePath|paths|definitions|components|servers)"?\s*:`)

// looksLikeSpec reports whether data, which is not a valid spec, was
// meant to be one, and which key says so.
func looksLikeSpec(data []byte) (string, bool) {
	m := specKey.FindSubmatch(data)
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}
