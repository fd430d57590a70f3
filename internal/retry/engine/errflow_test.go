package engine

import (
	"testing"

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
