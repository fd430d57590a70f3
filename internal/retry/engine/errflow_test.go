package engine

import (
	"go/token"
	"go/types"
	"maps"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
)

// sentSrc sends once in each function; each comment says for which
// statuses the function's error is not nil.
const sentSrc = `package p

import (
	"errors"
	"fmt"
	"net/http"
)

var c = &http.Client{}

type apiError struct{ code int }

func (e *apiError) Error() string { return "" }

func decode(resp *http.Response) error { return nil }

// None: the send's error carries no status.
func plain(req *http.Request) error {
	_, err := c.Do(req)
	return err
}

// All but 200.
func checked(req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// 404 and 503, as an *apiError.
func typed(req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == 404 || resp.StatusCode == 503 {
		return &apiError{resp.StatusCode}
	}
	return nil
}

// None: the error is the body's decode's, whatever the status.
func decoded(req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == 204 {
		return nil
	}
	if err := decode(resp); err != nil {
		return errors.New("decoding")
	}
	return nil
}

// 503, once the attempts run out.
func retried(req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != 503 {
			return nil
		}
	}
	return errors.New("gave up")
}
`

func TestSentErrors(t *testing.T) {
	sp := loadSSA(t, sentSrc)
	for _, c := range []struct {
		fn    string
		want  codeset.Set
		typed string
	}{
		{"plain", codeset.Set{}, ""},
		{"checked", codeset.All.And(codeset.Single(200).Not()), ""},
		{"typed", codeset.Single(404).Or(codeset.Single(503)), "*p.apiError"},
		{"decoded", codeset.Set{}, ""},
		{"retried", codeset.Single(503), ""},
	} {
		f, ok := SentErrors(sendIn(t, sp.Func(c.fn)), codeset.Set{}, stubKnown{})
		if !ok || f.Errs != c.want {
			t.Errorf("%s: errors for %v (ok %v), want %v", c.fn, f.Errs, ok, c.want)
		}
		if c.typed != "" && (len(f.Types) != 1 || f.Types[0].Type != c.typed || f.Types[0].Codes != c.want) {
			t.Errorf("%s: types %v, want %s for %v", c.fn, f.Types, c.typed, c.want)
		}
	}
}

// checkSrc holds checks and translators, read alone (Checked); each
// comment says for which statuses the function's error is not nil.
const checkSrc = `package p

import (
	"errors"
	"net/http"
)

type apiError struct{ Code int }

func (e *apiError) Error() string { return "" }

type rateError struct{}

func (e *rateError) Error() string { return "" }

// 400 and up, as an *apiError (a check of a response).
func checkResp(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return &apiError{resp.StatusCode}
	}
	return nil
}

// 404 (a check of a status).
func checkCode(status int) error {
	if status == 404 {
		return errors.New("not found")
	}
	return nil
}

// 403, whatever its header says, and 500 and up (go-github's
// CheckResponse: a test of a header is not a step's failure).
func checkHeader(resp *http.Response) error {
	if resp.StatusCode == 403 && resp.Header.Get("X-RateLimit-Remaining") == "0" {
		return &rateError{}
	}
	if resp.StatusCode == 403 || resp.StatusCode >= 500 {
		return errors.New(resp.Status)
	}
	return nil
}

// None: the body's decode fails, whatever the status.
func checkBody(resp *http.Response) error {
	var v struct{}
	if err := decode(resp, &v); err != nil {
		return errors.New("decoding")
	}
	return nil
}

func decode(resp *http.Response, v any) error { return nil }

// Every status it is given an error for, as a *rateError for 429 (a
// translator: dropbox's auth.ParseError).
func translate(err error) error {
	var ae *apiError
	if errors.As(err, &ae) && ae.Code == 429 {
		return &rateError{}
	}
	return err
}
`

