package retry

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/statuslint/statuslint/internal/config"
	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/requests"
	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/retry/engine"
	"github.com/statuslint/statuslint/internal/retry/facts"
	"github.com/statuslint/statuslint/internal/status"
	"github.com/statuslint/statuslint/internal/table"
	"github.com/statuslint/statuslint/internal/typesx"
	"github.com/statuslint/statuslint/internal/values"
)

// retryChecker is the retry pass's state.
type retryChecker struct {
	Pass *analysis.Pass
	*status.Index
	// requests reads the requests of the package's sends.
	requests *requests.Reader
	tab      *table.Table
	// listLoops are the package's loops that re-send what a list
	// parameter of their function holds (listDecided).
	listLoops []listLoop
	// kinds says which of the flows' facts the package imported
	// (importedFacts), once asked.
	kinds *factKinds
	// settings are the package's, for the tables of the APIs requests
	// go to (tableFor).
	settings *config.Settings

	// Variables holding a status, evaluated predicates and code sets,
	// and the diagnostics already made.
	// sums are the summaries of the package's functions (summaryOf);
	// solving, those of the component being solved; comps, the
	// components of the call graph, and cyclic, the functions whose
	// summaries depend on themselves.
	sums     map[*types.Func]summary
	solving  map[*types.Func]*summary
	comps    map[*types.Func][]*types.Func
	cyclic   map[*types.Func]bool
	sets     map[*types.Var]codeset.Set
	reported map[string]bool
	// loopSends are the calls of the functions holding loops that send,
	// on their SSA form, by position (checkLoops).
	ssaCalls map[token.Pos]*ssa.Call
	// decisions are the SSA forms of the package's decisions, once
	// built (decisionFuncs).
	decisions    map[*types.Func]*ssa.Function
	decisionDecl map[*ast.FuncDecl]bool // their declarations (decisionDecls)
	// litFuncs are the SSA forms of the decisions written where they
	// are given, once built (litDecision).
	litFuncs map[*ast.FuncLit]*ssa.Function
	// operations are the operations given to retry libraries, kept until
	// the SSA form of the functions that hold them is built (checkLoops).
	operations []pendingOperation
	// helperCalls are the calls of the package's functions that take an
	// attempt, on their SSA form, by position, once asked (helperCall).
	helperCalls map[token.Pos]*ssa.Call
	// mayReturn holds, by error variable, the functions that may return
	// it (MayReturn).
	mayReturn map[*types.Var]map[*types.Func]bool
	funcSeen  map[*types.Var]bool
	// waits memoizes funcWaits.
	waits map[*types.Func]waitInfo
	// afters memoizes waitsAfter's flows.
	afters map[afterQuery]bool
	// probeCalls are the sends of retry helpers' attempts, on the SSA
	// form of their declarations (sendSSA), by position; nil where one
	// could not be built. declForms are declarations built alone, once
	// each (declBuild).
	probeCalls map[token.Pos]*ssa.Call
	declForms  map[*ast.FuncDecl]declForm
	// senderCalls are the calls of the package's senders on their SSA
	// form, built together once asked (senderCall).
	senderCalls map[token.Pos]*ssa.Call
	// errFuncs are the package's senders, checks and translators on that
	// SSA form, by object (errFunc).
	errFuncs map[*types.Func]*ssa.Function
	// mayBeSenders are the functions that may send (maySend), once asked.
	mayBeSenders map[*types.Func]bool
	// fields memoizes fieldValues.
	fields map[*types.Var][]ast.Expr
	// callers indexes the package's calls by callee, for callersWait.
	callers map[*types.Func][]inspector.Cursor
	// libWaits caches libraryWaits by the library's path.
	libWaits map[string]bool
	// funcIdents, funcRefs and funcNames index where the package names
	// its functions and what each declared function's body names
	// (indexUses, refsTo, refsFrom).
	funcIdents map[*types.Func][]*ast.Ident
	funcRefs   map[*types.Func][]inspector.Cursor
	funcNames  map[*types.Func][]*types.Func
	// repeatSums caches what the package's retry helpers repeat; nonNil,
	// which of its error constructors never return nil.
	repeatSums map[*types.Func]facts.Repeat
	// sendParams are the parameters that send, while their function is
	// evaluated as a helper that sends with them (evalSendRepeats).
	sendParams map[*types.Var]int
	nonNil     map[*types.Func]bool
	// implFacts memoizes implErrFact, implTypes implementations by the
	// interface's type; implPkgs are the packages whose types they look
	// through.
	implFacts   map[*types.Func]errResult
	implTypes   map[string][]types.Type
	implPkgs    []*types.Package
	methodIndex map[string][]*types.Named
	// errMethods memoizes errMethod.
	errMethods map[*types.Func]codeset.Set
}

