package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/testenv"
	"github.com/statuslint/statuslint/internal/values"
)

// httpStub is net/http as far as the sends below need it.
const httpStub = `package http

type Header map[string][]string

func (h Header) Set(key, value string) {}

func (h Header) Get(key string) string { return "" }

type Request struct {
	Method string
	Header Header
	Host   string
	Close  bool
}

func (r *Request) UserAgent() string { return "" }

func (r *Request) WithContext(ctx any) *Request { return r }

func (r *Request) Clone(ctx any) *Request { return r }

type Response struct {
	Status     string
	StatusCode int
	Header     Header
}

type Client struct{}

func (c *Client) Do(req *Request) (*Response, error) { return nil, nil }
`

// resentSrc re-sends its request in every way the flow follows: each
// function's comment says which statuses go round.
const resentSrc = `package p

import (
	"context"
	"errors"
	"net/http"
)

var c = &http.Client{}

func sleep() {}

func waitFor(seconds int) {}

func decide(r *http.Response) bool { return r.Status == "retry" }

// 503.
func equal(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

// 500 and above, through a local; the 200 that breaks is no retry.
func atLeast(req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, _ := c.Do(req)
		code := resp.StatusCode
		if code < 500 {
			break
		}
		sleep()
	}
}

// 429 and 5xx, through a flag set by || and its class.
func flag(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		retry := resp.StatusCode == 429 || resp.StatusCode/100 == 5
		if !retry {
			return
		}
	}
}

// 404 and 409, each case of a switch; 200 returns; the default breaks.
func cases(req *http.Request) {
loop:
	for {
		resp, _ := c.Do(req)
		switch resp.StatusCode {
		case 200:
			return
		case 404, 409:
			continue
		default:
			break loop
		}
	}
}

// Whatever is left when the flag set in one case is read after.
func late(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		again := false
		if resp.StatusCode == 502 {
			again = true
		}
		sleep()
		if again {
			continue
		}
		return
	}
}

// 503, through a flag negated.
func negated(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		ok := resp.StatusCode != 503
		done := !ok
		if !done {
			return
		}
	}
}

// 503: the request is changed before it goes again after a 401.
func reauth(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode == 401 {
			req.Header.Set("Authorization", "token")
			continue
		}
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

func sign(r *http.Request) { r.Header.Set("Signature", "x") }

func logRequest(*http.Request, int) {}

// 503: the request is only logged after the send.
func logs(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		logRequest(req, resp.StatusCode)
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

// Nothing: the request is handed to a function that changes it, or set
// in a field, or replaced by another.
func resign(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		switch resp.StatusCode {
		case 403:
			sign(req)
		case 405:
			req.Method = "POST"
		case 404:
			req = &http.Request{Method: "GET"}
		default:
			return
		}
	}
}

// 500 and above: an error made for them goes round with the send's own
// (none, for net/http: its error means no response).
func inline(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode >= 500 {
			err = errors.New("server error")
		}
		if err != nil {
			continue
		}
		return
	}
}

func attempt(req *http.Request, token string) (*http.Response, error) { return c.Do(req) }

func refresh() string { return "" }

// Nothing: the next round sends with a new token.
func retoken(req *http.Request) {
	token := refresh()
	for {
		resp, _ := attempt(req, token)
		if resp.StatusCode != 403 {
			return
		}
		token = refresh()
	}
}

type job struct{ State string }

func decode(resp *http.Response, v any) {}

// Nothing: 404 goes round only while the body says the job runs, which
// is not known here.
func poll(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		var j job
		decode(resp, &j)
		if resp.StatusCode != 200 && resp.StatusCode != 404 {
			return
		}
		if j.State == "done" {
			return
		}
	}
}

type region struct{ regions map[string]string }

func (r *region) newRequest(b string) *http.Request { return &http.Request{Method: r.regions[b]} }

func (r *region) set(b, v string) { r.regions[b] = v }

func (r *region) log(string) {}

// Nothing: what the request is built from is set before the next round.
func regions(r *region) {
	for {
		req := r.newRequest("b")
		resp, _ := c.Do(req)
		if resp.StatusCode == 301 {
			r.set("b", "x")
			continue
		}
		return
	}
}

// 503: what the loop calls on the client changes nothing the request is
// built from.
func logged(r *region) {
	for {
		req := r.newRequest("b")
		resp, _ := c.Do(req)
		if resp.StatusCode == 503 {
			r.log("again")
			continue
		}
		return
	}
}

type opts struct {
	timeout int
	backoff int
	renew   func() bool
}

func (o *opts) request() *http.Request { return &http.Request{Method: string(rune(o.timeout))} }

func (o *opts) renewed() bool { return o.renew() }

// Nothing: a field the request is built from grows each round.
func growing(o *opts) {
	for {
		resp, _ := c.Do(o.request())
		if resp.StatusCode != 503 {
			return
		}
		o.timeout *= 2
	}
}

// 503: a field the request is not built from grows each round.
func backingOff(o *opts) {
	for {
		o.backoff *= 2
		resp, _ := c.Do(o.request())
		if resp.StatusCode != 503 {
			return
		}
	}
}

// Nothing: a hook the options hold may change anything they hold.
func hooked(o *opts) {
	for {
		resp, _ := c.Do(o.request())
		if resp.StatusCode != 503 || !o.renewed() {
			return
		}
	}
}

type StatusError struct{ Code int }

func (e *StatusError) Error() string { return "status" }

func check(*http.Response) error { return nil }

var errClosed = errors.New("closed")

// 503: check's error for it is a *StatusError made anew, never the error
// a variable keeps; for 404, whose error's type the fact does not say,
// the test of the sentinel is not read (a way round unanswered).
func sentinel(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := check(resp)
		if err == errClosed {
			return
		}
		if err != nil {
			continue
		}
		return
	}
}

// 503: the error check returns for it is a *StatusError.
func typed(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := check(resp)
		var se *StatusError
		if errors.As(err, &se) {
			continue
		}
		return
	}
}

// statusOf returns the status of a *StatusError, and whether err is one.
func statusOf(err error) (int, bool) {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code, true
	}
	return 0, false
}

// 503: a function of the package answers whether the error is a
// *StatusError, which its body, read with the error's types at the call,
// says (calleeHolds).
func typedHelper(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := check(resp)
		if _, ok := statusOf(err); ok {
			continue
		}
		return
	}
}

// isBusy has no fact (stubKnown): its body says it is true for 503.
func isBusy(resp *http.Response) (string, bool) {
	if resp.StatusCode == 503 {
		return "busy", true
	}
	return "", false
}

// 503: a decision that no fact says, read from its body where it is
// called (calleeHolds).
func calleeRead(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if _, busy := isBusy(resp); busy {
			continue
		}
		return
	}
}

// OtherError is of a type that check's fact does not list.
type OtherError struct{ Offset int }

func (OtherError) Error() string { return "other" }

// offsetOf returns the offset of an OtherError, and whether err is one.
func offsetOf(err error) (int, bool) {
	var oe OtherError
	if errors.As(err, &oe) {
		return oe.Offset, true
	}
	return 0, false
}

// bodyFails is read where it is called: what it answers is the status
// line's text, which no test of the status says.
func bodyFails(r *http.Response) bool { return r.Status == "" }

// 503 where a branch on the body, which the flow cannot read, lets it:
// the body has the last word (a test of 5xx and then of the body's
// "slow down"), so no way round is said.
func guarded(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode != 503 {
			return
		}
		if bodyFails(resp) {
			return
		}
	}
}

var keeper interface{ Keep(*http.Request) }

// 503 goes round: what is done with the request once the loop is left
// (handed to what the flow cannot see into) does not come round, and
// a copy of it taken in the loop leaves it as it was.
func handedAfter(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		logged := req.Clone(nil)
		_ = logged
		if resp.StatusCode != 503 {
			break
		}
	}
	keeper.Keep(req)
}

// 503 and 429 go round, each at its own test: the test of 429
// separates nothing of what the test of 503 let through.
func flagsInTurn(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		again := false
		if resp.StatusCode == 503 {
			again = true
		}
		if resp.StatusCode == 429 {
			again = true
		}
		if !again {
			return
		}
	}
}

// 503, picked by a test read after a branch on the body that the flow
// cannot read: a way round it does not answer alone (Edge.Unread).
func pickedAfter(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if bodyFails(resp) {
			return
		}
		if resp.StatusCode != 503 {
			return
		}
	}
}

// 503, picked before a branch on the response whose ways meet again in
// the loop (how long to wait): it takes nothing off.
func pickedThenWait(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode != 503 {
			return
		}
		d := 1
		if bodyFails(resp) {
			d = 2
		}
		waitFor(d)
	}
}

// All failures, past a branch on the body that decides which go round:
// no test the flow reads picked them, so no way round is said.
func unguarded(req *http.Request) {
	for {
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode < 400 {
			return
		}
		if bodyFails(resp) {
			return
		}
	}
}

var lastOffset int

// 503, unanswered: for 503 check's error is a *StatusError, in which
// errors.As finds no OtherError, so offsetOf says false; for 404, whose
// error's type check's fact does not say, it may say either, and both
// ways come round unread (one has set something: they do not rejoin).
func partlyTyped(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := check(resp)
		if n, ok := offsetOf(err); ok {
			lastOffset = n
			continue
		}
		if err != nil {
			continue
		}
		return
	}
}

// 503: the status field of the error errors.As found.
func typedField(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := check(resp)
		var se *StatusError
		if errors.As(err, &se) && se.Code == 503 {
			continue
		}
		return
	}
}

// 503: an assertion of the type.
func asserted(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if _, ok := check(resp).(*StatusError); ok {
			continue
		}
		return
	}
}

// 404 and 503: any error check returns.
func checked(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if err := check(resp); err != nil {
			continue
		}
		return
	}
}

func newRequest() *http.Request { return &http.Request{Header: http.Header{}} }

// 503: the request made and set up the same way each round.
func rebuilt() {
	for {
		req := newRequest()
		req.Header.Set("Content-Type", "application/json")
		resp, _ := c.Do(req)
		if resp != nil && resp.StatusCode == 503 {
			continue
		}
		return
	}
}

var retryOn = []int{429, 503}

// 429 and 503: the statuses of a list, compared one by one.
func listed(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		again := false
		for _, code := range retryOn {
			if resp.StatusCode == code {
				again = true
			}
		}
		if !again {
			return
		}
	}
}

func retryable(error) bool { return false }

// 503: a decision over the error, of the statuses it carries (404 and
// 503), true for 5xx.
func whileRetryable(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if err := check(resp); err != nil && retryable(err) {
			continue
		}
		return
	}
}

var retrySet = map[int]bool{429: true, 503: true}

// 429 and 503: the statuses of a set.
func inSet(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if !retrySet[resp.StatusCode] {
			return
		}
	}
}

func hasCode(resp *http.Response, codes ...int) bool { return false }

// 429 and 503: a membership test given the list.
func member(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if !hasCode(resp, retryOn...) {
			return
		}
	}
}

// 408 and 502: a membership test given a list written out.
func memberListed(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if !hasCode(resp, 408, 502) {
			return
		}
	}
}

// Nothing: a decision not known here.
func unknown(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if decide(resp) {
			continue
		}
		return
	}
}

// Nothing: an attempt counter decides, not the status: every status goes
// round, success among them (a repetition).
func counter(req *http.Request) {
	for i := 0; i < 3; i++ {
		c.Do(req)
	}
}

// 404: a goto is a jump like any other.
func jumps(req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode == 404 {
			goto next
		}
		return
	next:
		sleep()
	}
}

// CodeError is an error held by value, its status in Code.
type CodeError struct{ Code int }

func (e CodeError) Error() string { return "" }

func checkValue(*http.Response) error { return nil }

// 503: the status field of the error errors.AsType gave, by value.
func asTypeValue(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		err := checkValue(resp)
		if ce, ok := errors.AsType[CodeError](err); ok && ce.Code == 503 {
			continue
		}
		return
	}
}

// Nothing: every status but a 404 goes round, success among them (a
// watch re-opened whenever it ends): a repetition, not a retry.
func reopened(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if ce, ok := errors.AsType[CodeError](checkValue(resp)); ok && ce.Code == 404 {
			return
		}
		sleep()
	}
}

type fillResponse struct{ code int }

func (r *fillResponse) StatusCode() int { return r.code }

func fill(req *http.Request, resp *fillResponse) error { return nil }

// Not answered: the status is read from what the send fills (fasthttp's
// Do(req, resp)), which the flow does not know as one.
func filled(req *http.Request) {
	resp := &fillResponse{}
	for {
		if err := attemptFill(req, resp); err != nil {
			return
		}
		if resp.StatusCode() == 503 {
			continue
		}
		return
	}
}

func attemptFill(req *http.Request, resp *fillResponse) error { return fill(req, resp) }

type nodePool struct {
	nodes []string
	next  int
	hc    *http.Client
}

// pick moves to the next node: a field the send does not read.
func (p *nodePool) pick() string {
	p.next = (p.next + 1) % len(p.nodes)
	return p.nodes[p.next]
}

// redial replaces the client the send goes through.
func (p *nodePool) redial() { p.hc = &http.Client{} }

func pointAt(req *http.Request, host string) { req.Host = host }

// 500 and above: each round points the same request at the next node (a
// host rotation, typesense-go's shape).
func rotate(p *nodePool, req *http.Request) {
	for {
		pointAt(req, p.pick())
		resp, _ := p.hc.Do(req)
		if resp.StatusCode >= 500 {
			continue
		}
		return
	}
}

// Nothing: the round replaces the client the send goes through.
func redialed(p *nodePool, req *http.Request) {
	for {
		resp, _ := p.hc.Do(req)
		if resp.StatusCode < 500 {
			return
		}
		p.redial()
	}
}

type lease struct {
	hc  *http.Client
	ttl func() int
}

func alive(l *lease) bool { return l.ttl() > 0 }

// 503: the round asks a getter the lease holds (given nothing, it gives
// a value), which changes nothing; hooked's renew, a bool, may.
func leased(l *lease, req *http.Request) {
	for {
		resp, _ := l.hc.Do(req)
		if resp.StatusCode != 503 || !alive(l) {
			return
		}
	}
}

type timedPoster struct {
	shift  int
	header string
}

func requestFor(ctx context.Context, h string) *http.Request {
	return &http.Request{Header: http.Header{"X": {h}}}
}

// 503: the round doubles the deadline the request is made with, which
// bounds how long it may take, not what it asks.
func doubling(p *timedPoster) {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 1000<<p.shift)
		resp, _ := c.Do(requestFor(ctx, p.header))
		cancel()
		if resp.StatusCode != 503 {
			return
		}
		p.shift++
	}
}

func fetchCode(req *http.Request) ([]byte, int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, 0, err
	}
	return nil, resp.StatusCode, nil
}

// 503: the status a sender of the package returns among its results.
func codeResult(req *http.Request) {
	for {
		_, code, err := fetchCode(req)
		if err == nil && code == 503 {
			continue
		}
		return
	}
}

func makeRequest() http.Request { return http.Request{Method: "POST"} }

// 503: the request made anew whole, in the variable whose address the
// send is given.
func storedWhole() {
	var req http.Request
	for {
		req = makeRequest()
		resp, _ := c.Do(&req)
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

// 503: what the flow cannot read (the status line's text) is tested only
// on the way out.
func unreadOut(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode == 503 {
			continue
		}
		if resp.Status == "418 teapot" {
			return
		}
		return
	}
}

// 429 and 500 and above, placed at the tests that admit them, not at the
// test under them that only picks the error's message (though a later
// round leaves once its attempts are spent).
func placedOuter(req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, _ := c.Do(req)
		if resp.StatusCode == 429 || resp.StatusCode >= 500 {
			err := errors.New("server")
			if resp.StatusCode == 429 {
				err = errors.New("rate")
			}
			logErr(err)
			continue
		}
		return
	}
}

func logErr(error) {}

// 503: what the loop asks of the request (a method that only gives a
// value) changes nothing.
func asksRequest(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode == 503 && req.UserAgent() != "" {
			continue
		}
		return
	}
}

// 503: the text of the status line, which the flow cannot read, only
// picks whether to log; the ways meet again having set nothing.
func unreadRejoins(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		if resp.Status != "" {
			logRequest(req, 0)
		}
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

// Not answered: the text of the status line decides what the error is,
// which decides the retry.
func unreadSets(req *http.Request) {
	for {
		resp, _ := c.Do(req)
		var err error
		if resp.Status == "slow down" {
			err = errors.New("slow")
		}
		if err != nil {
			continue
		}
		return
	}
}

type warnings struct{ n int }

func (l *warnings) warn() { l.n++ }

type sendConfig struct {
	Client *http.Client
	Logs   warnings
}

func (s *sendConfig) reset() { s.Client = nil }

// 503: the client a branch picks from a configuration the loop only
// logs through (another field of it).
func configured(cfg sendConfig, req *http.Request) {
	for {
		client := cfg.Client
		if client == nil {
			client = c
		}
		cfg.Logs.warn()
		cfg.Logs.n++
		resp, _ := client.Do(req)
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

// None: the loop resets the configuration the client is picked from,
// so the next round goes through another client (as redialed).
func reconfigured(cfg sendConfig, req *http.Request) {
	for {
		client := cfg.Client
		if client == nil {
			client = c
		}
		cfg.reset()
		resp, _ := client.Do(req)
		if resp.StatusCode == 503 {
			continue
		}
		return
	}
}

type signer interface{ Sign(*http.Request) }

// Not answered: the request is handed to an interface's method, which
// may change it or not.
func signed(req *http.Request, s signer) {
	for {
		resp, _ := c.Do(req)
		if resp.StatusCode != 503 {
			return
		}
		s.Sign(req)
	}
}
`

