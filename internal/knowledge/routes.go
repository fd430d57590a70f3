package knowledge

// A Route is a call that registers a handler for a method and a path.
type Route struct {
	// Method is the method the call registers, "" for every method;
	// MethodArg, when not -1, is the argument that names it instead.
	Method    string
	MethodArg int
	// PathArg is the path's argument; Pattern marks a net/http pattern
	// ("GET /items/{id}"), whose method is part of it.
	PathArg int
	Pattern bool
	// HandlerArg is the handler's argument; -1 is the last one (after
	// middleware).
	HandlerArg int
	// MethodList marks a MethodArg that is a list of methods (gin's
	// Match([]string{"GET", "HEAD"}, ...)).
	MethodList bool
	// MethodCall, if set, names the method of the call's result that
	// gives its method: gorilla/mux's HandleFunc(p, h).Methods("GET").
	// Without it, or with several methods, the route takes every method.
	MethodCall string
	// Prefix is put before the path the call is given: a project's
	// router type whose GET registers path.Join("/admin", p).
	Prefix string
	// PrefixField, if set, is a field of the router's own value put
	// before the path (ory/x's RouterAdmin registering
	// path.Join(r.prefix, route)): each value of the type has its own,
	// which a route on it does not show.
	PrefixField string
	// Chain marks a call whose path and methods were set by the calls
	// that made its receiver (RouteLinks): gorilla/mux's
	// r.Methods("GET").Path("/pets").Handler(h).
	Chain bool
}

// A RouteLink is a call in the chain that builds a route before its
// handler is set (Route.Chain): its path's argument (-1 if it sets none),
// whether it sets the methods (its arguments), whether its path is a
// prefix of every path below it, and whether it is a method of the router
// (Root: the chain starts at its receiver) rather than of a route.
type RouteLink struct {
	PathArg int
	Methods bool
	Prefix  bool
	Root    bool
}

// RouteLinks are the calls a route is built by, link by link, in any
// order: gorilla/mux's Methods, Path and PathPrefix on a router or a
// route, and the links that match on something else (Host, Queries,
// Name...), which keep the route's path and methods.
var RouteLinks = with(map[Key]RouteLink{
	{GorillaMux, "Router", "NewRoute"}: {PathArg: -1, Root: true},
}, func(m map[Key]RouteLink) {
	for _, recv := range []string{"Router", "Route"} {
		root := recv == "Router"
		m[Key{GorillaMux, recv, "Path"}] = RouteLink{PathArg: 0, Root: root}
		m[Key{GorillaMux, recv, "PathPrefix"}] = RouteLink{PathArg: 0, Prefix: true, Root: root}
		m[Key{GorillaMux, recv, "Methods"}] = RouteLink{PathArg: -1, Methods: true, Root: root}
		for _, name := range []string{"Host", "Headers", "HeadersRegexp", "Queries", "Schemes", "MatcherFunc", "Name", "BuildVarsFunc"} {
			m[Key{GorillaMux, recv, name}] = RouteLink{PathArg: -1, Root: root}
		}
	}
})

// A WrapperStatus is a handler that wraps the handler of its argument
// Handler and answers a status of its own, Code, which the wrapped
// handler never writes: http.TimeoutHandler's 503 when the handler runs
// out of time.
type WrapperStatus struct {
	Handler, Code int
	// When says when it answers it, for the finding.
	When string
}

// WrapperStatuses are the handler wrappers that answer a status of their
// own.
var WrapperStatuses = map[Key]WrapperStatus{
	{NetHTTP, "", "TimeoutHandler"}: {Handler: 0, Code: 503, When: "when the handler runs out of time"},
}

// A HandlerBuilder is a library function that builds a handler from the
// functions it is given and hands the errors those at Errs return (their
// last result) to an error encoder: the function given to the option
// Option, one of its variadic arguments from Options on, as that
// option's first argument; the encoder's parameter Param is the error.
type HandlerBuilder struct {
	Errs    []int
	Options int
	Option  Key
	Param   int
}

// HandlerBuilders are the handlers built from an endpoint's functions
// whose errors an encoder the application gives answers: go-kit's
// NewServer(endpoint, decoder, encoder, ServerErrorEncoder(encodeError))
// hands the errors of the decoder and the endpoint to encodeError.
var HandlerBuilders = map[Key]HandlerBuilder{
	{GoKitHTTP, "", "NewServer"}: {Errs: []int{0, 1}, Options: 3, Option: Key{GoKitHTTP, "", "ServerErrorEncoder"}, Param: 1},
}