// exportRepeats exports what the package's exported retry helpers
// repeat, in a package that checks no retry of its own.
func (c *retryChecker) exportRepeats() {
	for _, fn := range typesx.SortedDecls(c.Decls) {
		if fn.Exported() && takesAttempt(fn) {
			if f, ok := c.repeats(fn); ok {
				c.Pass.ExportObjectFact(fn, &f)
			}
		}
	}
}

// checkRetries runs the retry checks: retry loops and self-recursive
// retries, retry predicates, and the hooks of retry libraries.
func (c *retryChecker) checkRetries() {
	// Facts for every retry decision and every function whose error tells
	// the status; reports for the decisions named as one.
	c.exportErrMethods()
	sends := false
	for _, fn := range typesx.SortedDecls(c.Decls) {
		decl := c.Decls[fn]
		f, tellsStatus := c.errSummary(fn)
		sends = sends || (tellsStatus && f.Sends)
		if tellsStatus && fn.Exported() {
			c.Pass.ExportObjectFact(fn, &f)
		}
		if fn.Exported() && (c.takesResponse(fn) || tellsStatus) && c.readsRetryAfter(decl.Body) {
			c.Pass.ExportObjectFact(fn, new(facts.Wait))
		}
		if f, ok := c.repeats(fn); ok && fn.Exported() {
			c.Pass.ExportObjectFact(fn, &f)
		}
		p, ok := c.Predicate(fn)
		if !ok {
			continue
		}
		if fn.Exported() {
			c.Pass.ExportObjectFact(fn, &p)
		}
		// A decision named as one is reported where it is: but one that
		// nothing names, and no other package can, reaches no re-send
		// (linodego's //nolint:unused retry conditions).
		if knowledge.RetryDecisionNames.Match(fn.Name()) && typesx.FileOf(c.Checked, decl) != nil && (fn.Exported() || c.isUsed(fn)) {
			waits := c.readsRetryAfter(decl.Body) || c.callersWait(fn)
			if lib := takesLibraryResponse(fn); lib != "" {
				// A condition of a retry library's client: the client
				// waits as the package configures it.
				waits = waits || c.libraryWaits(lib)
			}
			waits = waits || c.hookedWaiting(fn)
			c.reportRetries(c.summaryOf(fn).pred.edges, nil, p.Waited.Or(waitedIf(waits)), "")
		}
	}

	if sends {
		c.exportInterfaceFacts()
	}

	var loops []pendingLoop
	var recursions []pendingRecursion
	for _, fc := range c.Checked {
		for cur := range fc.Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.ForStmt:
				if sends, _ := c.scanCalls(cur, nil); sends {
					if l, ok := c.loopToCheck(cur, n, n.Body); ok {
						loops = append(loops, l)
					}
				}
			case *ast.RangeStmt:
				if sends, _ := c.scanCalls(cur, nil); sends {
					if l, ok := c.loopToCheck(cur, n, n.Body); ok {
						loops = append(loops, l)
					}
				}
			case *ast.FuncDecl:
				fn, _ := c.Pass.TypesInfo.Defs[n.Name].(*types.Func)
				if fn == nil || !slices.Contains(c.refsFrom(fn), fn) {
					continue // names itself nowhere: no recursion to look for
				}
				if sends, recurses := c.scanCalls(cur, fn); sends && recurses {
					recursions = append(recursions, pendingRecursion{n, fn})
				}
			case *ast.CallExpr:
				c.retryHook(cur, n)
				c.helperRetry(cur, n)
			case *ast.AssignStmt:
				c.retryFieldAssign(cur, n)
			case *ast.CompositeLit:
				c.retryClientLit(n)
			}
		}
	}
	c.checkLoops(loops, recursions)
	c.handedHooks()
	c.listLoopCalls()
	c.exportCodesFacts()
}

