// Package depweb stands for a toolkit of another module (ory/x's
// httprouterx and healthx): a router type that puts /v1 before its
// routes, and functions that register on any router they are given
// through an interface, whose facts say which method they call with
// what; the router a caller hands in says where the route goes
// (routes/depapp).
package depweb

import (
	"fmt"
	"html/template"
	"net/http"
	"path"

	"github.com/julienschmidt/httprouter"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Router serves its routes under /v1.
type Router struct{ *http.ServeMux }

// New returns a Router.
func New() *Router { return &Router{http.NewServeMux()} }

// HandleFunc registers h for the pattern p under /v1.
func (r *Router) HandleFunc(p string, h func(http.ResponseWriter, *http.Request)) { // want HandleFunc:"registrar arg-1 /v1\\+arg0 on -2"
	r.ServeMux.HandleFunc(path.Join("/v1", p), h)
}

type registrar interface {
	HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request))
}

// SetHealth registers the health check on r.
func SetHealth(r registrar) { // want SetHealth:`routes\[HandleFunc\("GET /health",\?\)@0\]`
	r.HandleFunc("GET /health", health)
}

// SetVersion registers the version on r.
func SetVersion(r registrar) { // want SetVersion:`routes\[HandleFunc\("GET /version",\?\)@0\]`
	r.HandleFunc("GET /version", version)
}

// SetMetrics registers Prometheus's metrics on r.
func SetMetrics(r registrar) { // want SetMetrics:`routes\[HandleFunc\("GET /metrics",\?\)@0\]`
	r.HandleFunc("GET /metrics", metrics)
}

// SetLogin registers a login page on r.
func SetLogin(r registrar) { // want SetLogin:`routes\[HandleFunc\("GET /login",\?\)@0\]`
	r.HandleFunc("GET /login", login)
}

// Register registers h at p on r: neither is constant here.
func Register(r registrar, p string, h func(http.ResponseWriter, *http.Request)) { // want Register:`routes\[HandleFunc\(\?,\?\)@0\]`
	r.HandleFunc(p, h)
}

func health(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("down") != "" {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func version(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "v1.0.0")
}

func metrics(w http.ResponseWriter, r *http.Request) {
	promhttp.Handler().ServeHTTP(w, r)
}

var page = template.Must(template.New("login").Parse("<html><body>Log in</body></html>"))

func login(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	page.Execute(w, nil)
}

// Admin puts its routes under the prefix it is made with, a field of
// each value (ory/x's RouterAdmin), and redirects the bare path there.
type Admin struct {
	*httprouter.Router // want Router:"router under "
	prefix             string
}

// NewAdmin makes an Admin serving under prefix.
func NewAdmin(prefix string) *Admin { return &Admin{Router: httprouter.New(), prefix: prefix} }

// GET registers h under the admin's prefix.
func (a *Admin) GET(route string, h httprouter.Handle) { // want GET:"registrar GET {prefix}\\+arg0 on -2"
	a.handle("GET", route, h)
}

// handle registers h at route under the prefix, which may be "" (then
// route is the path either way), and a redirect at the bare path.
func (a *Admin) handle(method, route string, h httprouter.Handle) {
	if a.prefix == "" {
		a.Router.Handle(method, route, h)
		return
	}
	a.Router.Handle(method, route, a.redirect)
	a.Router.Handle(method, path.Join(a.prefix, route), h)
}

func (a *Admin) redirect(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.Redirect(w, r, path.Join(a.prefix, r.URL.Path), http.StatusTemporaryRedirect)
}

// Both registers h for GET and for POST: two registrations, which are
// no one registrar.
func (a *Admin) Both(route string, h httprouter.Handle) {
	a.Router.Handle("GET", route, h)
	a.Router.Handle("POST", route, h)
}

// Prefixed keeps its router in a field and its prefix in another
// (prometheus/common's route.Router): each value has its own prefix,
// which New leaves empty and WithPrefix extends.
type Prefixed struct {
	rtr    *httprouter.Router
	prefix string
}

// NewPrefixed makes a Prefixed at the root.
func NewPrefixed() *Prefixed { return &Prefixed{rtr: httprouter.New()} } // want NewPrefixed:"router with {prefix} empty"

// WithPrefix returns the router under p.
func (r *Prefixed) WithPrefix(p string) *Prefixed { return &Prefixed{rtr: r.rtr, prefix: r.prefix + p} } // want WithPrefix:"group {prefix}\\+arg0"

// Get registers h for GET path under the value's prefix.
func (r *Prefixed) Get(path string, h http.HandlerFunc) { // want Get:"registrar GET {prefix}\\+arg0 on -2"
	r.rtr.GET(r.prefix+path, func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) { h(w, req) })
}

// ServeHTTP serves the routes.
func (r *Prefixed) ServeHTTP(w http.ResponseWriter, req *http.Request) { r.rtr.ServeHTTP(w, req) }
