// Package swaggerhandlers keeps a go-swagger operation's handler that
// another package configures: what its returned responders write is a
// fact.
package swaggerhandlers

import (
	"github.com/go-openapi/runtime/middleware"

	"routes/swaggerops"
)

// PostSilences makes a silence.
func PostSilences(params swaggerops.PostSilencesParams) middleware.Responder { // want PostSilences:"writes\\[\\] returns\\[404 200\\]"
	if params.Silence == nil {
		return swaggerops.NewGetSilenceNotFound()
	}
	return swaggerops.NewPostSilencesOK()
}