// loadSSA type-checks src as package p, with httpStub as net/http, and
// builds it.
func loadSSA(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset, pkg, f, info := testenv.TypeCheck(t, src, testenv.Stub{Path: "net/http", Src: httpStub})
	return values.BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
}

// sendIn returns the call of Do, attempt, attemptFill or fetchCode in fn.
func sendIn(t *testing.T, fn *ssa.Function) *ssa.Call {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil && slices.Contains([]string{"Do", "attempt", "attemptFill", "fetchCode"}, call.Call.StaticCallee().Name()) {
				return call
			}
		}
	}
	t.Fatalf("%s: no send", fn.Name())
	return nil
}

// stubKnown knows check: its error is not nil for 404 and 503, a
// *StatusError for 503, whose Code is the status; retryable, a decision
// over an error, true for 5xx; hasCode, true for the statuses of the
// list it is given; the list retryOn, 429 and 503.
type stubKnown struct{}

func (stubKnown) Predicate(fn *types.Func) (facts.Pred, bool) {
	if fn.Name() == "hasCode" {
		return facts.Pred{Arg: 0, List: 2}, true
	}
	if fn.Name() != "retryable" {
		return facts.Pred{}, false
	}
	return facts.Pred{Arg: 0, OfErr: true, Set: codeset.Relation(token.GEQ, 500)}, true
}

