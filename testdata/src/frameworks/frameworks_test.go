package frameworks

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	assert.Equal(t, 200, rec.Code)                       // want `raw status code 200 in comparison with rec.Code: use http.StatusOK`
	assert.EqualValues(t, rec.Result().StatusCode, 201)  // want `raw status code 201 in comparison with rec.Result\(\).StatusCode: use http.StatusCreated`
	assert.NotEqual(t, 500, rec.Code)                    // want `raw status code 500 in comparison with rec.Code: use http.StatusInternalServerError`
	require.Equal(t, 404, rec.Code)                      // want `raw status code 404 in comparison with rec.Code: use http.StatusNotFound`
	assert.New(t).Equal(204, rec.Code)                   // want `raw status code 204 in comparison with rec.Code: use http.StatusNoContent`
	assert.HTTPStatusCode(t, nil, "GET", "/", nil, 200)  // want `raw status code 200 in assert.HTTPStatusCode: use http.StatusOK`
	require.HTTPStatusCode(t, nil, "GET", "/", nil, 405) // want `raw status code 405 in require.HTTPStatusCode: use http.StatusMethodNotAllowed`

	// Not statuses.
	assert.Equal(t, 200, len("x"))
	assert.Equal(t, http.StatusOK, rec.Code)
}
