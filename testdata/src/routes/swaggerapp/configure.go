// This file is safe to edit. Once it exists it will not be overwritten.

package swaggerapp

import (
	"github.com/go-openapi/runtime/middleware"

	"routes/swaggerops"
)

// configureAPI is go-swagger's scaffold: a handler that answers only
// NotImplemented is no implementation of its operation, and says nothing
// of it (negative: no 422 here).
func configureAPI(api *API) {
	if api.GetSilenceHandler == nil {
		api.GetSilenceHandler = swaggerops.GetSilenceHandlerFunc(func(params swaggerops.GetSilenceParams) middleware.Responder {
			return middleware.NotImplemented("operation GetSilence has not yet been implemented")
		})
	}
}
