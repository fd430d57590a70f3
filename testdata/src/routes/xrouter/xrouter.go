// Package xrouter is a project's own router types over httprouter
// (kratos's shape): their methods register on the router they embed,
// RouterAdmin's under a prefix of its own. Each is learnt from its code
// as a registrar, and exported as a fact for the packages that register
// on them (routes/xapi).
package xrouter

import (
	"path"

	"github.com/julienschmidt/httprouter"
)

// AdminPrefix is where the admin routes are.
const AdminPrefix = "/v2"

// RouterPublic is the public router.
type RouterPublic struct {
	*httprouter.Router // want Router:"router under "
}

// NewRouterPublic makes one.
func NewRouterPublic() *RouterPublic {
	return &RouterPublic{Router: httprouter.New()}
}

// GET registers through the type's own Handle.
func (r *RouterPublic) GET(path string, handle httprouter.Handle) { // want GET:"registrar GET \\+arg0 on -2"
	r.Handle("GET", path, noCache(handle))
}

// Handle registers on the router the type embeds.
func (r *RouterPublic) Handle(method, path string, handle httprouter.Handle) { // want Handle:"registrar arg0 \\+arg1 on -2"
	r.Router.Handle(method, path, noCache(handle))
}

// RouterAdmin is the admin router: its routes are under AdminPrefix.
type RouterAdmin struct {
	*httprouter.Router // want Router:"router under "
}

// NewRouterAdmin makes one.
func NewRouterAdmin() *RouterAdmin {
	return &RouterAdmin{Router: httprouter.New()}
}

// GET registers under the admin prefix.
func (r *RouterAdmin) GET(publicPath string, handle httprouter.Handle) { // want GET:"registrar GET /v2\\+arg0 on -2"
	r.Router.GET(path.Join(AdminPrefix, publicPath), noCache(handle))
}

func noCache(h httprouter.Handle) httprouter.Handle { return h }

// Server keeps its router in a field it does not embed, which may have a
// prefix of its own: its method is no registrar, and has no fact.
type Server struct {
	mux *httprouter.Router
}

// Handle registers on the field's router.
func (s *Server) Handle(path string, h httprouter.Handle) {
	s.mux.GET(path, h)
}

// RouterDebug is the debug server's router: no package serves the API
// on it.
type RouterDebug struct {
	*httprouter.Router
}

// GET registers on the router it embeds.
func (r *RouterDebug) GET(path string, handle httprouter.Handle) { // want GET:"registrar GET \\+arg0 on -2"
	r.Router.GET(path, handle)
}