// scanCalls reports whether the code under cur sends a request, and
// whether it calls self. The inspector's index makes this cheap enough to
// ask of every loop and function.
func (c *retryChecker) scanCalls(cur inspector.Cursor, self *types.Func) (sends, calls bool) {
	for call := range cur.Preorder((*ast.CallExpr)(nil)) {
		n := call.Node().(*ast.CallExpr)
		if !sends {
			_, sends = c.sendKind(n)
		}
		if self != nil && !calls {
			calls = typesx.Callee(c.Pass.TypesInfo, n) == self
		}
		if sends && (calls || self == nil) {
			break
		}
	}
	return sends, calls
}

// reportRetries reports the codes that reach a re-send and that the table
// forbids retrying, or allows only after Retry-After when the code does not
// wait for it (waited are the codes it waits for). send, if known, is where
// the request goes out again; why explains a library's default.
//
// A fragment with 200 in it is no retry: the condition that sent it round
// did not tell success from failure, so something other than the status
// (the body, a budget) decided the re-send.
func (c *retryChecker) reportRetries(edges []frag, send ast.Node, waited codeset.Set, why string) {
	c.reportRetriesFor(nil, edges, send, waited, why)
}

// reportRetriesFor is reportRetries for a request tied to op, an OpenAPI
// operation: its responses' retry guidance comes first. more are other
// sends the same retry repeats (an attempt that sends one way or another).
func (c *retryChecker) reportRetriesFor(op *table.Operation, edges []frag, send ast.Node, waited codeset.Set, why string, more ...ast.Node) {
	tab := c.tableFor(send)
	says := cmp.Or(tab.RetryGuidance, tab.Name)
	if op != nil {
		says += " for " + op.Name()
	}
	for _, fr := range edges {
		if fr.Set.Has(200) {
			continue
		}
		var never, wait []string
		for _, e := range tab.Entries {
			if !fr.Set.Has(e.Code) {
				continue
			}
			retry := e.Retry
			if op != nil {
				if r, ok := op.RetryFor(e.Code); ok {
					retry = r
				}
			}
			switch retry {
			case table.RetryNever:
				never = append(never, status.Describe(int64(e.Code)))
			case table.RetryAfterRetryAfter:
				if !waited.Has(e.Code) {
					wait = append(wait, status.Describe(int64(e.Code)))
				}
			}
		}
		at := fr.At
		if at == nil {
			continue // no status decided this: a repetition, not a retry
		}
		var related []analysis.RelatedInformation
		for _, n := range append([]ast.Node{send}, more...) {
			if n != nil {
				related = append(related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(), Message: "the request is sent again here"})
			}
		}
		if len(never) > 0 {
			c.reportOnce(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: RetryNever, Related: related,
				Message: fmt.Sprintf("retrying on %s%s: %s says to modify the request instead of re-initiating it", status.JoinAnd(never), why, says)})
		}
		if len(wait) > 0 {
			c.reportOnce(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: RetryAfterWait, Related: related,
				Message: fmt.Sprintf("retrying on %s%s without reading Retry-After: %s says to re-initiate only after the time in the response's Retry-After header", status.JoinAnd(wait), why, says)})
		}
	}
}

