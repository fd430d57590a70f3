package table

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// RetryExtension is the OpenAPI response extension that states the retry
// guidance explicitly; it wins over the description's prose.
const RetryExtension = "x-statuslint-retry"

// Spec is an API's status codes per operation, read from OpenAPI 3 or
// Swagger 2.
type Spec struct {
	// Source is the spec's file, and Data what it held when read:
	// diagnostics point into it.
	Source     string
	Data       []byte
	Operations []*Operation
	// Servers are the spec's absolute server URLs (scheme and host),
	// without a trailing slash: the API a request to one of them goes to.
	Servers []string
}

// An Operation is one method on one path, with the responses it
// documents.
type Operation struct {
	Method string // upper case
	// Path is the template with the server's base path in front
	// (/v2/{project_id}/instances); Segments is it split, parameters as "{}".
	Path     string
	Segments []string
	ID       string
	// Codes are the exact codes documented; Ranges the classes (4 for
	// 4XX); Default is set by a default response.
	Codes   []int
	Ranges  []int
	Default bool
	// Local is Segments without the server's base path: a client may hold
	// the base in its base URL.
	Local []string
	// retries is the retry guidance per response key ("404", "4XX").
	retries map[string]Retry
	// Line is where the operation is in Source.
	Line int
}

// Documents reports whether the operation documents code.
func (op *Operation) Documents(code int) bool {
	return op.Default || slices.Contains(op.Codes, code) || slices.Contains(op.Ranges, code/100)
}

// RetryFor returns the operation's retry guidance for code: its own
// response's, else its class's; ok is false when the operation has
// neither.
func (op *Operation) RetryFor(code int) (Retry, bool) {
	if r, ok := op.retries[strconv.Itoa(code)]; ok {
		return r, true
	}
	r, ok := op.retries[fmt.Sprintf("%dXX", code/100)]
	return r, ok
}

// MatchClient returns the one operation of method that a request's path
// segments name, with or without the server's base path in front ("{}"
// for the parts not known statically); ok is false when none or several
// do.
func (s *Spec) MatchClient(method string, segs []string) (*Operation, bool) {
	if method == "" || slices.Contains(segs, "*") {
		return nil, false
	}
	var found *Operation
	best := -1
	for _, op := range s.Operations {
		if op.Method != method {
			continue
		}
		for _, cand := range [][]string{op.Segments, op.Local} {
			if !segmentsMatch(cand, segs) {
				continue
			}
			n := slices.Index(append(slices.Clone(cand), ""), "{}")
			if n < 0 {
				n = len(cand)
			}
			switch {
			case n > best:
				found, best = op, n
			case n == best && found != nil && !slices.Equal(found.Local, op.Local):
				found = nil // two operations as specific: ambiguous
			}
		}
	}
	return found, found != nil
}

// Ending returns the operations of method whose path, with or without
// the servers' base path, ends as segs do, segment for segment: the operations a route of a
// router mounted under a prefix that cannot be known may be. A route
// /metrics on a group handed in may be the spec's /metrics or its
// /api/v3/metrics.
func (s *Spec) Ending(method string, segs []string) []*Operation {
	var ops []*Operation
	for _, op := range s.Operations {
		if op.Method != method {
			continue
		}
		for _, cand := range [][]string{op.Segments, op.Local} {
			// As written: a parameter of the spec's path ends as a
			// parameter does, not as any literal (/config/{key} is no
			// ending of /metrics).
			if len(cand) >= len(segs) && slices.Equal(cand[len(cand)-len(segs):], segs) {
				ops = append(ops, op)
				break
			}
		}
	}
	return ops
}

// Documented lists the operation's responses as the spec writes them.
func (op *Operation) Documented() string {
	var parts []string
	for _, c := range op.Codes {
		parts = append(parts, strconv.Itoa(c))
	}
	for _, r := range op.Ranges {
		parts = append(parts, fmt.Sprintf("%dXX", r))
	}
	if op.Default {
		parts = append(parts, "default")
	}
	return strings.Join(parts, ", ")
}

