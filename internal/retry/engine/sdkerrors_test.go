package engine

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/statuslint/statuslint/internal/retry/codeset"
	"github.com/statuslint/statuslint/internal/testenv"
	"github.com/statuslint/statuslint/internal/values"
)

// sdkErrorsSrc retries on what an SDK's error says: the SDK's call
// (Send) has no fact, but its error carries the status for every status
// from 400 on, as the check says of an SDK's generated calls.
const sdkErrorsSrc = `package p

import (
	"errors"

	smithyhttp "github.com/aws/smithy-go/transport/http"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
)

type client struct{}

func (client) Send() (int, error) { return 0, nil }

var c client

// 429: errors.As finds the SDK's status-carrying error, whose status
// method says which.
func throttled() {
	for {
		_, err := c.Send()
		var se *smithyhttp.ResponseError
		if errors.As(err, &se) && se.HTTPStatusCode() == 429 {
			continue
		}
		return
	}
}

// 503: apierrors' test of the status the error carries.
func unavailable() {
	for {
		_, err := c.Send()
		if apierrors.IsServiceUnavailable(err) {
			continue
		}
		return
	}
}

type otherError struct{ reason string }

func (e *otherError) Error() string { return e.reason }

// Nothing it can read: an error type that carries no status says
// nothing of which statuses go round.
func otherType() {
	for {
		_, err := c.Send()
		var oe *otherError
		if errors.As(err, &oe) && oe.reason == "busy" {
			continue
		}
		return
	}
}
`

const smithyStub = `package http

type ResponseError struct{ Response any }

func (e *ResponseError) Error() string { return "" }

func (e *ResponseError) HTTPStatusCode() int { return 0 }
`

const apierrorsStub = `package errors

func IsServiceUnavailable(err error) bool { return false }
`

func TestResentSDKErrors(t *testing.T) {
	fset, pkg, f, info := testenv.TypeCheck(t, sdkErrorsSrc,
		testenv.Stub{Path: "github.com/aws/smithy-go/transport/http", Src: smithyStub},
		testenv.Stub{Path: "k8s.io/apimachinery/pkg/api/errors", Src: apierrorsStub})
	sp := values.BuildFiles(fset, pkg, []*ast.File{f}, info, nil)
	errs := codeset.Range(400, 999)
	for _, c := range []struct {
		fn       string
		want     codeset.Set
		answered bool
	}{
		{"throttled", codeset.Single(429), true},
		{"unavailable", codeset.Single(503), true},
		{"otherType", codeset.Set{}, false},
	} {
		var send *ssa.Call
		for _, b := range sp.Func(c.fn).Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == "Send" {
					send = call
				}
			}
		}
		if send == nil {
			t.Fatalf("%s: no send", c.fn)
		}
		got, complete := Resent(send, errs, stubKnown{})
		_, answered := Resends(send, errs, stubKnown{})
		if got != c.want || !complete || answered != c.answered {
			t.Errorf("%s: re-sends %v (every path: %v, answered alone: %v), want %v (answered alone: %v)", c.fn, got, complete, answered, c.want, c.answered)
		}
	}
}
