package retry

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/typesx"
)

// polls reports whether a loop waits for a state rather than recovering
// from a failure. It is a poll when its send, sc on the SSA form, only
// probes: a read (GET or HEAD) whose response the code uses for nothing
// but its status (engine.StatusOnly), as health and readiness checks do.
// Where the method cannot be known (a request given as a parameter), a
// probe is a poll in a function named for waiting (fd, the declaration
// around the loop); any other loop that sends is a retry.
func (c *retryChecker) polls(fd *ast.FuncDecl, send *ast.CallExpr, sc *ssa.Call) bool {
	if sc == nil || !engine.StatusOnly(sc) {
		return false
	}
	switch c.sendMethod(send) {
	case "GET", "HEAD":
		return true
	case "":
		return fd != nil && knowledge.PollNames.Match(fd.Name.Name)
	}
	return false
}

// sendSSA returns send on the SSA form of the declaration around it,
// built for it alone where the loops' build (ssaCalls) does not hold it,
// or nil.
func (c *retryChecker) sendSSA(send *ast.CallExpr) *ssa.Call {
	if sc := c.ssaCalls[send.Lparen]; sc != nil {
		return sc
	}
	if sc, ok := c.probeCalls[send.Lparen]; ok {
		return sc
	}
	if c.probeCalls == nil {
		c.probeCalls = map[token.Pos]*ssa.Call{}
	}
	var sc *ssa.Call
	if decl := c.enclosingDecl(send); decl != nil {
		sc = c.declBuild(decl).calls[send.Lparen]
	}
	c.probeCalls[send.Lparen] = sc
	return sc
}

// sendMethod returns the HTTP method of a send, upper case, or "" when it
// cannot be known.
func (c *retryChecker) sendMethod(send *ast.CallExpr) string {
	info := c.Pass.TypesInfo
	key, via, _, ok := typesx.Resolve(info, send)
	if !ok {
		return ""
	}
	if m, ok := knowledge.Lookup(knowledge.SendMethods, key, via); ok {
		return m
	}
	if key.Path != knowledge.NetHTTP || len(send.Args) != 1 {
		return ""
	}
	// client.Do(req) or RoundTrip(req): the method req was made with, if
	// it was made once, with a constant one.
	method, _ := c.requests.NewRequestArgs(send.Args[0])
	return method
}
