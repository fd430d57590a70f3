// Package xapi registers its handlers on routes/xrouter's router types,
// learnt as routers from their methods (their RegistrarFacts).
package xapi

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"routes/xrouter"
)

// Handler serves the API.
type Handler struct{}

// RegisterAdminRoutes registers on the admin router it is given.
func (h *Handler) RegisterAdminRoutes(admin *xrouter.RouterAdmin) {
	// Positive: the admin router puts its routes under /v2: GET
	// /v2/health, which does not document 409.
	admin.GET("/health", h.conflict)
}

func (h *Handler) conflict(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusConflict) // want `status 409 \(Conflict\) in WriteHeader is not documented for GET /v2/health`
}

func (h *Handler) gone(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusGone) // want `status 410 \(Gone\) in WriteHeader is not documented for GET /v2/health`
}

func (h *Handler) ok(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusOK)
}

// Serve serves the public router.
func Serve(s *xrouter.Server) {
	h := &Handler{}
	pub := xrouter.NewRouterPublic()
	// Positive: through the type's GET and its Handle.
	pub.GET("/v2/health", h.gone)
	// Negative: documented.
	pub.GET("/v2/{project}/instances", h.ok)
	// Negative: a router in a field of its own is not learnt: no route.
	s.Handle("/v2/unknown", h.ok)
	http.ListenAndServe(":8080", pub)
}