// Name names the operation: its operationId, or METHOD path.
func (op *Operation) Name() string {
	if op.ID != "" {
		return op.ID
	}
	return op.Method + " " + op.Path
}

// isOpenAPI reports whether data is an OpenAPI document (a mapping with a
// top-level "openapi" key) or a Swagger 2 one ("swagger").
func isOpenAPI(data []byte) (swagger2, ok bool) {
	var head struct {
		OpenAPI string `yaml:"openapi"`
		Swagger string `yaml:"swagger"`
	}
	if yaml.Unmarshal(data, &head) != nil {
		return false, false
	}
	if head.OpenAPI != "" {
		return false, true
	}
	return true, head.Swagger != ""
}

// parseOpenAPI reads a spec: its operations, and the table of every code
// any operation documents (ranges as all their codes; default responses
// do not widen it).
func parseOpenAPI(source string, data []byte) (*Table, error) {
	t, err := readOpenAPI(source, data)
	if err == nil {
		storeCached(data, t)
	}
	return t, err
}

// readOpenAPI is parseOpenAPI without the cache.
func readOpenAPI(source string, data []byte) (*Table, error) {
	swagger2, isSpec := isOpenAPI(data)
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		if key, ok := looksLikeSpec(data); ok {
			return nil, fmt.Errorf("%v (it has a top-level %q, as a spec does: is the file cut short?)", specError(source, data, err), key)
		}
		return nil, specError(source, data, err)
	}
	if !isSpec {
		key, _ := looksLikeSpec(data)
		return nil, fmt.Errorf("%s: a spec without an \"openapi\" or \"swagger\" version (it has a top-level %q): is the file cut short?", source, key)
	}
	lines := specLines(&root)
	warnings := danglingRefs(source, &root)
	var plain any
	if err := root.Decode(&plain); err != nil {
		return nil, specError(source, data, err)
	}
	top, ok := jsonable(plain).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: the spec is not a mapping", source)
	}
	prune(top, swagger2)
	js, err := json.Marshal(top)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", source, err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = readLocal
	location := &url.URL{Path: filepath.ToSlash(source)}
	var doc *openapi3.T
	if swagger2 {
		var doc2 openapi2.T
		if err := json.Unmarshal(js, &doc2); err != nil {
			return nil, fmt.Errorf("%s: reading Swagger 2: %v", source, err)
		}
		if doc, err = openapi2conv.ToV3WithLoader(&doc2, loader, location); err != nil {
			return nil, specError(source, data, err)
		}
	} else if doc, err = loader.LoadFromDataWithPath(js, location); err != nil {
		return nil, specError(source, data, err)
	}
	if doc.Paths == nil || doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("%s: the spec has no paths", source)
	}
	spec := &Spec{Source: source, Data: data}
	for _, srv := range doc.Servers {
		if srv != nil && strings.Contains(srv.URL, "://") && !strings.Contains(srv.URL, "{") {
			if u := strings.TrimSuffix(srv.URL, "/"); !slices.Contains(spec.Servers, u) {
				spec.Servers = append(spec.Servers, u)
			}
		}
	}
	bases := basePaths(doc)
	entries := map[int]*specEntry{}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		if item == nil {
			continue
		}
		ops := item.Operations()
		// In method order, and each operation's responses in key order:
		// the first response to document a code gives its table entry
		// (its description and line), the same on every run.
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op := ops[method]
			if op == nil {
				continue
			}
			method = strings.ToUpper(method)
			line := lines[path+" "+strings.ToLower(method)]
			var codes, ranges []int
			var deflt bool
			retries := map[string]Retry{}
			if op.Responses == nil || op.Responses.Len() == 0 {
				// swag writes responses: {} for a handler without
				// annotations: nothing says what it returns.
				warnings = append(warnings, fmt.Sprintf("%s:%d: %s %s documents no responses; its statuses are not checked", source, line, method, path))
				deflt = true
			}
			responses := op.Responses.Map()
			for _, key := range slices.Sorted(maps.Keys(responses)) {
				ref := responses[key]
				rline := lines[path+" "+strings.ToLower(method)+" "+key]
				if rline == 0 {
					rline = line
				}
				lo, hi, err := responseKey(key)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %s %s: %v", source, rline, method, path, err)
				}
				switch {
				case lo == 0:
					deflt = true
					continue
				case lo == hi:
					codes = append(codes, lo)
				default:
					ranges = append(ranges, lo/100)
				}
				retry, err := responseRetry(ref)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %s %s %s: %v", source, rline, method, path, key, err)
				}
				retries[strings.ToUpper(key)] = retry
				desc := ""
				if ref != nil && ref.Value != nil && ref.Value.Description != nil {
					desc = *ref.Value.Description
				}
				for c := lo; c <= hi; c++ {
					e, ok := entries[c]
					switch {
					case !ok || e.class && lo == hi:
						// A code's own response wins over a class.
						name := http.StatusText(c)
						if lo != hi {
							name = key
						}
						entries[c] = &specEntry{Entry{Code: c, Name: name, Description: desc, Retry: retry, Line: rline}, lo != hi}
					case e.Retry == RetryUnspecified && e.class == (lo != hi):
						e.Retry = retry
					}
				}
			}
			slices.Sort(codes)
			slices.Sort(ranges)
			for _, base := range bases {
				full := strings.TrimSuffix(base, "/") + path
				spec.Operations = append(spec.Operations, &Operation{
					Method: method, Path: full, Segments: Segments(full), ID: op.OperationID,
					Codes: codes, Ranges: ranges, Default: deflt, Line: line,
					Local: Segments(path), retries: retries,
				})
			}
		}
	}
	slices.SortFunc(spec.Operations, func(a, b *Operation) int {
		return strings.Compare(a.Path+" "+a.Method, b.Path+" "+b.Method)
	})
	var list []Entry
	for c := MinCode; c <= MaxCode; c++ {
		if e, ok := entries[c]; ok {
			list = append(list, e.Entry)
		}
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("%s: no operation documents a status (%s)", source, strings.Join(warnings, "; "))
	}
	name := filepath.Base(source)
	t, err := New(name, source, list)
	if err != nil {
		return nil, err
	}
	t.Spec = spec
	t.Warnings = warnings
	t.AnyStatus = slices.ContainsFunc(spec.Operations, func(op *Operation) bool { return op.Default })
	return t, nil
}