// Upgrades are the calls that take a request's connection over for
// another protocol (a websocket): a handler that makes one serves a
// connection, not an operation of a REST spec.
var Upgrades = map[Key]bool{
	{"github.com/gorilla/websocket", "Upgrader", "Upgrade"}: true,
	{"github.com/coder/websocket", "", "Accept"}:            true,
	{"nhooyr.io/websocket", "", "Accept"}:                   true,
	{"github.com/gobwas/ws", "", "UpgradeHTTP"}:             true,
	{"github.com/gobwas/ws", "HTTPUpgrader", "Upgrade"}:     true,
	{"github.com/gofiber/websocket/v2", "", "New"}:          true,
	{"github.com/gofiber/contrib/websocket", "", "New"}:     true,
	{NetHTTP, "Hijacker", "Hijack"}:                         true,
	{NetHTTP, "ResponseController", "Hijack"}:               true,
}

// BodyWriters are the functions that write a response body to the writer
// they are given first (fmt.Fprintf(w, ...)), by the method of their
// result that does it: "" for the call itself, "Encode" for
// json.NewEncoder(w).Encode(v). A handler that writes its body before any
// status answers 200.
var BodyWriters = map[Key]string{
	{"fmt", "", "Fprint"}:                "",
	{"fmt", "", "Fprintf"}:               "",
	{"fmt", "", "Fprintln"}:              "",
	{"io", "", "WriteString"}:            "",
	{"io", "", "Copy"}:                   "",
	{"encoding/json", "", "NewEncoder"}:  "Encode",
	{"encoding/xml", "", "NewEncoder"}:   "Encode",
	{NetHTTP, "ResponseWriter", "Write"}: "",
}

// WriterHeader is the method of a handler's writer that gives its
// headers: a call of it writes nothing yet.
var WriterHeader = Key{NetHTTP, "ResponseWriter", "Header"}

// HTMLRenders are the calls that render an HTML page to the writer of
// their argument Writer: a handler that does so serves a page of a user
// interface, which no operation of a REST spec describes.
var HTMLRenders = map[Key]int{
	{"html/template", "Template", "Execute"}:         0,
	{"html/template", "Template", "ExecuteTemplate"}: 0,
}

// DebugHandlers are the handlers that serve the Go runtime's state
// (net/http/pprof's profiles, expvar's variables) or the process's
// metrics (Prometheus's promhttp): a route built from one is a debug or
// metrics endpoint, which no operation of a REST spec describes.
var DebugHandlers = map[Key]bool{
	{PromHTTP, "", "Handler"}:                 true,
	{PromHTTP, "", "HandlerFor"}:              true,
	{PromHTTP, "", "HandlerForTransactional"}: true,
	{PromHTTP, "", "InstrumentMetricHandler"}: true,
	{"net/http/pprof", "", "Index"}:           true,
	{"net/http/pprof", "", "Cmdline"}:         true,
	{"net/http/pprof", "", "Profile"}:         true,
	{"net/http/pprof", "", "Symbol"}:          true,
	{"net/http/pprof", "", "Trace"}:           true,
	{"net/http/pprof", "", "Handler"}:         true,
	{"expvar", "", "Handler"}:                 true,
}

// A Group is a call that returns a router whose routes have a prefix:
// gin's Group, echo's Group, fiber's Group.
type Group struct {
	PrefixArg int
}

// A Subrouter is a call that gives a function a router with a prefix
// (PrefixArg -1: the same prefix): chi's Route and Group.
type Subrouter struct {
	PrefixArg, FuncArg int
}

// Import paths of the routers statuslint follows.
const (
	Gin     = "github.com/gin-gonic/gin"
	Echo    = "github.com/labstack/echo/v4"
	Chi     = "github.com/go-chi/chi/v5"
	Fiber   = "github.com/gofiber/fiber/v2"
	FiberV3 = "github.com/gofiber/fiber/v3"
	// GorillaMux and HTTPRouter are gorilla/mux and
	// julienschmidt/httprouter.
	GorillaMux = "github.com/gorilla/mux"
	HTTPRouter = "github.com/julienschmidt/httprouter"
	// GoKitHTTP is go-kit's HTTP transport.
	GoKitHTTP = "github.com/go-kit/kit/transport/http"
	// PromHTTP is Prometheus's handler of its metrics.
	PromHTTP = "github.com/prometheus/client_golang/prometheus/promhttp"
)