// waitedIf returns every code if the code waits for Retry-After, none if
// not.
func waitedIf(waits bool) codeset.Set {
	if waits {
		return codeset.All
	}
	return codeset.Set{}
}

func (c *retryChecker) reportOnce(d analysis.Diagnostic) {
	key := fmt.Sprint(d.Pos, d.Message)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	c.Pass.Report(d)
}

// readsRetryAfter reports whether n waits as the Retry-After header says
// before its caller sends again (waitsAfter, a return of what it read
// handed to that caller).
func (c *retryChecker) readsRetryAfter(n ast.Node) bool {
	return c.waitsAfter(n, false)
}

// loopWaitsAfter is readsRetryAfter for n, a loop or a function that
// repeats its own send: what it returns ends the repetition.
func (c *retryChecker) loopWaitsAfter(n ast.Node) bool {
	return c.waitsAfter(n, true)
}

// waitsAfter reports whether n waits as the Retry-After header says, itself
// or in the functions of this package it calls (a retryDelay helper),
// however deep: it hands the wait to something that honours the header
// (knowledge.RetryAfterWaits, a function whose fact says it waits, a hook
// of the user's handed the response's headers), or the value of the header
// it reads (by the constant name "Retry-After", in any case, or by a name
// from a list that holds it, as openai-go's parseRetryAfterHeader does)
// reaches a wait in n (engine.After). An SDK's connect loop reaches the
// reader of its response's Retry-After through a chain of its own helpers
// (slack-go's RTM: connect -> startRTMAndDial -> ... -> postForm ->
// checkStatusCode, seven calls). With exits, a return of the value ends
// what n repeats; without, the caller may wait with it.
func (c *retryChecker) waitsAfter(n ast.Node, exits bool) bool {
	// The functions of this package n calls, level by level, each looked
	// at once: the search ends when a level adds no function, whatever
	// the depth.
	here := c.readsRetryAfterHere(n)
	direct, reads := here.direct, here.reads
	callees := here.callees
	seen := map[*types.Func]bool{}
	for !direct && len(callees) > 0 {
		var next []*types.Func
		for _, fn := range callees {
			if seen[fn] {
				continue
			}
			seen[fn] = true
			w := c.funcWaits(fn)
			direct = direct || w.direct
			reads = reads || w.reads
			next = append(next, w.callees...)
		}
		callees = next
	}
	if direct || !reads {
		return direct
	}
	q := afterQuery{n, exits}
	if w, ok := c.afters[q]; ok {
		return w
	}
	if c.afters == nil {
		c.afters = map[afterQuery]bool{}
	}
	c.afters[q] = c.afterFlows(n, seen, exits)
	return c.afters[q]
}

// afterQuery is one question waitsAfter asks the flow: each builds the
// SSA form of its functions, so each is asked once (a decision's body is
// asked for its fact and for its report).
type afterQuery struct {
	n     ast.Node
	exits bool
}

