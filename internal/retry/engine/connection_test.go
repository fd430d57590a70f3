package engine

import "testing"

const connectionSrc = `package p

import (
	"errors"
	"net/http"
)

var c = &http.Client{}

type node struct {
	draining int
	failures int
	name     string
	token    string
	header   http.Header
	dead     bool
}

func swap(p *int) int { n := *p; *p = 0; return n }

func logf(format string, args ...any) {}

var errDead = errors.New("dead")

func drains(req *http.Request, cn *node) (*http.Response, error) {
	if n := swap(&cn.draining); n > 0 {
		logf("draining %s (%d)", cn.name, n)
		req.Close = true
	}
	resp, err := c.Do(req)
	if err != nil {
		cn.failures++
	}
	return resp, err
}

func logs(req *http.Request, cn *node) (*http.Response, error) {
	logf("to %s", cn.name)
	return c.Do(req)
}

func signs(req *http.Request, cn *node) (*http.Response, error) {
	req.Header.Set("Authorization", cn.token)
	return c.Do(req)
}

func headers(req *http.Request, cn *node) (*http.Response, error) {
	req.Header = cn.header
	return c.Do(req)
}

func renames(req *http.Request, cn *node) (*http.Response, error) {
	if cn.draining > 0 {
		req.Method = "HEAD"
	}
	return c.Do(req)
}

func skips(req *http.Request, cn *node) (*http.Response, error) {
	if cn.dead {
		return nil, errDead
	}
	return c.Do(req)
}

func picks(req *http.Request, cn *node) (*http.Response, error) {
	m := "GET"
	if cn.dead {
		m = "HEAD"
	}
	req.Method = m
	return c.Do(req)
}

func keeps(req *http.Request, cn *node) (*http.Response, error) {
	last = cn
	return c.Do(req)
}

var last *node
`

// A parameter besides the request is how the request goes where what is
// made of it stays out of what the request asks; it is part of the
// request where it reaches a field that is not its server's or
// connection's, a branch that ends the function, or memory the function
// did not make.
func TestConnectionOnly(t *testing.T) {
	sp := loadSSA(t, connectionSrc)
	for _, c := range []struct {
		fn   string
		want bool
	}{
		{"drains", true},
		{"logs", true},
		{"signs", false},
		{"headers", false},
		{"renames", false},
		{"skips", false},
		{"picks", false},
		{"keeps", false},
	} {
		fn := sp.Func(c.fn)
		if fn == nil {
			t.Fatalf("no function %s", c.fn)
		}
		if got := connectionOnly(fn, 1); got != c.want {
			t.Errorf("%s: connectionOnly of its node %v, want %v", c.fn, got, c.want)
		}
		if connectionOnly(fn, 0) {
			t.Errorf("%s: the request itself is how the request goes", c.fn)
		}
	}
}
