// Package xstrategy is a login strategy (kratos's OIDC): it registers
// its callback on the router it is handed, of a type that routes/xapi,
// which it imports, serves the API on (its APIRoutersFact).
package xstrategy

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"routes/xapi"
	"routes/xrouter"
)

// Strategy logs in through another provider.
type Strategy struct{ h *xapi.Handler }

// RegisterRoutes registers the provider's callback.
func (s *Strategy) RegisterRoutes(admin *xrouter.RouterAdmin) {
	// Positive: a route the spec lacks, on a router of the type the
	// API is served on.
	admin.GET("/callback", s.callback) // want `route GET /v2/callback is not in routes.yaml`
}

// RegisterDebug registers on a router of a type no package serves the
// API on.
func (s *Strategy) RegisterDebug(debug *xrouter.RouterDebug) {
	// Negative: its router serves no operation of the spec.
	debug.GET("/v2/vars", s.callback)
}

func (s *Strategy) callback(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusOK)
}