func TestChecked(t *testing.T) {
	sp := loadSSA(t, checkSrc)
	param := func(fn *ssa.Function) ssa.Value { return fn.Params[0] }
	for _, c := range []struct {
		fn      string
		given   func(*ssa.Function) Given
		errs    codeset.Set
		want    codeset.Set
		typed   map[string]codeset.Set
		touched bool
	}{
		{"checkResp", func(f *ssa.Function) Given { return Given{Resp: param(f)} }, codeset.Set{}, codeset.Relation(token.GEQ, 400), map[string]codeset.Set{"*p.apiError": codeset.Relation(token.GEQ, 400)}, true},
		{"checkCode", func(f *ssa.Function) Given { return Given{Status: param(f)} }, codeset.Set{}, codeset.Single(404), nil, true},
		{"checkHeader", func(f *ssa.Function) Given { return Given{Resp: param(f)} }, codeset.Set{}, codeset.Single(403).Or(codeset.Relation(token.GEQ, 500)), map[string]codeset.Set{"*p.rateError": codeset.Single(403)}, true},
		{"checkBody", func(f *ssa.Function) Given { return Given{Resp: param(f)} }, codeset.Set{}, codeset.Set{}, nil, false},
		{"translate", func(f *ssa.Function) Given { return Given{Err: param(f)} }, codeset.All, codeset.All, map[string]codeset.Set{"*p.rateError": codeset.Single(429)}, true},
	} {
		fn := sp.Func(c.fn)
		f, touched, ok := Checked(fn, c.given(fn), c.errs, stubKnown{})
		if !ok || f.Errs != c.want || touched != c.touched {
			t.Errorf("%s: errors for %v (touched %v, ok %v), want %v (touched %v)", c.fn, f.Errs, touched, ok, c.want, c.touched)
		}
		got := map[string]codeset.Set{}
		for _, te := range f.Types {
			got[te.Type] = te.Codes
		}
		if len(c.typed) > 0 && !maps.Equal(got, c.typed) {
			t.Errorf("%s: types %v, want %v", c.fn, got, c.typed)
		}
	}
}

// listKnown is stubKnown with the list codes bound to what it holds.
type listKnown struct {
	stubKnown
	codes codeset.Set
}

func (k listKnown) ListOf(v *types.Var) (codeset.Set, bool) {
	if v.Name() == "codes" {
		return k.codes, true
	}
	return k.stubKnown.ListOf(v)
}

// A check given the statuses it accepts (go-containerregistry's
// CheckError): its error is not nil for every status outside the list,
// whatever the list holds.
func TestCheckedList(t *testing.T) {
	sp := loadSSA(t, `package p

import "net/http"

type apiError struct{ Code int }

func (e *apiError) Error() string { return "" }

func makeError(resp *http.Response) *apiError { return &apiError{resp.StatusCode} }

func checkList(resp *http.Response, codes ...int) error {
	for _, code := range codes {
		if resp.StatusCode == code {
			return nil
		}
	}
	return makeError(resp)
}
`)
	fn := sp.Func("checkList")
	for _, c := range []struct {
		codes, want codeset.Set
	}{
		{codeset.Set{}, codeset.All},
		{codeset.All, codeset.Set{}},
		{codeset.Single(200), codeset.All.And(codeset.Single(200).Not())},
	} {
		f, _, ok := Checked(fn, Given{Resp: fn.Params[0]}, codeset.Set{}, listKnown{codes: c.codes})
		if !ok || f.Errs != c.want {
			t.Errorf("codes %v: errors for %v (ok %v), want %v", c.codes, f.Errs, ok, c.want)
		}
	}
}

// Functions whose only result is an error, each comment saying whether
// every return makes one (NeverNil).
const neverNilSrc = `package p

import (
	"errors"
	"net/http"
)

type apiError struct{ Code int }

func (e *apiError) Error() string { return "" }

var errGone = errors.New("gone")

func read(resp *http.Response) error { return nil }

// Yes: made on every path.
func made(resp *http.Response) error {
	if resp.StatusCode == 404 {
		return errGone
	}
	return &apiError{resp.StatusCode}
}

// Yes: the read's error where it is not nil, else one made.
func readOrMade(resp *http.Response) error {
	if err := read(resp); err != nil {
		return err
	}
	return errors.New("failed")
}

// Yes: by a function that makes one.
func byMade(resp *http.Response) error {
	return made(resp)
}

// No: the read's error, nil or not.
func handed(resp *http.Response) error {
	err := read(resp)
	return err
}

// No: nil on one path.
func sometimes(resp *http.Response) error {
	if resp.StatusCode < 400 {
		return nil
	}
	return &apiError{resp.StatusCode}
}
`

func TestNeverNil(t *testing.T) {
	sp := loadSSA(t, neverNilSrc)
	var never func(fn *types.Func) bool
	never = func(fn *types.Func) bool {
		f := sp.Func(fn.Name())
		return f != nil && NeverNil(f, never)
	}
	for name, want := range map[string]bool{"made": true, "readOrMade": true, "byMade": true, "handed": false, "sometimes": false} {
		if got := NeverNil(sp.Func(name), never); got != want {
			t.Errorf("%s: never nil %v, want %v", name, got, want)
		}
	}
}

func TestMadeErrTypes(t *testing.T) {
	sp := loadSSA(t, neverNilSrc)
	for name, want := range map[string]string{"made": "*p.apiError", "sometimes": "*p.apiError", "readOrMade": "", "handed": ""} {
		got := MadeErrTypes(sp.Func(name))
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%s: types %v, want none", name, got)
		case want != "" && (len(got) != 1 || got[0].Type != want || got[0].Codes != codeset.All):
			t.Errorf("%s: types %v, want %s for every status", name, got, want)
		}
	}
}