func (stubKnown) ErrOf(fn *types.Func) (facts.Err, bool) {
	if fn.Name() == "checkValue" {
		return facts.Err{Errs: codeset.Single(404).Or(codeset.Single(503)), Types: []facts.TypedErr{{Type: "p.CodeError", Codes: codeset.Single(404).Or(codeset.Single(503))}}}, true
	}
	if fn.Name() != "check" {
		return facts.Err{}, false
	}
	return facts.Err{Errs: codeset.Single(404).Or(codeset.Single(503)), Types: []facts.TypedErr{{Type: "*p.StatusError", Codes: codeset.Single(503)}}}, true
}

func (stubKnown) StatusField(f *types.Var, _ types.Type) bool {
	return f.Name() == "Code" || f.Name() == "StatusCode"
}

func (stubKnown) StatusResult(fn *types.Func) int {
	if fn.Name() == "fetchCode" {
		return 1
	}
	return -1
}

func (stubKnown) MayReturn(fn *types.Func, g *types.Var) bool { return fn.Name() != "open" }

// Waits: the functions named wait* wait as Retry-After says.
func (stubKnown) Waits(fn *types.Func) bool { return strings.HasPrefix(fn.Name(), "wait") }

func (stubKnown) TypedMethodCodes([]facts.TypedErr, string) (codeset.Set, bool) {
	return codeset.Set{}, false
}