// afterFlows reports whether the value of Retry-After, read in n or the
// functions called, reaches a wait in n, on the SSA form of n's function
// and those (engine.After). A wait inside a loop of theirs that sends is
// that loop's, not n's (readsRetryAfterHere). Where n's function cannot
// be built, it says yes: the flow is not sure it does not.
func (c *retryChecker) afterFlows(n ast.Node, called map[*types.Func]bool, exits bool) bool {
	decl := c.enclosingDecl(n)
	if decl == nil || decl.Body == nil {
		return true
	}
	keep := map[*ast.FuncDecl]bool{decl: true}
	for fn := range called {
		if d := c.Decls[fn]; d != nil {
			keep[d] = true
		}
	}
	var skip [][2]token.Pos
	for d := range keep {
		ast.Inspect(d.Body, func(m ast.Node) bool {
			switch m.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				inside := m.Pos() <= n.Pos() && n.End() <= m.End()
				if !inside && c.loopSends(m) {
					skip = append(skip, [2]token.Pos{m.Pos(), m.End()})
					return false
				}
			}
			return true
		})
	}
	sp := values.BuildBodies(c.Pass, func(d *ast.FuncDecl) bool { return keep[d] })
	var root *ssa.Function
	var find func(f *ssa.Function)
	find = func(f *ssa.Function) {
		if syn := f.Syntax(); syn != nil && syn.Pos() <= n.Pos() && n.End() <= syn.End() {
			root = f
			for _, anon := range f.AnonFuncs {
				find(anon)
			}
		}
	}
	for _, f := range values.Funcs(sp, c.Pass.Files, c.Pass.TypesInfo) {
		if f.Syntax() == decl {
			find(f)
		}
	}
	if root == nil {
		return true
	}
	flow := engine.NewAfter(afterKnown{c})
	flow.Skip = func(pos token.Pos) bool {
		return slices.ContainsFunc(skip, func(r [2]token.Pos) bool { return r[0] <= pos && pos < r[1] })
	}
	return flow.Waits(root, n.Pos(), n.End(), exits)
}

// afterKnown tells the Retry-After flow which calls read the header.
type afterKnown struct{ c *retryChecker }

// ReadsAfter reports whether call reads a response header
// (knowledge.HeaderReads) by the name Retry-After or by a name it is
// given (a list of names: the flow runs where the syntax found the
// header named, and a value it takes for Retry-After's that is not makes
// it say less, never more).
func (k afterKnown) ReadsAfter(call *ssa.CallCommon) bool {
	fn := call.StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if ok && k.c.importedWait(obj) && givesWait(obj) {
		return true // what it returns is the header's wait
	}
	if !ok || !knowledge.HeaderReads[typesx.FuncKey(obj)] || len(call.Args) == 0 {
		return false
	}
	name, ok := call.Args[len(call.Args)-1].(*ssa.Const)
	if !ok || name.Value == nil || name.Value.Kind() != constant.String {
		return true
	}
	return strings.EqualFold(constant.StringVal(name.Value), knowledge.RetryAfter)
}

// importedWait reports whether fn, of another package, waits as
// Retry-After says or returns how long it says (its facts.Wait).
func (c *retryChecker) importedWait(fn *types.Func) bool {
	return fn.Pkg() != c.Pass.Pkg && status.ImportFact(c.Pass, c.Index, fn, new(facts.Wait))
}

// givesWait reports whether fn, a function whose fact says it waits as
// Retry-After says, returns how long to wait rather than waiting itself:
// it returns a number (a time.Duration, seconds) or a time.Time, and no
// response.
func givesWait(fn *types.Func) bool {
	gives := false
	for v := range fn.Signature().Results().Variables() {
		t := v.Type()
		if status.IsResponseType(t) {
			return false
		}
		gives = gives || typesx.IsInteger(t) || typesx.Is(t, knowledge.Time)
	}
	return gives
}

// takesResponse reports whether fn has a response or header parameter,
// which a reader of Retry-After needs.
func (c *retryChecker) takesResponse(fn *types.Func) bool {
	for p := range fn.Signature().Params().Variables() {
		if status.IsResponseType(p.Type()) || typesx.Is(p.Type(), knowledge.HTTPHeader) {
			return true
		}
	}
	return false
}

// waitInfo is what a function's own body says about Retry-After: whether
// it waits as it says by itself (direct), whether it reads the header,
// and the functions of this package it calls.
type waitInfo struct {
	direct, reads bool
	callees       []*types.Func
}

// funcWaits returns fn's waitInfo, memoized.
func (c *retryChecker) funcWaits(fn *types.Func) waitInfo {
	if w, ok := c.waits[fn]; ok {
		return w
	}
	w := c.readsRetryAfterHere(c.Decls[fn].Body)
	c.waits[fn] = w
	return w
}

