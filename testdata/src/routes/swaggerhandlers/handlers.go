// Package swaggerhandlers keeps a go-swagger operation's handler that
// another package configures: what its returned responders write is a
// fact.
package swaggerhandlers

import (
	"net/http"

	"github.com/go-openapi/runtime/middleware"

	"routes/swaggerops"
)

// PostSilences makes a silence.
func PostSilences(params swaggerops.PostSilencesParams) middleware.Responder { // want PostSilences:"writes\\[418\\] returns\\[404 200\\]"
	if params.Silence == nil {
		return swaggerops.NewGetSilenceNotFound()
	}
	if params.Silence.Comment == "teapot" {
		return middleware.Error(http.StatusTeapot, "short and stout")
	}
	return swaggerops.NewPostSilencesOK()
}