// NeverNil: the functions named make* make an error on every path.
func (stubKnown) NeverNil(fn *types.Func) bool { return strings.HasPrefix(fn.Name(), "make") }

func (stubKnown) ListOf(v *types.Var) (codeset.Set, bool) {
	if v.Name() != "retryOn" && v.Name() != "retrySet" {
		return codeset.Set{}, false
	}
	return codeset.Single(429).Or(codeset.Single(503)), true
}

func TestResent(t *testing.T) {
	sp := loadSSA(t, resentSrc)
	class5 := codeset.ClassRelation(token.EQL, 5)
	for _, c := range []struct {
		fn   string
		want codeset.Set
	}{
		{"equal", codeset.Single(503)},
		{"sentinel", codeset.Single(503)},
		{"atLeast", codeset.Relation(token.GEQ, 500)},
		{"flag", codeset.Single(429).Or(class5)},
		{"cases", codeset.Single(404).Or(codeset.Single(409))},
		{"late", codeset.Single(502)},
		{"negated", codeset.Single(503)},
		{"reauth", codeset.Single(503)},
		{"inline", codeset.Relation(token.GEQ, 500)},
		{"poll", codeset.Set{}},
		{"regions", codeset.Set{}},
		{"logged", codeset.Single(503)},
		{"growing", codeset.Set{}},
		{"rebuilt", codeset.Single(503)},
		{"listed", codeset.Single(429).Or(codeset.Single(503))},
		{"whileRetryable", codeset.Single(503)},
		{"inSet", codeset.Single(429).Or(codeset.Single(503))},
		{"member", codeset.Single(429).Or(codeset.Single(503))},
		{"typed", codeset.Single(503)},
		{"typedField", codeset.Single(503)},
		{"typedHelper", codeset.Single(503)},
		{"calleeRead", codeset.Single(503)},
		{"partlyTyped", codeset.Single(503)},
		{"asserted", codeset.Single(503)},
		{"checked", codeset.Single(404).Or(codeset.Single(503))},
		{"hooked", codeset.Set{}},
		{"backingOff", codeset.Single(503)},
		{"resign", codeset.Set{}},
		{"retoken", codeset.Set{}},
		{"logs", codeset.Single(503)},
		{"unknown", codeset.Set{}},
		{"counter", codeset.Set{}},
		{"jumps", codeset.Single(404)},
		{"asTypeValue", codeset.Single(503)},
		{"reopened", codeset.Set{}},
		{"rotate", codeset.Relation(token.GEQ, 500)},
		{"memberListed", codeset.Single(408).Or(codeset.Single(502))},
		{"leased", codeset.Single(503)},
		{"doubling", codeset.Single(503)},
		{"redialed", codeset.Set{}},
		{"storedWhole", codeset.Single(503)},
		{"codeResult", codeset.Single(503)},
		{"unreadOut", codeset.Single(503)},
		{"placedOuter", codeset.Single(429).Or(codeset.Relation(token.GEQ, 500))},
	} {
		fn := sp.Func(c.fn)
		if fn == nil {
			t.Fatalf("no function %s", c.fn)
		}
		got, complete := Resent(sendIn(t, fn), codeset.Set{}, stubKnown{})
		if !complete {
			t.Errorf("%s: not every path followed", c.fn)
		}
		if got != c.want {
			t.Errorf("%s: re-sends %v, want %v", c.fn, got, c.want)
		}
	}
}

