// Package swaggerapi has the shape of a go-swagger generated API: its
// handlers are kept in a table by method and path, which is its router;
// the paths are the spec's, under its base path.
package swaggerapi

import (
	"fmt"
	"net/http"
)

// API is the generated API.
type API struct {
	handlers map[string]map[string]http.Handler
	names    map[string]map[string]string
}

func (o *API) initHandlerCache() {
	o.handlers = make(map[string]map[string]http.Handler)
	o.handlers["GET"] = make(map[string]http.Handler)
	// Positive: the handler of GET /health (/v2/health under the spec's
	// base path) writes 409, which health does not document.
	o.handlers["GET"]["/health"] = http.HandlerFunc(conflict)
	// Negative: 200 is documented for listInstances.
	o.handlers["GET"]["/{project_id}/instances"] = http.HandlerFunc(ok)
	// Negative: a table of strings is no router.
	o.names = make(map[string]map[string]string)
	o.names["GET"] = make(map[string]string)
	o.names["GET"]["/health"] = fmt.Sprint("health")
}

func conflict(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health`
}

func ok(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
}
