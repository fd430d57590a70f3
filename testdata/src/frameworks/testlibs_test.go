package frameworks

import (
	"net/http"
	"testing"

	"github.com/gavv/httpexpect/v2"
	"github.com/h2non/gock"
	"github.com/jarcoal/httpmock"
	"github.com/steinfletcher/apitest"
)

// The HTTP test libraries: the statuses their mocks answer with and those
// their expectations check are statuses.
func TestMocks(t *testing.T) {
	httpmock.Activate()
	defer httpmock.DeactivateAndReset()
	httpmock.RegisterResponder("GET", "https://api.example.com/items", httpmock.NewStringResponder(500, "")) // want `raw status code 500 in httpmock.NewStringResponder: use http.StatusInternalServerError`
	resp, _ := httpmock.NewJsonResponse(401, map[string]string{"error": "no"})                               // want `raw status code 401 in httpmock.NewJsonResponse: use http.StatusUnauthorized`
	_ = resp
	_ = httpmock.NewBytesResponder(http.StatusOK, nil)
	_ = httpmock.NewJsonResponderOrPanic(http.StatusNotFound, nil)

	defer gock.Off()
	gock.New("https://api.example.com").Get("/items").Reply(200).JSON(map[string]string{})   // want `raw status code 200 in Reply: use http.StatusOK`
	gock.New("https://api.example.com").Post("/items").Reply(http.StatusCreated).Status(409) // want `raw status code 409 in Status: use http.StatusConflict`
}

func expectations(t *testing.T, e *httpexpect.Expect) {
	e.GET("/items").Expect().Status(200) // want `raw status code 200 in Status: use http.StatusOK`
	e.GET("/items/1").Expect().Status(http.StatusNotFound)
	e.GET("/items/2").Expect().StatusList(200, http.StatusNotFound) // want `raw status code 200 in StatusList: use http.StatusOK`

	apitest.New().
		Mocks(apitest.NewMock().Get("https://users.example.com/1").RespondWith().Status(503).End()). // want `raw status code 503 in Status: use http.StatusServiceUnavailable`
		Handler(http.NotFoundHandler()).
		Get("/user/1").
		Expect(t).
		Status(404). // want `raw status code 404 in Status: use http.StatusNotFound`
		End()
}