// A way round past a branch the flow cannot read is an Unread edge where
// a test the flow reads whole picked its statuses, and no edge elsewhere;
// the loop is unanswered, and Resent leaves those out.
func TestResendsUnread(t *testing.T) {
	sp := loadSSA(t, resentSrc)
	for _, c := range []struct {
		fn   string
		want codeset.Set
	}{
		{"guarded", codeset.Set{}},
		{"pickedAfter", codeset.Single(503)},
		{"pickedThenWait", codeset.Single(503)},
		{"unguarded", codeset.Set{}},
		// The test of the error's type picks 503 off the way where
		// offsetOf says true, not the statuses it cannot read there
		// (no way round for those); err != nil, read whole, picks 404
		// of those it leaves on the other way.
		{"partlyTyped", codeset.Single(404)},
	} {
		edges, answered := Resends(sendIn(t, sp.Func(c.fn)), codeset.Set{}, stubKnown{})
		var unread, read codeset.Set
		for _, e := range edges {
			if e.Unread {
				unread = unread.Or(e.Set)
			} else {
				read = read.Or(e.Set)
			}
		}
		if answered || unread != c.want {
			t.Errorf("%s: answered %v, unread ways round %v; want false, %v", c.fn, answered, unread, c.want)
		}
		if got, _ := Resent(sendIn(t, sp.Func(c.fn)), codeset.Set{}, stubKnown{}); got != read {
			t.Errorf("%s: Resent %v, want the ways read whole, %v", c.fn, got, read)
		}
	}
}