// Routes are the calls that register handlers.
var Routes = with(map[Key]Route{
	{NetHTTP, "ServeMux", "Handle"}:      {MethodArg: -1, Pattern: true, HandlerArg: 1},
	{NetHTTP, "ServeMux", "HandleFunc"}:  {MethodArg: -1, Pattern: true, HandlerArg: 1},
	{NetHTTP, "", "Handle"}:              {MethodArg: -1, Pattern: true, HandlerArg: 1},
	{NetHTTP, "", "HandleFunc"}:          {MethodArg: -1, Pattern: true, HandlerArg: 1},
	{Gin, "RouterGroup", "Any"}:          {MethodArg: -1, HandlerArg: -1},
	{Gin, "RouterGroup", "Handle"}:       {MethodArg: 0, PathArg: 1, HandlerArg: -1},
	{Gin, "RouterGroup", "Match"}:        {MethodArg: 0, MethodList: true, PathArg: 1, HandlerArg: -1},
	{Gin, "IRoutes", "Any"}:              {MethodArg: -1, HandlerArg: -1},
	{Gin, "IRoutes", "Handle"}:           {MethodArg: 0, PathArg: 1, HandlerArg: -1},
	{Gin, "IRoutes", "Match"}:            {MethodArg: 0, MethodList: true, PathArg: 1, HandlerArg: -1},
	{Echo, "Echo", "Any"}:                {MethodArg: -1, HandlerArg: 1},
	{Echo, "Group", "Any"}:               {MethodArg: -1, HandlerArg: 1},
	{Echo, "Echo", "Add"}:                {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{Echo, "Group", "Add"}:               {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{Chi, "Mux", "Handle"}:               {MethodArg: -1, HandlerArg: 1},
	{Chi, "Mux", "HandleFunc"}:           {MethodArg: -1, HandlerArg: 1},
	{Chi, "Router", "Handle"}:            {MethodArg: -1, HandlerArg: 1},
	{Chi, "Router", "HandleFunc"}:        {MethodArg: -1, HandlerArg: 1},
	{Chi, "Mux", "Method"}:               {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{Chi, "Mux", "MethodFunc"}:           {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{Chi, "Router", "Method"}:            {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{Chi, "Router", "MethodFunc"}:        {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{GorillaMux, "Router", "HandleFunc"}: {MethodArg: -1, HandlerArg: 1, MethodCall: "Methods"},
	{GorillaMux, "Router", "Handle"}:     {MethodArg: -1, HandlerArg: 1, MethodCall: "Methods"},
	// r.Methods("GET").Path("/pets").Handler(h): the route its links
	// built, with the methods a Methods after it may add.
	{GorillaMux, "Route", "Handler"}:      {MethodArg: -1, PathArg: -2, HandlerArg: 0, MethodCall: "Methods", Chain: true},
	{GorillaMux, "Route", "HandlerFunc"}:  {MethodArg: -1, PathArg: -2, HandlerArg: 0, MethodCall: "Methods", Chain: true},
	{HTTPRouter, "Router", "Handle"}:      {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{HTTPRouter, "Router", "Handler"}:     {MethodArg: 0, PathArg: 1, HandlerArg: 2},
	{HTTPRouter, "Router", "HandlerFunc"}: {MethodArg: 0, PathArg: 1, HandlerArg: 2},
}, func(m map[Key]Route) {
	for _, method := range []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"} {
		// gin's IRoutes, what Use and registrations return, is the
		// same router: g.Group("/user").Use(auth).POST("", h).
		m[Key{Gin, "RouterGroup", method}] = Route{Method: method, MethodArg: -1, HandlerArg: -1}
		m[Key{Gin, "IRoutes", method}] = Route{Method: method, MethodArg: -1, HandlerArg: -1}
		m[Key{Echo, "Echo", method}] = Route{Method: method, MethodArg: -1, HandlerArg: 1}
		m[Key{Echo, "Group", method}] = Route{Method: method, MethodArg: -1, HandlerArg: 1}
		m[Key{HTTPRouter, "Router", method}] = Route{Method: method, MethodArg: -1, HandlerArg: 1}
		name := method[:1] + toLower(method[1:]) // Get, Post, ...
		for _, recv := range []string{"Mux", "Router"} {
			m[Key{Chi, recv, name}] = Route{Method: method, MethodArg: -1, HandlerArg: 1}
		}
		for _, path := range []string{Fiber, FiberV3} {
			for _, recv := range []string{"App", "Group", "Router"} {
				m[Key{path, recv, name}] = Route{Method: method, MethodArg: -1, HandlerArg: -1}
			}
		}
	}
	// fiber v2 and v3 alike: the last handler is the route's.
	for _, path := range []string{Fiber, FiberV3} {
		for _, recv := range []string{"App", "Group", "Router"} {
			m[Key{path, recv, "All"}] = Route{MethodArg: -1, HandlerArg: -1}
		}
	}
})

// Groups are the calls that return a router under a prefix.
var Groups = with(map[Key]Group{
	{Gin, "RouterGroup", "Group"}: {PrefixArg: 0},
	// gin's Use returns the router it is called on, as an IRoutes.
	{Gin, "RouterGroup", "Use"}: {PrefixArg: -1},
	{Gin, "Engine", "Use"}:      {PrefixArg: -1},
	{Gin, "IRoutes", "Use"}:     {PrefixArg: -1},
	{Echo, "Echo", "Group"}:     {PrefixArg: 0},
	{Echo, "Group", "Group"}:    {PrefixArg: 0},
	// gorilla/mux: r.PathPrefix("/api").Subrouter(); the *Route
	// PathPrefix returns carries the prefix to its Subrouter.
	{GorillaMux, "Router", "PathPrefix"}: {PrefixArg: 0},
	{GorillaMux, "Route", "PathPrefix"}:  {PrefixArg: 0},
	{GorillaMux, "Route", "Subrouter"}:   {PrefixArg: -1},
	// chi's With returns an inline router for one route's middleware,
	// under its router's prefix: r.With(paginate).Get("/", list).
	{Chi, "Mux", "With"}:    {PrefixArg: -1},
	{Chi, "Router", "With"}: {PrefixArg: -1},
}, func(m map[Key]Group) {
	for _, path := range []string{Fiber, FiberV3} {
		for _, recv := range []string{"App", "Group", "Router"} {
			m[Key{path, recv, "Group"}] = Group{PrefixArg: 0}
		}
	}
})

// Subrouters are the calls that give a function a router under a prefix.
var Subrouters = map[Key]Subrouter{
	{Chi, "Mux", "Route"}:    {PrefixArg: 0, FuncArg: 1},
	{Chi, "Router", "Route"}: {PrefixArg: 0, FuncArg: 1},
	{Chi, "Mux", "Group"}:    {PrefixArg: -1, FuncArg: 0},
	{Chi, "Router", "Group"}: {PrefixArg: -1, FuncArg: 0},
}

// A Mount is a call that serves a router under a prefix: chi's
// Mount(prefix, router), net/http's StripPrefix(prefix, handler).
type Mount struct {
	PrefixArg, RouterArg int
}

// Mounts are the calls that serve a router under a prefix.
var Mounts = map[Key]Mount{
	{Chi, "Mux", "Mount"}:        {PrefixArg: 0, RouterArg: 1},
	{Chi, "Router", "Mount"}:     {PrefixArg: 0, RouterArg: 1},
	{NetHTTP, "", "StripPrefix"}: {PrefixArg: 0, RouterArg: 1},
}

// RootRouters are the constructors of routers with no prefix.
var RootRouters = map[Key]bool{
	{NetHTTP, "", "NewServeMux"}:  true,
	{Gin, "", "New"}:              true,
	{Gin, "", "Default"}:          true,
	{Echo, "", "New"}:             true,
	{Chi, "", "NewRouter"}:        true,
	{Chi, "", "NewMux"}:           true,
	{Fiber, "", "New"}:            true,
	{FiberV3, "", "New"}:          true,
	{GorillaMux, "", "NewRouter"}: true,
	{HTTPRouter, "", "New"}:       true,
}

// RootEngines are the router types (by package and type name) that are
// almost never mounted under a prefix: a parameter of one of them
// (func SetRoutes(r *gin.Engine)) is taken as the root router, and handing
// one to a helper (to add middleware) does not make its routes unknown.
var RootEngines = map[Key]bool{
	{Path: Gin, Name: "Engine"}:  true,
	{Path: Echo, Name: "Echo"}:   true,
	{Path: Fiber, Name: "App"}:   true,
	{Path: FiberV3, Name: "App"}: true,
}

// MountableRouters are the router types that a parameter may hold under a
// prefix this package does not show (func Routes(mux *http.ServeMux),
// func Mount(r chi.Router), a group): their routes are tied where the path
// as written, with or without the spec's base path, names exactly one
// operation, and are never reported missing.
var MountableRouters = map[Key]bool{
	{Path: NetHTTP, Name: "ServeMux"}: true,
	{Path: Chi, Name: "Router"}:       true,
	{Path: Chi, Name: "Mux"}:          true,
	{Path: Gin, Name: "RouterGroup"}:  true,
	{Path: Gin, Name: "IRouter"}:      true,
	{Path: Gin, Name: "IRoutes"}:      true,
	{Path: Echo, Name: "Group"}:       true,
	{Path: Fiber, Name: "Router"}:     true,
	{Path: Fiber, Name: "Group"}:      true,
	{Path: FiberV3, Name: "Router"}:   true,
	{Path: FiberV3, Name: "Group"}:    true,
	// A gorilla/mux router is often a subrouter handed to a function; an
	// httprouter one can be served under http.StripPrefix.
	{Path: GorillaMux, Name: "Router"}: true,
	{Path: HTTPRouter, Name: "Router"}: true,
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// go-openapi's packages, which go-swagger's generated servers use.
const (
	OpenAPIErrors     = "github.com/go-openapi/errors"
	OpenAPIValidate   = "github.com/go-openapi/validate"
	OpenAPIMiddleware = "github.com/go-openapi/runtime/middleware"
)

// Rejections are the calls that make the error a generated go-swagger
// binder returns for a request it rejects, with the status go-openapi's
// errors.ServeError answers for it: a validation error's code is 600 or
// over, answered as 422 (Unprocessable Entity); a body that does not
// parse, 400. CompositeValidationError is not one: it wraps the others,
// and ServeError answers its first.
var Rejections = with(map[Key]int{
	{OpenAPIErrors, "", "NewParseError"}:         400,
	{OpenAPIErrors, "", "InvalidContentType"}:    415,
	{OpenAPIErrors, "", "InvalidResponseFormat"}: 406,
}, func(m map[Key]int) {
	for _, name := range []string{"Required", "InvalidType", "InvalidCollectionFormat", "TooLong", "TooShort",
		"FailedPattern", "EnumFail", "DuplicateItems", "TooManyItems", "TooFewItems", "ExceedsMaximum",
		"ExceedsMaximumInt", "ExceedsMaximumUint", "ExceedsMinimum", "ExceedsMinimumInt", "ExceedsMinimumUint",
		"NotMultipleOf", "ReadOnly", "PropertyNotAllowed", "TooManyProperties", "TooFewProperties",
		"AdditionalItemsNotAllowed", "FailedAllPatternProperties"} {
		m[Key{OpenAPIErrors, "", name}] = 422
	}
	for _, name := range []string{"Required", "RequiredString", "RequiredNumber", "ReadOnly", "FormatOf",
		"Enum", "EnumCase", "MinLength", "MaxLength", "Pattern", "Minimum", "Maximum", "MinimumInt",
		"MaximumInt", "MinimumUint", "MaximumUint", "MultipleOf", "MultipleOfInt", "MultipleOfUint",
		"MinItems", "MaxItems", "UniqueItems", "MinimumNativeType", "MaximumNativeType",
		"MultipleOfNativeType", "IsValueValidAgainstRange"} {
		m[Key{OpenAPIValidate, "", name}] = 422
	}
})

// A Bind is a call that binds a request to an operation's parameters
// and, when its binder rejects it, answers the status of the binder's
// error: Binder is the argument, Method the binder's method that
// returns the error.
type Bind struct {
	Binder int
	Method string
}

// Binds are the calls of a generated server's handler that bind its
// request: go-openapi's Context.BindValidRequest(r, route, &params),
// whose error the handler hands to Context.Respond.
var Binds = map[Key]Bind{
	{OpenAPIMiddleware, "Context", "BindValidRequest"}: {Binder: 2, Method: "BindRequest"},
}

// Placeholders are the responses of a handler not written yet: a
// configured handler that answers only with one (go-swagger's scaffold,
// configure_*.go) is no implementation of its operation.
var Placeholders = map[Key]bool{
	{OpenAPIMiddleware, "", "NotImplemented"}: true,
}
