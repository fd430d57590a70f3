package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

const (
	retryablehttpPath = "github.com/hashicorp/go-retryablehttp"
	restyV2Path       = "github.com/go-resty/resty/v2"
	restyV3Path       = "resty.dev/v3"
	backoffV4Path     = "github.com/cenkalti/backoff/v4"
	backoffV5Path     = "github.com/cenkalti/backoff/v5"
	retryGoPath       = "github.com/avast/retry-go/v4"
	goRetryPath       = "github.com/sethvargo/go-retry"
	retryPolicyPath   = "github.com/failsafe-go/failsafe-go/retrypolicy"
	sdkInvokerPath    = "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/invoker"
)

// hookKind says how a retry library uses a function it is given.
type hookKind uint8

const (
	// hookPredicate: a function returning true to retry, given the
	// response (or, errStatus, an error carrying the status).
	hookPredicate hookKind = iota
	// hookOperation: an operation retried when it returns an error other
	// than the library's stop marker.
	hookOperation
)

// retryHook is one retry library entry point: its function-valued
// arguments and how the library treats them.
type retryHook struct {
	args []int // -1: every argument from the first function on
	kind hookKind
	errs errKind
	// stop, for operations, is the library's marker for "do not retry";
	// only, if set, is the only marker that retries.
	stop, only string
}

// retryHooks are keyed by package path, receiver type ("" for functions)
// and name, all matched by type.
var retryHooks = map[[3]string]retryHook{
	{restyV2Path, "Client", "AddRetryCondition"}:       {args: []int{0}, kind: hookPredicate, errs: errTransport},
	{restyV2Path, "Request", "AddRetryCondition"}:      {args: []int{0}, kind: hookPredicate, errs: errTransport},
	{restyV3Path, "Client", "AddRetryConditions"}:      {args: []int{-1}, kind: hookPredicate, errs: errTransport},
	{restyV3Path, "Client", "SetRetryConditions"}:      {args: []int{-1}, kind: hookPredicate, errs: errTransport},
	{restyV3Path, "Request", "AddRetryConditions"}:     {args: []int{-1}, kind: hookPredicate, errs: errTransport},
	{restyV3Path, "Request", "SetRetryConditions"}:     {args: []int{-1}, kind: hookPredicate, errs: errTransport},
	{retryPolicyPath, "Builder", "HandleIf"}:           {args: []int{0}, kind: hookPredicate, errs: errTransport},
	{sdkInvokerPath, "BaseInvoker", "WithRetry"}:       {args: []int{1}, kind: hookPredicate, errs: errStatus},
	{backoffV4Path, "", "Retry"}:                       {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV4Path, "", "RetryNotify"}:                 {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV4Path, "", "RetryWithData"}:               {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV4Path, "", "RetryNotifyWithData"}:         {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV4Path, "", "RetryNotifyWithTimer"}:        {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV4Path, "", "RetryNotifyWithTimerAndData"}: {args: []int{0}, kind: hookOperation, stop: "Permanent"},
	{backoffV5Path, "", "Retry"}:                       {args: []int{1}, kind: hookOperation, stop: "Permanent"},
	{retryGoPath, "", "Do"}:                            {args: []int{0}, kind: hookOperation, stop: "Unrecoverable"},
	{retryGoPath, "", "DoWithData"}:                    {args: []int{0}, kind: hookOperation, stop: "Unrecoverable"},
	{goRetryPath, "", "Do"}:                            {args: []int{2}, kind: hookOperation, only: "RetryableError"},
	{goRetryPath, "", "DoValue"}:                       {args: []int{2}, kind: hookOperation, only: "RetryableError"},
}

// retryHook checks the calls of retry libraries: the conditions and
// operations they are given, and the policies they retry by default.
func (c *retryChecker) retryHook(cur inspector.Cursor, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	path, recv := fn.Pkg().Path(), ""
	if r := fn.Signature().Recv(); r != nil {
		recv = recvName(r.Type())
	}
	switch {
	case path == restyV2Path && fn.Name() == "AddRetryAfterErrorCondition":
		c.reportRetries([]frag{{set: codeRange(400, 999), at: call}}, nil, true, " (AddRetryAfterErrorCondition retries every status above 399)")
		return
	case path == retryablehttpPath && fn.Name() == "NewClient" && recv == "":
		if fd := enclosingFunc(cur); fd == nil || !setsCheckRetry(fd.Body) {
			// Its default backoff honours Retry-After, so only the never
			// codes are at fault.
			c.reportRetries([]frag{{set: retryablehttpDefault, at: call}}, nil, true, " (retryablehttp.NewClient's default CheckRetry retries every 5xx but 501; set CheckRetry)")
		}
		return
	}
	hook, ok := retryHooks[[3]string{path, recv, fn.Name()}]
	if !ok {
		// A method promoted from an embedded interface (failsafe-go's
		// builders) is known by the type it is called on.
		if path, recv, ok = c.selectionRecv(call); ok {
			hook, ok = retryHooks[[3]string{path, recv, fn.Name()}]
		}
		if !ok {
			return
		}
	}
	if hook.stop == "Unrecoverable" && c.hasRetryIf(call) {
		return // the RetryIf option decides, from the error alone
	}
	var args []ast.Expr
	for _, i := range hook.args {
		switch {
		case i < 0:
			args = call.Args
		case i < len(call.Args):
			args = append(args, call.Args[i])
		}
	}
	for _, a := range args {
		c.checkHookFunc(a, hook, call)
	}
}