// readsRetryAfterHere returns what root itself says of Retry-After: whether
// it hands the wait to what honours the header, whether it reads the
// header, and the functions of this package it calls.
//
// A loop inside root that sends is passed over: what it reads of
// Retry-After is the wait of its own re-sends, and a sender that waits
// between its attempts (anthropic-sdk-go's RequestConfig.send) hands its
// caller the last 429 with no wait for the caller's re-send of it.
func (c *retryChecker) readsRetryAfterHere(root ast.Node) waitInfo {
	info := c.Pass.TypesInfo
	isName := func(e ast.Expr) bool {
		tv := info.Types[e]
		return tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), knowledge.RetryAfter)
	}
	var w waitInfo
	namesIt, readsByName := false, false
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n != root && c.loopSends(n) {
				return false
			}
		case *ast.BasicLit:
			namesIt = namesIt || isName(n)
		case *ast.CallExpr:
			key, via, fn, ok := typesx.Resolve(info, n)
			switch {
			case !ok:
				if made := c.madeHere(n.Fun); made != nil {
					// A function value the package made (nomad's f :=
					// requireStatusIn(200); f(d, resp, e)): its code
					// is read, not the user's.
					w.callees = append(w.callees, made)
					break
				}
				// A hook the user gives (gophercloud's RetryBackoffFunc)
				// handed the response's headers: how long it waits is
				// the user's, who can read Retry-After there.
				w.direct = c.handsHeaders(n)
			case knowledge.RetryAfterWaits[key]:
				w.direct = true
			case fn != nil && c.importedWait(fn):
				if givesWait(fn) {
					w.reads = true // azcore's shared.RetryAfter(resp): its value
				} else {
					w.direct = true // go-autorest's DelayWithRetryAfter: it waits
				}
			case (knowledge.HeaderReads[key] || knowledge.HeaderReads[via]) && len(n.Args) == 1:
				if isName(n.Args[0]) {
					w.reads = true
				} else {
					readsByName = true // the name from a variable: a list of them
				}
			case fn != nil && c.Decls[fn] != nil:
				w.callees = append(w.callees, fn)
			}
		case *ast.IndexExpr: // resp.Header["Retry-After"]
			if typesx.Is(info.TypeOf(n.X), knowledge.HTTPHeader) && isName(n.Index) {
				w.reads = true
			}
		case *ast.Ident: // a wait passed as a value: backoff: retryablehttp.DefaultBackoff
			if fn, ok := info.Uses[n].(*types.Func); ok && knowledge.RetryAfterWaits[typesx.FuncKey(fn)] {
				w.direct = true
			}
			// A named constant in a list of header names (azcore's
			// shared.RetryAfter: header: HeaderRetryAfter).
			namesIt = namesIt || isName(n)
		}
		return !w.direct
	})
	w.reads = w.reads || namesIt && readsByName
	return w
}

// madeHere returns the function of this package that made the function
// value fun, a local given once the result of a call of it (f :=
// requireStatusIn(200)), or nil. Every value the maker returns must be a
// function literal of its own: one that returns what it was given or
// keeps (a configured backoff) hands on what the user gave.
func (c *retryChecker) madeHere(fun ast.Expr) *types.Func {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	d, ok := onlyValue(c.Index, v)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := typesx.StaticCallee(c.Pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	decl := c.Decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return nil
	}
	lits := true
	returns := 0
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its own returns are the literal's
		case *ast.ReturnStmt:
			returns++
			for _, r := range n.Results {
				if _, ok := ast.Unparen(r).(*ast.FuncLit); !ok {
					lits = false
				}
			}
			if len(n.Results) == 0 {
				lits = false
			}
		}
		return lits
	})
	if !lits || returns == 0 {
		return nil
	}
	return fn.Origin()
}

