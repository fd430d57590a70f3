// Package swaggerapp configures the handlers of a go-swagger generated
// API: each is checked against its operation, by the responders it
// returns and by what the generated binder rejects a request with.
package swaggerapp

import (
	"net/http"

	"github.com/go-openapi/runtime"
	"github.com/go-openapi/runtime/middleware"

	"routes/swaggerhandlers"
	"routes/swaggerops"
)

// API is the generated API's handler fields.
type API struct {
	GetSilenceHandler    swaggerops.GetSilenceHandler
	DeleteSilenceHandler swaggerops.DeleteSilenceHandler
	GetStatusHandler     swaggerops.GetStatusHandler
	PostSilencesHandler  swaggerops.PostSilencesHandler
}

type server struct{ found map[string]bool }

// Configure sets the API's handlers.
func Configure(api *API, s *server) {
	// Positive: GET /silence/{silenceID} answers 422 for an ID that is
	// not a UUID, which it does not document.
	api.GetSilenceHandler = swaggerops.GetSilenceHandlerFunc(s.getSilence) // want `status 422 \(Unprocessable Entity\), which go-openapi answers before the handler runs when the generated binder rejects the request \(errors.InvalidType, ops.go:\d+\), is not documented for GET /api/v2/silence/\{silenceID\}`
	// Negative: DELETE documents 422; what the literal returns is
	// checked.
	api.DeleteSilenceHandler = swaggerops.DeleteSilenceHandlerFunc(func(params swaggerops.DeleteSilenceParams) middleware.Responder {
		if params.SilenceID == "conflict" {
			// Positive: a responder of the status it is given.
			return middleware.Error(http.StatusConflict, "in use") // want `status 409 \(Conflict\) in middleware.Error is not documented for DELETE /api/v2/silence/\{silenceID\}`
		}
		if params.SilenceID == "teapot" {
			return teapot{} // want `status 418 \(I'm a teapot\), which the responder teapot returned here writes \(app.go:\d+\), is not documented for DELETE /api/v2/silence/\{silenceID\}`
		}
		return swaggerops.NewDeleteSilenceUnprocessableEntity()
	})
	// A type of the project's that implements the handler interface.
	api.GetStatusHandler = statusHandler{}
	// Positive: a handler of another package, by its fact; and the
	// body's model rejects a body without a comment (422, the model's
	// Validate, in another package), the binder one that does not parse
	// (400): one finding per status.
	api.PostSilencesHandler = swaggerops.PostSilencesHandlerFunc(swaggerhandlers.PostSilences) // want `status 422 \(Unprocessable Entity\), which go-openapi answers .* \(validate.RequiredString, models.go:\d+\), is not documented for POST /api/v2/silences` `status 400 \(Bad Request\), which go-openapi answers .* \(errors.NewParseError, ops.go:\d+\), is not documented for POST /api/v2/silences` `status 404 \(Not Found\), which PostSilences answers by returning a responder that writes it \(handlers.go:\d+ calling ops.go:\d+\), is not documented for POST /api/v2/silences` `status 418 \(I'm a teapot\) written by swaggerhandlers.PostSilences \(handlers.go:\d+\) is not documented for POST /api/v2/silences`
	// Negative: a conversion to a function type of no operation.
	_ = http.HandlerFunc(s.serve)
}

func (s *server) getSilence(params swaggerops.GetSilenceParams) middleware.Responder {
	if !s.found[params.SilenceID] {
		// Negative: 404 is documented.
		return swaggerops.NewGetSilenceNotFound()
	}
	if params.SilenceID == "" {
		// Positive: another operation's responder, writing 422.
		return swaggerops.NewDeleteSilenceUnprocessableEntity() // want `status 422 \(Unprocessable Entity\), which the responder \*swaggerops.DeleteSilenceUnprocessableEntity returned here writes \(ops.go:\d+\), is not documented for GET /api/v2/silence/\{silenceID\}`
	}
	if params.HTTPRequest == nil {
		// Positive: a responder of the status it is given writes it.
		return swaggerops.NewGetSilenceDefault(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in NewGetSilenceDefault is not documented for GET /api/v2/silence/\{silenceID\}`
	}
	var r middleware.Responder = swaggerops.NewGetSilenceOK()
	// Negative: a responder returned as the interface says nothing.
	return r
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {}

type statusHandler struct{}

// Handle answers GET /status; its parameters bind nothing that can fail.
func (statusHandler) Handle(params swaggerops.GetStatusParams) middleware.Responder {
	return swaggerops.NewGetSilenceNotFound() // want `status 404 \(Not Found\), which the responder \*swaggerops.GetSilenceNotFound returned here writes \(ops.go:\d+\), is not documented for GET /api/v2/status`
}

type teapot struct{}

func (teapot) WriteResponse(rw http.ResponseWriter, p runtime.Producer) {
	rw.WriteHeader(http.StatusTeapot)
}

// routes is a table of handlers by method and path, as go-swagger's
// generated API keeps them (its router).
type routes struct {
	handlers map[string]map[string]http.Handler
}

func (o *routes) init() {
	o.handlers = map[string]map[string]http.Handler{"GET": {}}
	// Positive: the spec's "/", which go-swagger keys "": the base path
	// itself.
	o.handlers["GET"][""] = http.HandlerFunc(root)
}

func root(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in WriteHeader is not documented for GET /api/v2`
}