// selectionRecv returns the package and name of the type a method is
// called on.
func (c *retryChecker) selectionRecv(call *ast.CallExpr) (string, string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", "", false
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	if !ok {
		return "", "", false
	}
	return typePathName(s.Recv())
}

// checkHookFunc checks one function given to a retry library.
func (c *retryChecker) checkHookFunc(arg ast.Expr, hook retryHook, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	switch f := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		if hook.kind == hookPredicate {
			ev, _ := c.evalPredicate(f.Type, f.Body, hook.errs)
			c.reportRetries(ev.edges, nil, mentionsRetryAfter(f.Body), "")
			return
		}
		c.checkOperation(f, hook, call)
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		var id *ast.Ident
		switch f := f.(type) {
		case *ast.Ident:
			id = f
		case *ast.SelectorExpr:
			id = f.Sel
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || hook.kind != hookPredicate {
			return
		}
		if fn.Pkg() == c.pass.Pkg && retryName().MatchString(fn.Name()) {
			return // reported where it is declared, on its conditions
		}
		if p, ok := c.predicate(fn); ok {
			// retryablehttp's own policies come with a backoff that
			// honours Retry-After.
			waits := fn.Pkg() != nil && fn.Pkg().Path() == retryablehttpPath
			c.reportRetries([]frag{{set: p.Set, at: arg}}, nil, waits, fmt.Sprintf(" (through %s)", fn.Name()))
		}
	}
}

// checkOperation checks an operation a retry library re-runs while it
// returns a retryable error.
func (c *retryChecker) checkOperation(lit *ast.FuncLit, hook retryHook, call *ast.CallExpr) {
	i, send, kind := c.findSend(lit.Body.List)
	if send == nil {
		return
	}
	ev := &evaluator{c: c, errs: c.sendErrs(lit.Body.List[i], send, kind)}
	info := c.pass.TypesInfo
	fl := &flow{ev: ev, mode: modeOperation}
	fl.retried = func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if info.Types[e].IsNil() {
			return false
		}
		if call, ok := e.(*ast.CallExpr); ok {
			name := calleeName(call)
			if fn, ok := info.Uses[name].(*types.Func); ok && fn.Pkg() != nil {
				if hook.only != "" {
					return fn.Name() == hook.only
				}
				if fn.Name() == hook.stop {
					return false
				}
			}
		}
		if hook.only != "" {
			return false
		}
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && ev.errs[v] == errTransport {
				return false // nil whenever there is a response
			}
		}
		return true
	}
	fl.stmts(lit.Body.List[i:], []frag{{set: allCodes}}, nil)
	c.reportRetries(fl.edges, call, mentionsRetryAfter(lit.Body), "")
}

// hasRetryIf reports whether a retry-go call is given a RetryIf option.
func (c *retryChecker) hasRetryIf(call *ast.CallExpr) bool {
	for _, a := range call.Args[1:] {
		if opt, ok := a.(*ast.CallExpr); ok {
			if fn, ok := c.pass.TypesInfo.Uses[calleeName(opt)].(*types.Func); ok && fn.Name() == "RetryIf" {
				return true
			}
		}
	}
	return false
}

// retryFieldAssign checks client.CheckRetry = policy on a retryablehttp
// client.
func (c *retryChecker) retryFieldAssign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		if i < len(as.Rhs) && c.isCheckRetryField(lhs) {
			c.checkHookFunc(as.Rhs[i], retryHook{kind: hookPredicate, errs: errTransport}, nil)
		}
	}
}

// retryClientLit checks retryablehttp.Client{CheckRetry: policy}.
func (c *retryChecker) retryClientLit(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && isCheckRetryObj(c.pass.TypesInfo.Uses[key]) {
			c.checkHookFunc(kv.Value, retryHook{kind: hookPredicate, errs: errTransport}, nil)
		}
	}
}

func (c *retryChecker) isCheckRetryField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && isCheckRetryObj(c.pass.TypesInfo.Uses[sel.Sel])
}

func isCheckRetryObj(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.IsField() && v.Name() == "CheckRetry" && v.Pkg() != nil && v.Pkg().Path() == retryablehttpPath
}

// setsCheckRetry reports whether body sets a retryablehttp CheckRetry.
func setsCheckRetry(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			found = found || n.Sel.Name == "CheckRetry"
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && id.Name == "CheckRetry" {
				found = true
			}
		}
		return !found
	})
	return found
}