// callersWait reports whether every call of fn, a retry decision of this
// package, is in a loop (or, outside loops, a function) that waits as
// Retry-After says: a decision is judged with its callers, which may read
// the header the decision does not (openai-go's shouldRetry, whose loop
// waits through retryDelay). False when the package does not call it;
// tests' calls do not count.
func (c *retryChecker) callersWait(fn *types.Func) bool {
	return c.callersWaitFrom(fn, map[*types.Func]bool{})
}

// callersWaitFrom is callersWait, where a call outside any loop, in a
// function of the package (anthropic's shouldRetryDroppedBody, which
// returns shouldRetry's answer), is judged by that function's callers in
// turn; seen are the functions asked about on the way.
func (c *retryChecker) callersWaitFrom(fn *types.Func, seen map[*types.Func]bool) bool {
	if c.callers == nil {
		c.callers = c.indexCalls()
	}
	seen[fn] = true
	calls := c.callers[fn]
	for _, cur := range calls {
		var scope ast.Node
		for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			scope = e.Node()
			break
		}
		if scope == nil {
			return false
		}
		switch scope.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if c.loopWaitsAfter(scope) {
				continue
			}
		default:
			if c.readsRetryAfter(scope) {
				continue
			}
		}
		decl, isDecl := scope.(*ast.FuncDecl)
		if !isDecl {
			return false
		}
		outer, _ := c.Pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if outer == nil || seen[outer] || !c.callersWaitFrom(outer, seen) {
			return false
		}
	}
	return len(calls) > 0
}

// indexCalls returns the calls of the package's non-test files by callee:
// one walk of the package, where a walk per decision made big generated
// packages cost the square of their size.
func (c *retryChecker) indexCalls() map[*types.Func][]inspector.Cursor {
	out := map[*types.Func][]inspector.Cursor{}
	for _, fc := range c.AllFiles {
		if typesx.InTestFile(c.Pass.Fset, fc.Node().Pos()) {
			continue // a test calls a decision to test it, not to retry
		}
		for cur := range fc.Preorder((*ast.CallExpr)(nil)) {
			if fn := typesx.Callee(c.Pass.TypesInfo, cur.Node().(*ast.CallExpr)); fn != nil {
				out[fn] = append(out[fn], cur)
			}
		}
	}
	return out
}

// isUsed reports whether code of the package names fn in a way that can
// reach a re-send: calls it, passes it, stores it. A test that calls a
// decision outside any loop tests its answer and re-sends nothing
// (linodego's //nolint:unused conditions, called only by their tests).
func (c *retryChecker) isUsed(fn *types.Func) bool {
	for _, ref := range c.refsTo(fn) {
		if !c.testsAnswer(ref) {
			return true
		}
	}
	return false
}

// testsAnswer reports whether ref, a name of a function, is the callee of
// a call in a test file outside any loop.
func (c *retryChecker) testsAnswer(ref inspector.Cursor) bool {
	if !typesx.InTestFile(c.Pass.Fset, ref.Node().Pos()) {
		return false
	}
	call, ok := ref.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != ref.Node() {
		return false // handed on or stored: where it goes is not known here
	}
	for cur := range ref.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil)) {
		if _, lit := cur.Node().(*ast.FuncLit); !lit {
			return false
		}
	}
	return true
}

// refsTo returns where the package names fn, in source order.
func (c *retryChecker) refsTo(fn *types.Func) []inspector.Cursor {
	c.indexUses()
	if refs, ok := c.funcRefs[fn]; ok {
		return refs
	}
	var refs []inspector.Cursor
	ids := c.funcIdents[fn]
	for _, fc := range c.AllFiles {
		f := fc.Node().(*ast.File)
		var in []*ast.Ident
		for _, id := range ids {
			if f.FileStart <= id.Pos() && id.Pos() < f.FileEnd {
				in = append(in, id)
			}
		}
		slices.SortFunc(in, func(a, b *ast.Ident) int { return int(a.Pos() - b.Pos()) })
		for _, id := range in {
			if cur, ok := fc.FindByPos(id.Pos(), id.End()); ok && cur.Node() == id {
				refs = append(refs, cur)
			}
		}
	}
	c.funcRefs[fn] = refs
	return refs
}