// specEntry is an entry of the API-wide table, and whether a class
// (4XX) made it.
type specEntry struct {
	Entry
	class bool
}

// yamlLine and quoted find where a YAML or kin-openapi error is: "yaml:
// line 7: ...", or a quoted $ref that stands on some line of the spec.
var (
	yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	quoted   = regexp.MustCompile(`"([^"]+)"`)
)

// YAMLError turns an error of go.yaml.in/yaml/v4 reading data, the
// contents of source, into "file:line: problem": the line where the
// parser found the problem, and where that is the end of the input (an
// unclosed bracket or quote), the line of the construct left open.
func YAMLError(source string, data []byte, err error) error {
	var le *yaml.LoadError
	if !errors.As(err, &le) || le.Mark.Line <= 0 {
		return specError(source, data, err)
	}
	line := le.Mark.Line
	if le.ContextMark.Line > 0 && le.Mark.Index >= len(strings.TrimRight(string(data), " \t\r\n")) {
		line = le.ContextMark.Line
	}
	return fmt.Errorf("%s:%d: %s", source, line, le.Message)
}

// specError turns an error reading a spec into "file:line: problem",
// with the line where it can be found.
func specError(source string, data []byte, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", source, m[1], m[2])
	}
	for _, q := range quoted.FindAllStringSubmatch(msg, -1) {
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "$ref") && strings.Contains(line, q[1]) {
				return fmt.Errorf("%s:%d: %s", source, i+1, msg)
			}
		}
	}
	return fmt.Errorf("%s: %s", source, msg)
}

// readLocal reads a file a $ref names; statuslint reads no network (a
// linter run must not depend on one).
func readLocal(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
	if u.Scheme != "" && u.Scheme != "file" || u.Host != "" {
		return nil, fmt.Errorf("%s: a $ref to another host is not followed; keep the referenced files next to the spec", u)
	}
	return os.ReadFile(filepath.FromSlash(u.Path))
}

