package engine

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/testenv"
	"github.com/statuslint/statuslint/internal/values"
)

// probeHTTPStub is net/http with a response's body and headers.
const probeHTTPStub = `package http

import "io"

type Header map[string][]string

func (h Header) Get(key string) string { return "" }

type Request struct{ Method string }

type Response struct {
	StatusCode int
	Header     Header
	Body       io.ReadCloser
}

type Client struct{}

func (c *Client) Do(req *Request) (*Response, error) { return nil, nil }
`

// probeSrc sends once in each function; each comment says whether the
// response is read for its status only.
const probeSrc = `package p

import (
	"io"
	"net/http"
)

var c = &http.Client{}

// yes: status, a header, the body closed.
func closed(req *http.Request) bool {
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_ = resp.Header.Get("X")
	return resp.StatusCode == 200
}

// yes: the body drained into io.Discard, and tested against nil.
func drained(req *http.Request) bool {
	resp, _ := c.Do(req)
	if resp != nil && resp.Body != nil {
		io.Copy(io.Discard, resp.Body)
	}
	return resp.StatusCode == 200
}

// yes: the response dropped.
func dropped(req *http.Request) {
	_, _ = c.Do(req)
}

// yes: held across rounds and copied.
func kept(req *http.Request) bool {
	var last *http.Response
	for i := 0; i < 3; i++ {
		last, _ = c.Do(req)
		r := last
		if r.StatusCode == 200 {
			return true
		}
	}
	return last != nil
}

// no: returned.
func returned(req *http.Request) *http.Response {
	resp, _ := c.Do(req)
	return resp
}

// no: the body read.
func read(req *http.Request) []byte {
	resp, _ := c.Do(req)
	b, _ := io.ReadAll(resp.Body)
	return b
}

// no: the body copied somewhere kept.
func copied(req *http.Request, w io.Writer) {
	resp, _ := c.Do(req)
	io.Copy(w, resp.Body)
}

// no: handed on.
func handed(req *http.Request) {
	resp, _ := c.Do(req)
	use(resp)
}

func use(*http.Response) {}
`

func TestStatusOnly(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, probeSrc, testenv.Stub{Path: "net/http", Src: probeHTTPStub})
	sp := values.BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	for name, want := range map[string]bool{
		"closed": true, "drained": true, "dropped": true, "kept": true,
		"returned": false, "read": false, "copied": false, "handed": false,
	} {
		fn := sp.Func(name)
		var send *ssa.Call
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == "Do" {
					send = call
				}
			}
		}
		if send == nil {
			t.Fatalf("%s: no send", name)
		}
		if got := StatusOnly(send); got != want {
			t.Errorf("%s: StatusOnly = %v, want %v", name, got, want)
		}
	}
}