// Resends answers alone where no path ends at what it cannot read, and
// places each way round at the test that last admitted its statuses.
func TestResends(t *testing.T) {
	sp := loadSSA(t, resentSrc)
	for _, c := range []struct {
		fn       string
		answered bool
		lines    []int // the lines of the edges' tests, from the function's
	}{
		{"equal", true, []int{6}},
		{"jumps", true, []int{6}},
		{"asTypeValue", true, []int{4}},
		{"reopened", true, nil},
		{"counter", true, nil},
		{"unknown", false, nil},
		{"filled", false, nil},
		{"signed", false, nil},
		{"unreadOut", true, []int{3}},
		{"unreadRejoins", true, []int{6}},
		{"asksRequest", true, []int{3}},
		{"unreadSets", false, nil},
		{"configured", true, []int{9}},
		{"reconfigured", true, nil},
		{"placedOuter", true, []int{3, 3}},
		{"calleeRead", true, []int{3}},
		{"partlyTyped", false, nil},
		{"flagsInTurn", true, []int{4, 7}},
		{"handedAfter", true, []int{5}},
		// At the test of the error made under the test of the status:
		// where what goes round parts from what does not.
		{"inline", true, []int{6}},
	} {
		fn := sp.Func(c.fn)
		if fn == nil {
			t.Fatalf("no function %s", c.fn)
		}
		edges, answered := Resends(sendIn(t, fn), codeset.Set{}, stubKnown{})
		if answered != c.answered {
			t.Errorf("%s: answered %v, want %v", c.fn, answered, c.answered)
		}
		if !answered {
			continue
		}
		start := fn.Prog.Fset.Position(fn.Pos()).Line
		var lines []int
		for _, e := range edges {
			lines = append(lines, fn.Prog.Fset.Position(e.At).Line-start)
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%s: edges at lines %v of the function, want %v", c.fn, lines, c.lines)
		}
	}
}