// responseKey parses a responses key: a code, a class (4XX) or default
// (0, 0).
func responseKey(key string) (lo, hi int, err error) {
	switch k := strings.ToUpper(key); {
	case k == "DEFAULT":
		return 0, 0, nil
	case len(k) == 3 && k[1:] == "XX" && k[0] >= '1' && k[0] <= '5':
		c := int(k[0]-'0') * 100
		return c, c + 99, nil
	}
	c, err := strconv.Atoi(key)
	if err != nil || c < MinCode || c > MaxCode {
		return 0, 0, fmt.Errorf("response key %q is no status code, class (4XX) or default", key)
	}
	return c, c, nil
}

// responseRetry is a response's retry guidance: its x-statuslint-retry
// extension, else what its description says.
func responseRetry(ref *openapi3.ResponseRef) (Retry, error) {
	if ref == nil || ref.Value == nil {
		return RetryUnspecified, nil
	}
	if x, ok := ref.Value.Extensions[RetryExtension]; ok {
		s, isString := x.(string)
		if !isString {
			return 0, fmt.Errorf("%s must be a string", RetryExtension)
		}
		return ParseRetry(s)
	}
	desc := ""
	if ref.Value.Description != nil {
		desc = *ref.Value.Description
	}
	r, _ := Classify("", desc)
	return r, nil
}

// basePaths returns the path parts of the spec's server URLs ("/v2"), or
// "" when there are none.
func basePaths(doc *openapi3.T) []string {
	var out []string
	for _, s := range doc.Servers {
		if s == nil {
			continue
		}
		u := strings.TrimSuffix(URLPath(s.URL), "/")
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// URLPath returns the path of a URL or URL template: what follows the
// scheme and host, if it has them.
func URLPath(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return u
	}
	u = u[i+3:]
	if j := strings.IndexByte(u, '/'); j >= 0 {
		return u[j:]
	}
	return ""
}

// specLines maps "path method" and "path method key" to their lines in
// the document, for messages; kin-openapi's origins do not survive the
// Swagger 2 conversion.
func specLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	if len(root.Content) == 0 {
		return lines
	}
	paths := mapValue(root.Content[0], "paths")
	if paths == nil {
		return lines
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, paths.Content[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			method, op := strings.ToLower(item.Content[j].Value), item.Content[j+1]
			lines[path+" "+method] = item.Content[j].Line
			if resp := mapValue(op, "responses"); resp != nil {
				for k := 0; k+1 < len(resp.Content); k += 2 {
					lines[path+" "+method+" "+resp.Content[k].Value] = resp.Content[k].Line
				}
			}
		}
	}
	return lines
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// jsonable turns what yaml.v3 decodes into values encoding/json takes:
// map keys become strings (response codes are numbers in YAML).
func jsonable(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonable(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = jsonable(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = jsonable(e)
		}
	}
	return v
}

// Segments splits a route or path template into its segments, with every
// parameter as "{}" whatever its syntax ({id}, :id, {id:[0-9]+}), a
// wildcard ({id...}, *, *name) as "*", and net/http's {$} dropped.
func Segments(path string) []string {
	path = strings.TrimSuffix(path, "{$}")
	var out []string
	for _, s := range strings.Split(strings.Trim(path, "/"), "/") {
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "...}"), strings.HasPrefix(s, "*"):
			out = append(out, "*")
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"), strings.HasPrefix(s, ":"):
			out = append(out, "{}")
		default:
			out = append(out, s)
		}
	}
	return out
}

// Match returns the operations for method (every method if "") on a
// route's segments; ok is false when the route is a wildcard, which
// cannot be tied to operations.
func (s *Spec) Match(method string, segs []string) (ops []*Operation, ok bool) {
	return s.match(method, segs, func(op *Operation) []string { return op.Segments })
}

// MatchLocal is Match on the operations' paths without the servers' base
// path: a server behind a proxy that serves it under /api registers
// /pets for the spec's /api/pets. A spec without a base path has none.
func (s *Spec) MatchLocal(method string, segs []string) []*Operation {
	ops, _ := s.match(method, segs, func(op *Operation) []string {
		if len(op.Local) == len(op.Segments) {
			return nil // no base path: Match has looked already
		}
		if op.Local == nil {
			return []string{} // the spec's "/": none, but not to skip
		}
		return op.Local
	})
	return ops
}

