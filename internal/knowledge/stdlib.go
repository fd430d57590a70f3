package knowledge

// Import paths spelled once.
const (
	NetHTTP  = "net/http"
	Fasthttp = "github.com/valyala/fasthttp"
)

// RetryAfter is the response header that says how long to wait before a
// request may be sent again (429, 503).
const RetryAfter = "Retry-After"

// Types of net/http the passes recognise by identity.
var (
	HTTPRequest  = Key{Path: NetHTTP, Name: "Request"}
	HTTPResponse = Key{Path: NetHTTP, Name: "Response"}
	HTTPHeader   = Key{Path: NetHTTP, Name: "Header"}
	HTTPServer   = Key{Path: NetHTTP, Name: "Server"}
	// HTTPResponseWriter is the interface a handler writes its response
	// to.
	HTTPResponseWriter = Key{Path: NetHTTP, Name: "ResponseWriter"}
)

// The standard library's loggers: a call on one writes a line and changes
// nothing a request is built from.
var (
	StdLogger  = Key{Path: "log", Name: "Logger"}
	SlogLogger = Key{Path: "log/slog", Name: "Logger"}
)

// Context is context.Context: no call can change a context it is given
// (a derived one is a new value), so handing one on changes nothing. It
// is what a request is made with besides what it asks (a deadline, a
// cancel, values for the client's own code): a retry that doubles its
// timeout each round, or calls itself with a context that marks it
// waited, re-sends the same request.
var Context = Key{Path: "context", Name: "Context"}

// Duration is time.Duration: a comparison of two says how long a wait
// is, not what a response's status is.
var Duration = Key{Path: "time", Name: "Duration"}

// Time is time.Time: an instant a wait may last until.
var Time = Key{Path: "time", Name: "Time"}

// Timers are the types whose methods answer the time's question: Stop
// and Reset say whether the timer had fired, which the clock decides,
// not the duration it was made with (a delay computed from a response
// decides when a wait ends, not what it returns).
var Timers = []Key{{Path: "time", Name: "Timer"}, {Path: "time", Name: "Ticker"}}

// Waits are the standard library's calls that wait as long as the
// duration or time they are handed says: a value of the Retry-After header
// that reaches one of them before a re-send is a wait as the API asks.
var Waits = map[Key]bool{
	{"time", "", "Sleep"}:                true,
	{"time", "", "After"}:                true,
	{"time", "", "AfterFunc"}:            true,
	{"time", "", "NewTimer"}:             true,
	{"time", "", "NewTicker"}:            true,
	{"time", "", "Tick"}:                 true,
	{"time", "Timer", "Reset"}:           true,
	{"time", "Ticker", "Reset"}:          true,
	{"context", "", "WithTimeout"}:       true,
	{"context", "", "WithDeadline"}:      true,
	{"context", "", "WithTimeoutCause"}:  true,
	{"context", "", "WithDeadlineCause"}: true,
}

// Inert are the standard library's packages whose functions make text
// of what they are handed for people to read (a log line, an error's
// message): a value of Retry-After handed to them goes nowhere a wait
// can take it. Their scanners, which store what they read, are not.
var Inert = map[string]bool{"fmt": true, "log": true, "log/slog": true, "errors": true}

// PanicsOnInvalid reports whether the sinks of the package at path panic
// on a status outside 100-999 (net/http's); the others take values below
// 100 for "no status" (gin's Render(-1, r), a framework's own writer).
func PanicsOnInvalid(path string) bool { return path == NetHTTP }

// ClientSends are net/http's shorthand sends, function or *Client method,
// with the method each sends; its argument 0 is the URL.
var ClientSends = map[string]string{"Get": "GET", "Head": "HEAD", "Post": "POST", "PostForm": "POST"}

// A RequestBuilder builds a request from a method and a URL argument.
type RequestBuilder struct{ MethodArg, URLArg int }

// RequestBuilders are net/http's request constructors.
var RequestBuilders = map[Key]RequestBuilder{
	{Path: NetHTTP, Name: "NewRequest"}:            {MethodArg: 0, URLArg: 1},
	{Path: NetHTTP, Name: "NewRequestWithContext"}: {MethodArg: 1, URLArg: 2},
}

// URL builders whose result a request's path template is read from;
// PathJoin, a path a router wrapper joins its prefix with.
var (
	Sprintf  = Key{Path: "fmt", Name: "Sprintf"}
	JoinPath = Key{Path: "net/url", Name: "JoinPath"}
	PathJoin = Key{Path: "path", Name: "Join"}
)

// ErrorsAs is errors.As: it holds where the error is of its target's
// type.
var ErrorsAs = Key{Path: "errors", Name: "As"}

// ErrorsIs is errors.Is: whether an error is, or wraps, a given one.
var ErrorsIs = Key{Path: "errors", Name: "Is"}

// ErrorsAsType is errors.AsType[T]: its second result holds where the
// error is of the type T, its first is the error as a T.
var ErrorsAsType = Key{Path: "errors", Name: "AsType"}

// ContextValues are the calls that store a value in a context and read
// it back: a hook handed on through one is still the caller's.
var ContextValues = map[Key]bool{
	{Path: "context", Name: "WithValue"}:              true,
	{Path: "context", Recv: "Context", Name: "Value"}: true,
}

// ErrorConstructors make an error from a message: a sender that returns
// one for a status returns an error for that status.
var ErrorConstructors = map[Key]bool{
	{Path: "errors", Name: "New"}: true,
	{Path: "fmt", Name: "Errorf"}: true,
}

// SliceContains is slices.Contains: a status looked up in a list of
// constants makes each a status.
var SliceContains = Key{Path: "slices", Name: "Contains"}

// BodyDecoders are the calls that read or decode a response's body: their
// error says whether it could be read or parsed, not what it says.
var BodyDecoders = map[Key]bool{
	{Path: "io", Name: "ReadAll"}:                            true,
	{Path: "io/ioutil", Name: "ReadAll"}:                     true,
	{Path: "encoding/json", Name: "Unmarshal"}:               true,
	{Path: "encoding/json", Recv: "Decoder", Name: "Decode"}: true,
	{Path: "encoding/xml", Name: "Unmarshal"}:                true,
	{Path: "encoding/xml", Recv: "Decoder", Name: "Decode"}:  true,
}

// BodyDrains are the calls that read a response's body to the end (into
// io.Discard) so that its connection is reused: a poll, not a use of the
// response.
var (
	BodyDrains = map[Key]bool{{Path: "io", Name: "Copy"}: true, {Path: "io", Name: "CopyN"}: true}
	Discard    = Key{Path: "io", Name: "Discard"}
)

// Serves are the calls that serve a handler: the handler given them, or
// an http.Server's Handler, is the root of the routes.
var Serves = map[Key]bool{
	{Path: NetHTTP, Name: "ListenAndServe"}:    true,
	{Path: NetHTTP, Name: "ListenAndServeTLS"}: true,
	{Path: NetHTTP, Name: "Serve"}:             true,
	{Path: NetHTTP, Name: "ServeTLS"}:          true,
	// A test server serves its handler at its root too.
	{Path: "net/http/httptest", Name: "NewServer"}:          true,
	{Path: "net/http/httptest", Name: "NewTLSServer"}:       true,
	{Path: "net/http/httptest", Name: "NewUnstartedServer"}: true,
}

// SDKErrorStatuses are the statuses an SDK's status-carrying error stands
// for (the cloud SDK's ServiceResponseError, googleapi.Error): every
// status from 400 on.
var SDKErrorStatuses = [2]int64{400, 999}
