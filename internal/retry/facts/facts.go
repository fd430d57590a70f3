// Package facts holds the facts the retry check exports about a package's
// functions and lists, for the retry loops, hooks and decisions of the
// packages that import it: what a function decides (Pred), sends and
// returns as an error (Err, TypedErr), repeats (Repeat, ListRepeat),
// hands to a retry library's hook (Hook), waits for (Wait), and what an
// error's method answers (ErrMethod) and a list holds (Codes). They are
// data: the check computes them.
package facts

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/statuslint/statuslint/internal/knowledge"
	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// ErrMethod marks a method of an error type, with no parameters and
// a bool result, that returns true for the statuses in Set of the status
// its receiver carries, by a test of that status. What it returns true
// for otherwise (a flag set where the error is made, a code in its body)
// is not counted: a caller's finding lists only the statuses sure to be
// decided.
type ErrMethod struct {
	Set codeset.Set
}

func (*ErrMethod) AFact() {}

func (f *ErrMethod) String() string { return "true for the receiver's statuses" + f.Set.String() }

// Err marks a function whose error result tells about the status: it
// is non-nil for the statuses in Errs (and, if Sends, when the request it
// sends gets no response). Sends is true for a function that sends a
// request (caddy's attemptHttpCall: Errs below 200 and above 499); false
// for one that checks a response it is given (a CheckResponse). Other
// packages' retry loops read it.
type Err struct {
	Sends bool
	Errs  codeset.Set
	// Types are, for the error types it makes itself, the statuses for
	// which its error is one of that type (go-github's CheckResponse
	// returns a *RateLimitError for a 403 only), by type.
	Types []TypedErr
	// List, if not 0, is the parameter List-1, a list of statuses, for
	// which the function returns no error: it returns one for the
	// statuses of Unless that a caller's list does not hold.
	List   int
	Unless codeset.Set
	// From, if not 0, makes the function a translator of its error
	// parameter From-1: its error carries the statuses of the error it is
	// given, of the types in Types for some of them.
	From int
}

// TypedErr is the statuses for which an error is of one concrete type,
// named with its package path (*example.com/sdk.RateLimitError).
type TypedErr struct {
	Type  string
	Codes codeset.Set
}

func (*Err) AFact() {}

func (f *Err) String() string {
	s := "errs" + f.Errs.String()
	if f.From > 0 {
		s = fmt.Sprintf("translates argument %d, ", f.From-1) + s
	}
	if f.List > 0 {
		s += fmt.Sprintf(", and%s unless argument %d lists them", f.Unless, f.List-1)
	}
	if f.Sends {
		s = "sends, " + s
	}
	for _, t := range f.Types {
		s += " " + t.Type + t.Codes.String()
	}
	return s
}

// equal reports whether two facts say the same.

// Repeat marks a retry helper: it calls its parameter Param, a
// function whose last result is an error, again while that error carries
// a status in Set. Waits says the helper reads Retry-After before it does.
// Sends says Param is itself the send, a function that returns the
// response (gcs's readerReopen(..., doDownload, ...), which runs
// doDownload under run and turns its statuses into errors): the helper
// sends it again for the response statuses in Set.
type Repeat struct {
	Param int
	Set   codeset.Set
	Waits bool
	Sends bool
	// Pred, if not 0, is the parameter Pred-1, a predicate over an error
	// (func(error) bool) that decides too: the helper calls Param again
	// while it holds for Param's error (go-containerregistry's
	// retry.Retry(f, p, backoff)); a caller's predicate then says which
	// statuses of Set go round.
	Pred int
	// Cond makes Param a condition, a function that returns whether it is
	// done and an error: the helper calls it again while it is not done
	// (wait.ExponentialBackoff). Set is then every status.
	Cond bool
	// Op makes Param an operation of a retry library's
	// (knowledge.Repeats), or handed on to one: what its own returns
	// decide goes round. An error it returns goes round unless Stop, the
	// library's "do not retry" marker, wraps it, or, with Only set,
	// unless Only wraps it. Set is then every status.
	Op         bool
	Stop, Only knowledge.Key
}

func (*Repeat) AFact() {}

func (f *Repeat) String() string {
	if f.Op {
		return fmt.Sprintf("runs operation %d again while it returns an error", f.Param)
	}
	if f.Cond {
		return fmt.Sprintf("calls argument %d again until it is done", f.Param)
	}
	if f.Pred > 0 {
		return fmt.Sprintf("calls argument %d again while argument %d holds for its error, for%s", f.Param, f.Pred-1, f.Set)
	}
	if f.Sends {
		return fmt.Sprintf("sends with argument %d again for%s", f.Param, f.Set)
	}
	return fmt.Sprintf("calls argument %d again for%s", f.Param, f.Set)
}

// Hook is a fact about a function that hands some of its parameters
// to a retry library's decision hook: a function given there is a retry
// decision of that library's client.
type Hook struct {
	Params []HookParam
}