// refsFrom returns the package's declared functions that fn's body names:
// each use of a declared function is an edge from the declaration around
// it, found by position.
func (c *retryChecker) refsFrom(fn *types.Func) []*types.Func {
	c.indexUses()
	return c.funcNames[fn]
}

// indexUses indexes, from the type checker's uses rather than a walk of
// every identifier, where the package names its functions (funcIdents) and
// which declared functions each declared function's body names
// (funcNames).
func (c *retryChecker) indexUses() {
	if c.funcIdents != nil {
		return
	}
	c.funcIdents = map[*types.Func][]*ast.Ident{}
	c.funcRefs = map[*types.Func][]inspector.Cursor{}
	c.funcNames = map[*types.Func][]*types.Func{}
	fns := typesx.SortedDecls(c.Decls)
	starts := make([]token.Pos, len(fns))
	for i, fn := range fns {
		starts[i] = c.Decls[fn].Pos()
	}
	for id, obj := range c.Pass.TypesInfo.Uses {
		f, ok := obj.(*types.Func)
		if !ok || f.Pkg() != c.Pass.Pkg {
			continue
		}
		f = f.Origin()
		c.funcIdents[f] = append(c.funcIdents[f], id)
		if c.Decls[f] == nil {
			continue
		}
		// The last declaration that starts before the use.
		i, _ := slices.BinarySearch(starts, id.Pos())
		if i == 0 {
			continue
		}
		from := fns[i-1]
		if body := c.Decls[from].Body; id.Pos() < body.Pos() || id.Pos() >= body.End() {
			continue
		}
		if !slices.Contains(c.funcNames[from], f) {
			c.funcNames[from] = append(c.funcNames[from], f)
		}
	}
}

// loopSends reports whether the loop sends a request in its body.
func (c *retryChecker) loopSends(loop ast.Node) bool {
	sends := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !sends {
			_, sends = c.sendKind(call)
		}
		return !sends
	})
	return sends
}

// answers reports whether a hook of signature sig can tell its caller how
// long to wait or whether to go on: one of its results is a bool, an
// integer (a time.Duration) or an error. A hook that only returns a
// value it was given, or a new one of it (a response rewriter), decides
// nothing.
func answers(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		t := v.Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsBoolean|types.IsInteger) != 0 {
			return true
		}
		if typesx.IsError(t) {
			return true
		}
	}
	return false
}

// handsHeaders reports whether call calls a function value (not a
// function the code names) with an argument a response's headers can be
// read from: a response, its http.Header, or a struct (or pointer to one)
// with such a field, such as an error that keeps them. The hook must
// answer (answers): one with no results is told of the response
// (huaweicloud's ResponseHandlers, a listener) and decides nothing about
// the re-send.
func (c *retryChecker) handsHeaders(call *ast.CallExpr) bool {
	info := c.Pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() {
		return false
	}
	if _, isBuiltin := typeutil.Callee(info, call).(*types.Builtin); isBuiltin {
		return false
	}
	sig, isSig := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !isSig || !answers(sig) {
		return false
	}
	carries := func(t types.Type) bool {
		if typesx.Is(t, knowledge.HTTPHeader) || status.IsResponseType(t) {
			return true
		}
		s := structOf(t)
		if s == nil || typesx.IsRequestPtr(t) || typesx.Is(t, knowledge.HTTPRequest) {
			return false // the request's headers are what was sent
		}
		for i := range s.NumFields() {
			if ft := s.Field(i).Type(); typesx.Is(ft, knowledge.HTTPHeader) || status.IsResponseType(ft) {
				return true
			}
		}
		return false
	}
	for _, a := range call.Args {
		if t := info.TypeOf(a); t != nil && carries(t) {
			return true
		}
	}
	return false
}

// structOf returns the struct t is, or points to; nil for anything else.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}