// filesStub is an SDK's package of request arguments, made by
// constructors and set up by its functions, sent through a client
// interface whose error is not nil for the statuses the test gives.
const filesStub = `package files

type DownloadArg struct {
	Path  string
	Range int64
	Close bool
}

func NewDownloadArg(path string) *DownloadArg { return &DownloadArg{Path: path} }

func SetRange(a *DownloadArg, from int64) error { a.Range = from; return nil }

type Client interface {
	Download(arg *DownloadArg) error
	Fetch(arg *DownloadArg) (meta string, body []byte, err error)
}
`

// builtSrc sends an SDK's argument, made anew each round.
const builtSrc = `package p

import "files"

func wait() {}

func logArg(*files.DownloadArg, int) {}

// Each status: the argument made anew from the same path and offset
// (the offset moves only once a download succeeds).
func sameRange(cl files.Client, path string) {
	var committed int64
	for attempt := 0; attempt < 5; attempt++ {
		arg := files.NewDownloadArg(path)
		if committed > 0 {
			files.SetRange(arg, committed)
		}
		if err := cl.Download(arg); err != nil {
			wait()
			continue
		}
		committed += 10
	}
}

// None: the offset moves after a failure too, so each round asks for
// another range.
func movedRange(cl files.Client, path string) {
	var committed int64
	for attempt := 0; attempt < 5; attempt++ {
		arg := files.NewDownloadArg(path)
		files.SetRange(arg, committed)
		if err := cl.Download(arg); err != nil {
			committed++
			continue
		}
		return
	}
}

// Each status: a field set to what the function was given.
func closeSet(cl files.Client, path string, close bool) {
	for {
		arg := files.NewDownloadArg(path)
		arg.Close = close
		if err := cl.Download(arg); err != nil {
			continue
		}
		return
	}
}

// None: a field set to the attempt, which each round counts on.
func attemptSet(cl files.Client, path string) {
	for attempt := 0; attempt < 5; attempt++ {
		arg := files.NewDownloadArg(path)
		arg.Range = int64(attempt)
		if err := cl.Download(arg); err != nil {
			continue
		}
		return
	}
}

// Each status: the argument is handed to a function that only reads it,
// with the attempt.
func logged(cl files.Client, path string) {
	for attempt := 0; attempt < 5; attempt++ {
		arg := files.NewDownloadArg(path)
		logArg(arg, attempt)
		if err := cl.Download(arg); err != nil {
			continue
		}
		return
	}
}

// Each status: the send's error is the last of its three results.
func threeResults(cl files.Client, path string) []byte {
	for {
		_, body, err := cl.Fetch(files.NewDownloadArg(path))
		if err != nil {
			wait()
			continue
		}
		return body
	}
}

// Each status: the offset, which the branch at the top of each round
// tests, moves by what a success returned, not after a failure; the
// argument the send was given is made anew before it is set up.
func resumed(cl files.Client, path string) {
	var committed int64
	for attempt := 0; attempt < 5; attempt++ {
		arg := files.NewDownloadArg(path)
		if committed > 0 {
			if err := files.SetRange(arg, committed); err != nil {
				return
			}
		}
		_, body, err := cl.Fetch(arg)
		if err != nil {
			wait()
			continue
		}
		committed += int64(len(body))
	}
}

// Each status: the argument a branch picks, by what the function was
// given, the same each round.
func pickedByParam(cl files.Client, path string) {
	for attempt := 0; attempt < 5; attempt++ {
		var arg *files.DownloadArg
		if path != "" {
			arg = files.NewDownloadArg(path)
		} else {
			arg = files.NewDownloadArg("/")
		}
		if err := cl.Download(arg); err != nil {
			continue
		}
		return
	}
}

// Not answered: the argument a branch picks by the attempt, which may
// differ from the last round's.
func pickedByAttempt(cl files.Client, path string) {
	for attempt := 0; attempt < 5; attempt++ {
		var arg *files.DownloadArg
		if attempt > 2 {
			arg = files.NewDownloadArg(path)
		} else {
			arg = files.NewDownloadArg("/")
		}
		if err := cl.Download(arg); err != nil {
			continue
		}
		return
	}
}

// None: the argument made once, before the loop, and moved on after a
// failure.
func movedOnce(cl files.Client, path string) {
	arg := files.NewDownloadArg(path)
	for attempt := 0; attempt < 5; attempt++ {
		if err := cl.Download(arg); err != nil {
			arg.Range++
			continue
		}
		return
	}
}
`

