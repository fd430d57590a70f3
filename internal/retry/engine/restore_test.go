package engine

import (
	"go/ast"
	"slices"
	"testing"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/testenv"
	"github.com/statuslint/statuslint/internal/values"
)

// nodeHTTPStub is httpStub with a request's URL.
const nodeHTTPStub = `package http

import "net/url"

type Header map[string][]string

func (h Header) Set(key, value string) {}

func (h Header) Add(key, value string) {}

type Request struct {
	Method string
	URL    *url.URL
	Host   string
	Header Header
}

func (r *Request) SetBasicAuth(username, password string) {}

type Response struct {
	Status     string
	StatusCode int
}

type Client struct{}

func (c *Client) Do(req *Request) (*Response, error) { return nil, nil }
`

// nodesSrc sends through a pool of nodes (opensearch-go's transport):
// each round points the request at a node, and puts its path back
// after the send; loggers and signers of the package's own interfaces
// are handed the request.
const nodesSrc = `package p

import "net/http"

var c = &http.Client{}

type logger interface{ LogRoundTrip(*http.Request, *http.Response) }

type textLogger struct{ lines []string }

func (l *textLogger) LogRoundTrip(req *http.Request, res *http.Response) {
	l.lines = append(l.lines, req.Method+res.Status)
}

type signer interface{ Sign(*http.Request) }

type pathSigner struct{}

func (pathSigner) Sign(req *http.Request) { req.URL.RawQuery = "sig=" + req.URL.Path }

type observer interface{ Observe(*http.Request) }

type counter struct{ n *int }

func (o counter) Observe(*http.Request) { *o.n++ }

func point(n *http.Request, req *http.Request) {
	u := n.URL
	req.URL.Host = u.Host
	req.URL.Path = u.Path + req.URL.Path
}

func restored(req *http.Request, nodes []*http.Request) {
	path := req.URL.Path
	for i := 0; ; i++ {
		point(nodes[i%len(nodes)], req)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		req.URL.Path = path
	}
}

func elsewhere(req *http.Request) {
	path := req.URL.Path
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		req.URL.Path = path + "/v2"
	}
}

func prefixed(req *http.Request) {
	path := req.URL.Path
	for {
		req.URL.Path = "/v2" + req.URL.Path
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		req.URL.Path = path
	}
}

func logged(req *http.Request, l logger) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		l.LogRoundTrip(req, resp)
		if resp.StatusCode != 503 {
			return
		}
	}
}

func signed(req *http.Request, s signer) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		s.Sign(req)
	}
}

func pointAt(n *http.Request, req *http.Request) { req.Host = n.Host }

func authFor(n *http.Request, req *http.Request, key string) {
	if n.URL.User != nil {
		p, _ := n.URL.User.Password()
		req.SetBasicAuth(n.URL.User.Username(), p)
		return
	}
	req.Header.Set("Authorization", "Key "+key)
}

func stamp(req *http.Request, n int) { req.Header.Set("X-Attempt", string(rune(n))) }

func addKey(req *http.Request, key string) { req.Header.Add("Authorization", key) }

func pointedAuth(req *http.Request, nodes []*http.Request, key string) {
	for i := 0; ; i++ {
		n := nodes[i%len(nodes)]
		pointAt(n, req)
		authFor(n, req, key)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
	}
}

func stamped(req *http.Request) {
	for i := 0; ; i++ {
		stamp(req, i)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
	}
}

func added(req *http.Request, key string) {
	for {
		addKey(req, key)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
	}
}

type keyring struct{ key string }

func (k *keyring) refresh() { k.key = "new" }

func signWith(k *keyring, req *http.Request) { req.Header.Set("Authorization", k.key) }

func signedSame(req *http.Request, k *keyring) {
	for {
		signWith(k, req)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 403 {
			return
		}
	}
}

func refreshed(req *http.Request, k *keyring) {
	for {
		signWith(k, req)
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 403 {
			return
		}
		k.refresh()
	}
}

func observed(req *http.Request, o observer) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != 503 {
			return
		}
		o.Observe(req)
	}
}
`

// TestResendsNodes: a part of the request put back to what it held
// before the loop changes nothing, and a node's path put before the
// request's is where the server is (restored); what else is put back
// (elsewhere), or put before it (prefixed), makes another request. A
// call through the package's own interface does what the package's
// implementations do: its logger reads the request (logged), its signer
// writes it (signed); an implementation that does not read it shows
// nothing of what another may do (observed: unanswered). What the loop
// does to the request before each send with what is the same each
// round and the node it points the request at (pointedAuth: the node's
// user as basic auth, else a key) makes the same request; a header set
// to the attempt (stamped), or added each round (added), another; so
// is one set from a key the loop does not change (signedSame), but not
// from one it refreshes (refreshed).
func TestResendsNodes(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, nodesSrc, testenv.Stub{Path: "net/http", Src: nodeHTTPStub})
	sp := values.BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	for _, c := range []struct {
		fn       string
		answered bool
		lines    []int
	}{
		{"restored", true, []int{5}},
		{"elsewhere", true, nil},
		{"prefixed", true, nil},
		{"logged", true, []int{7}},
		{"signed", true, nil},
		{"observed", false, nil},
		{"pointedAuth", true, []int{6}},
		{"stamped", true, nil},
		{"added", true, nil},
		{"signedSame", true, []int{4}},
		{"refreshed", true, nil},
	} {
		fn := sp.Func(c.fn)
		edges, answered := Resends(sendIn(t, fn), codeset.Set{}, stubKnown{})
		if answered != c.answered {
			t.Errorf("%s: answered %v, want %v", c.fn, answered, c.answered)
		}
		if !answered {
			continue
		}
		start := fset.Position(fn.Pos()).Line
		var lines []int
		for _, e := range edges {
			lines = append(lines, fset.Position(e.At).Line-start)
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%s: edges at lines %v of the function, want %v", c.fn, lines, c.lines)
		}
	}
}