// A HookParam is one parameter of a Hook's function and the hook it
// reaches.
type HookParam struct {
	Index int           // the parameter (a method's receiver is 0)
	Hook  knowledge.Key // the hook: a field, or a library's function (Call)
	Call  bool          // Hook is a function the decision is given to, not a field
	Waits bool          // every client the package gives it to waits as Retry-After says
}

func (*Hook) AFact() {}

func (f *Hook) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("parameter %d to %s.%s", p.Index, p.Hook.Recv, p.Hook.Name))
	}
	return "hands " + strings.Join(parts, ", ")
}

// ListRepeat is a fact about a function whose list parameter decides
// which statuses a retry loop re-sends: those of Set the caller lists.
type ListRepeat struct {
	Param  int         // the list parameter (a method's receiver is 0)
	Set    codeset.Set // the statuses re-sent when the list holds them
	Waited codeset.Set // the statuses it waits for Retry-After on
	Send   string      // where the loop re-sends, "file:line", for the message
}

func (*ListRepeat) AFact() {}

func (f *ListRepeat) String() string {
	return fmt.Sprintf("re-sends at %s what argument %d lists of%s", f.Send, f.Param, f.Set)
}

// Pred marks a retry decision: a function that returns true (its
// result Result) exactly for the status codes in Set of its argument Arg,
// a status or a response. Other packages' retry loops and hooks read it.
type Pred struct {
	Arg int
	Set codeset.Set
	// Waited are the codes of Set retried only after Retry-After: those a
	// library's policy decides, where the library's backoff waits for it.
	Waited codeset.Set
	// List, if not 0, makes the function a membership test: true exactly
	// for the statuses of its parameter List-1, a list (Set is empty).
	List int
	// OfErr makes Arg an error: the decision is true for the statuses in
	// Set of the status the error carries (gcs's ShouldRetry, through a
	// *googleapi.Error's Code), whatever else makes it true.
	OfErr bool
	// Result is the index of the boolean result that decides: 0, or the
	// one bool among several results (datadog's shouldRetryRequest
	// returns the delay and then whether to retry).
	Result int
	// Method, with OfErr, makes the decision also true where the
	// error's method of that name is (go-containerregistry's
	// IsTemporary asks Temporary()): for the error's types, their
	// methods say for which statuses (ErrMethod).
	Method string
}

func (*Pred) AFact() {}

func (f *Pred) String() string {
	if f.List > 0 {
		return fmt.Sprintf("retries the statuses of argument %d", f.List-1)
	}
	if f.OfErr && f.Method != "" {
		return fmt.Sprintf("retries the error of argument %d for%s and where its %s() is true", f.Arg, f.Set, f.Method)
	}
	if f.OfErr {
		return fmt.Sprintf("retries the error of argument %d for%s", f.Arg, f.Set)
	}
	return "retries" + f.Set.String()
}

// Wait marks a function that reads a response's Retry-After, itself
// or through the functions of its package it calls: one given the
// response (azcore's shared.RetryAfter(resp)), or a sender whose error
// tells the status and carries the wait (slack-go's
// StartSocketModeContext, whose RateLimitedError holds it). A loop of
// another package that calls it waits for it.
type Wait struct{}

func (*Wait) AFact() {}

func (*Wait) String() string { return "readsRetryAfter" }

// Codes is a fact about an exported package-level list of statuses
// (go-autorest's StatusCodesForRetry): the codes it is given where it is
// declared, for the lists other packages hand on
// (autorest.StatusCodesForRetry...).
type Codes struct {
	Set codeset.Set
}

func (*Codes) AFact() {}

func (f *Codes) String() string { return "codes" + f.Set.String() }

// Equal reports whether f and g say the same.
func (f Err) Equal(g Err) bool {
	return f.Sends == g.Sends && f.Errs == g.Errs && f.From == g.From && f.List == g.List && f.Unless == g.Unless && slices.Equal(f.Types, g.Types)
}

// TypeCodes returns the statuses for which an error of the fact's is of
// the type key names (TypedErr's Type), and whether the fact knows them.
func (f Err) TypeCodes(key string) (codeset.Set, bool) {
	for _, te := range f.Types {
		if te.Type == key {
			return te.Codes, true
		}
	}
	return codeset.Set{}, false
}

// TypesFor returns the fact's types for the statuses codes only: each
// with the statuses of codes it holds, those with none left out (a
// translator's or a list check's error at a call that narrows them).
func (f Err) TypesFor(codes codeset.Set) []TypedErr {
	var out []TypedErr
	for _, te := range f.Types {
		if c := te.Codes.And(codes); !c.Empty() {
			out = append(out, TypedErr{Type: te.Type, Codes: c})
		}
	}
	return out
}

// TypeKey names an error type as facts do, aliases resolved: anthropic's
// *anthropic.Error is the *apierror.Error its requests make.
func TypeKey(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return "*" + types.TypeString(types.Unalias(p.Elem()), nil)
	}
	return types.TypeString(t, nil)
}