// recursiveSrc retries by calling itself again.
const recursiveSrc = `package p

import (
	"context"
	"net/http"
)

var c = &http.Client{}

// 503: the function calls itself again with the request it was given,
// after a 503; the attempt it counts is no part of the request.
func recursive(req *http.Request, attempt int) {
	resp, _ := c.Do(req)
	if resp.StatusCode == 503 && attempt < 3 {
		recursive(req, attempt+1)
	}
}

func wait() {}

func withCtx(ctx context.Context, req *http.Request) *http.Request { return req.WithContext(ctx) }

// 503: the call passes on a copy of the request made with another
// context (go-github's bareDo marks its context waited), which picks only
// whether to wait before the send.
func recursiveCopy(ctx context.Context, req *http.Request) {
	if ctx.Value("bypass") == nil {
		wait()
	}
	req = withCtx(ctx, req)
	resp, _ := c.Do(req)
	if resp.StatusCode == 503 {
		recursiveCopy(context.WithValue(ctx, "waited", true), req)
	}
}

// None: the call sends another request.
func recursiveOther(req, next *http.Request) {
	resp, _ := c.Do(req)
	if resp.StatusCode == 503 {
		recursiveOther(next, nil)
	}
}

// 503 (and 502, not judged): discordgo's RequestWithLockedBucket,
// another status's recursion counting an attempt beside it.
func recursiveCounted(req *http.Request, sequence int) {
	resp, err := c.Do(req)
	if err != nil {
		return
	}
	switch resp.StatusCode {
	case 200:
	case 502:
		if sequence < 3 {
			recursiveCounted(req, sequence+1)
		}
	case 503:
		wait()
		recursiveCounted(req, sequence)
	}
}

// None: the parameter that picks the request is another.
func recursivePicked(a, b *http.Request, first bool) {
	req := b
	if first {
		req = a
	}
	resp, _ := c.Do(req)
	if resp.StatusCode == 503 {
		recursivePicked(a, b, !first)
	}
}
`

// TestRecurses follows a send to calls of its function itself.
func TestRecurses(t *testing.T) {
	sp := loadSSA(t, recursiveSrc)
	for _, c := range []struct {
		fn   string
		want codeset.Set
	}{
		{"recursive", codeset.Single(503)},
		{"recursiveCopy", codeset.Single(503)},
		{"recursiveOther", codeset.Set{}},
		{"recursiveCounted", codeset.Single(502).Or(codeset.Single(503))},
		{"recursivePicked", codeset.Set{}},
	} {
		fn := sp.Func(c.fn)
		edges, answered := Recurses(sendIn(t, fn), codeset.Set{}, stubKnown{})
		if !answered {
			t.Errorf("%s: not answered", c.fn)
		}
		var got codeset.Set
		for _, e := range edges {
			got = got.Or(e.Set)
		}
		if got != c.want {
			t.Errorf("%s: re-sends %v, want %v", c.fn, got, c.want)
		}
	}
}

// TestResentBuilt follows sends of an SDK's argument made anew each
// round: what is set on it, or done with it by a call, builds the
// request, which is the same request when what it is built from is.
func TestResentBuilt(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, builtSrc, testenv.Stub{Path: "files", Src: filesStub})
	sp := values.BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	errs := codeset.Single(429).Or(codeset.Single(503))
	for _, c := range []struct {
		fn   string
		want codeset.Set
	}{
		{"sameRange", errs},
		{"movedRange", codeset.Set{}},
		{"closeSet", errs},
		{"attemptSet", codeset.Set{}},
		{"logged", errs},
		{"movedOnce", codeset.Set{}},
		{"threeResults", errs},
		{"resumed", errs},
		{"pickedByParam", errs},
		{"pickedByAttempt", codeset.Set{}},
	} {
		fn := sp.Func(c.fn)
		if fn == nil {
			t.Fatalf("no function %s", c.fn)
		}
		var send *ssa.Call
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && call.Call.IsInvoke() && (call.Call.Method.Name() == "Download" || call.Call.Method.Name() == "Fetch") {
					send = call
				}
			}
		}
		edges, answered := Resends(send, errs, stubKnown{})
		if !answered {
			if c.fn != "pickedByAttempt" {
				t.Errorf("%s: not answered", c.fn)
			}
			continue
		}
		if c.fn == "pickedByAttempt" {
			t.Errorf("%s: answered %v, want no answer", c.fn, edges)
		}
		var got codeset.Set
		for _, e := range edges {
			got = got.Or(e.Set)
		}
		if got != c.want {
			t.Errorf("%s: re-sends %v, want %v", c.fn, got, c.want)
		}
	}
}
