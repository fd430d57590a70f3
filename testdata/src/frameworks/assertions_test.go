package frameworks

import (
	"net/http"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/matryer/is"
	. "github.com/onsi/gomega"
	"gotest.tools/v3/assert"
)

// AssertEqual is a project's own assertion helper, as fiber has.
func AssertEqual(tb testing.TB, expected, actual any, description ...string) {}

// A constant compared with a status through an assertion helper is a
// status.
func TestAssertions(t *testing.T) {
	var resp *http.Response
	// Name rule equality-helper: positive: a helper named for equality.
	AssertEqual(t, 200, resp.StatusCode)                   // want `raw status code 200 in comparison with resp.StatusCode: use http.StatusOK`
	AssertEqual(t, resp.StatusCode, 404, "not found", "x") // want `raw status code 404 in comparison with resp.StatusCode: use http.StatusNotFound`
	assert.Equal(t, resp.StatusCode, 201)                  // want `raw status code 201 in comparison with resp.StatusCode: use http.StatusCreated`
	is.New(t).Equal(resp.StatusCode, 302)                  // want `raw status code 302 in comparison with resp.StatusCode: use http.StatusFound`
	qt.Assert(t, resp.StatusCode, qt.Equals, 400)          // want `raw status code 400 in comparison with resp.StatusCode: use http.StatusBadRequest`
	qt.New(t).Assert(resp.StatusCode, qt.Equals, 409)      // want `raw status code 409 in comparison with resp.StatusCode: use http.StatusConflict`
	Expect(resp.StatusCode).To(Equal(500))                 // want `raw status code 500 in comparison with resp.StatusCode: use http.StatusInternalServerError`
	Ω(resp.StatusCode).ShouldNot(BeEquivalentTo(503))      // want `raw status code 503 in comparison with resp.StatusCode: use http.StatusServiceUnavailable`

	// Not statuses: counts beside a status, other assertions, other
	// helpers.
	AssertEqual(t, 3, len(resp.Header))
	assert.Equal(t, resp.StatusCode, http.StatusOK, "after %d tries", 3)
	Expect(len(resp.Header)).To(Equal(2))
	Expect(resp.StatusCode).To(BeNumerically(">=", 500))
	qt.Assert(t, len(resp.Header), qt.Equals, 1)
	// Name rule equality-helper: negative: a helper of another name.
	logPair(t, 200, resp.StatusCode)
}

func logPair(t *testing.T, a, b int) {}