// MatchTemplate returns the operations of method whose path, without the
// servers' base path, is the template path as the spec writes it: what a
// generated server's interface names.
func (s *Spec) MatchTemplate(method, path string) []*Operation {
	segs := Segments(path)
	var ops []*Operation
	for _, op := range s.Operations {
		// One operation under several servers' base paths is one: the
		// first, as the spec lists its servers.
		if op.Method == method && slices.Equal(op.Local, segs) &&
			!slices.ContainsFunc(ops, func(o *Operation) bool { return o.Line == op.Line }) {
			ops = append(ops, op)
		}
	}
	return ops
}

// Covers reports whether a route's segments fall inside the API's paths:
// their first segment is the literal first segment of some operation's
// path, with or without the servers' base path. A route beside the API (a
// web UI at /, /docs, /metrics) is not the spec's business; a first
// segment that is a parameter in the spec covers nothing, so that a
// tenant-style API (/{tenant}/items) does not claim every route.
func (s *Spec) Covers(segs []string) bool {
	if len(segs) == 0 {
		return false
	}
	for _, op := range s.Operations {
		for _, p := range [][]string{op.Segments, op.Local} {
			if len(p) > 0 && p[0] != "{}" && p[0] == segs[0] {
				return true
			}
		}
	}
	return false
}

// Serves reports whether a wildcard route's segments (a subtree, "*" at
// the end) take some operation's path, with or without the servers' base
// path: the route serves the spec's operations, though it can be tied to
// none of them.
func (s *Spec) Serves(segs []string) bool {
	i := slices.Index(segs, "*")
	if i <= 0 {
		return false // not a wildcard, or one that takes every path
	}
	for _, op := range s.Operations {
		for _, p := range [][]string{op.Segments, op.Local} {
			if len(p) >= i && segmentsMatch(p[:i], segs[:i]) {
				return true
			}
		}
	}
	return false
}

// match is Match on the segments segsOf gives of each operation.
func (s *Spec) match(method string, segs []string, segsOf func(*Operation) []string) (ops []*Operation, ok bool) {
	if slices.Contains(segs, "*") {
		return nil, false
	}
	// The most specific operations of each method win, as in routers: at
	// the first segment where two paths differ, a literal segment of the
	// spec before a parameter (/pet/findByStatus before /pet/{petId},
	// /{make}/all before /{make}/{id}).
	best := map[string][]string{}
	for _, op := range s.Operations {
		opSegs := segsOf(op)
		if opSegs == nil && len(op.Segments) > 0 {
			continue
		}
		if (method == "" || op.Method == method) && segmentsMatch(opSegs, segs) {
			if b, ok := best[op.Method]; ok {
				switch moreSpecific(opSegs, b) {
				case -1:
					continue
				case 1:
					ops = slices.DeleteFunc(ops, func(o *Operation) bool { return o.Method == op.Method })
				}
			}
			best[op.Method] = opSegs
			ops = append(ops, op)
		}
	}
	return ops, true
}

// moreSpecific compares two paths that match the same route, segment by
// segment: 1 if a has a literal where b first has a parameter, -1 the
// other way round, 0 if they have parameters in the same places.
func moreSpecific(a, b []string) int {
	for i := range min(len(a), len(b)) {
		switch pa, pb := a[i] == "{}", b[i] == "{}"; {
		case !pa && pb:
			return 1
		case pa && !pb:
			return -1
		}
	}
	return 0
}

// segmentsMatch reports whether a route's segments fall under an
// operation's: a parameter of the spec takes any segment (/pets/mine is a
// /pets/{petId}); a parameter of the route needs one of the spec.
func segmentsMatch(spec, route []string) bool {
	if len(spec) != len(route) {
		return false
	}
	for i := range spec {
		if spec[i] != "{}" && spec[i] != route[i] {
			return false
		}
	}
	return true
}
