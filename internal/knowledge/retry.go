package knowledge

// Import paths of the retry libraries statuslint knows.
const (
	RetryableHTTP = "github.com/hashicorp/go-retryablehttp"
	RestyV2       = "github.com/go-resty/resty/v2"
	RestyV3       = "resty.dev/v3"
	BackoffV4     = "github.com/cenkalti/backoff/v4"
	BackoffV5     = "github.com/cenkalti/backoff/v5"
	RetryGo       = "github.com/avast/retry-go/v4"
	GoRetry       = "github.com/sethvargo/go-retry"
	RetryPolicy   = "github.com/failsafe-go/failsafe-go/retrypolicy"
	SDKInvoker    = "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/invoker"
	AWSRetry      = "github.com/aws/aws-sdk-go-v2/aws/retry"
	// AzcoreExported declares azcore's pipeline request (policy.Request
	// is an alias of it).
	AzcoreExported = "github.com/Azure/azure-sdk-for-go/sdk/azcore/internal/exported"
	AzcoreRuntime  = "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	// AzureInternalExported is the Azure SDK's shared internal module's.
	AzureInternalExported = "github.com/Azure/azure-sdk-for-go/sdk/internal/exported"
	// SDKServices is the prefix of the cloud SDK's service packages, whose
	// *Client methods send requests.
	SDKServices = "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/"
)

// An SDKSend is a rule for an SDK's generated calls, too many to list:
// a method named Name (any, if empty) of a type whose name ends in
// RecvSuffix, in a package under Prefix, sends a request, and its error
// carries the status as Kind says.
type SDKSend struct {
	Prefix, RecvSuffix, Name string
	Kind                     ErrKind
	// Except is a suffix of method names that build rather than send
	// (the cloud SDK's ...Invoker).
	Except string
}

// SDKSends are the SDKs' generated calls that send: each error is the
// SDK's status-carrying error for a status from 400 on (the cloud SDK's
// ServiceResponseError, googleapi.Error, smithy-go's ResponseError).
var SDKSends = []SDKSend{
	{Prefix: SDKServices, RecvSuffix: "Client", Kind: ErrStatus, Except: "Invoker"},
	{Prefix: "google.golang.org/api/", RecvSuffix: "Call", Name: "Do", Kind: ErrStatus},
	// A media download: googleapi.CheckMediaResponse's error for a
	// status outside 2xx.
	{Prefix: "google.golang.org/api/", RecvSuffix: "Call", Name: "Download", Kind: ErrStatus},
	{Prefix: "github.com/aws/aws-sdk-go-v2/service/", RecvSuffix: "Client", Kind: ErrStatus},
	// client-go's typed clients: PodInterface.Get, Update, ...
	{Prefix: "k8s.io/client-go/kubernetes/typed/", RecvSuffix: "Interface", Kind: ErrStatus},
}

// ErrorPredicates are an SDK's tests of the status an error carries, with
// the codes for which each is true: Kubernetes' apierrors.IsNotFound and
// the rest. A retry decided on one is decided on those statuses.
var ErrorPredicates = with(map[Key][][2]int{}, func(m map[Key][][2]int) {
	const apierrors = "k8s.io/apimachinery/pkg/api/errors"
	for name, code := range map[string]int{
		"IsBadRequest": 400, "IsUnauthorized": 401, "IsForbidden": 403, "IsNotFound": 404,
		"IsMethodNotSupported": 405, "IsNotAcceptable": 406, "IsConflict": 409, "IsGone": 410,
		"IsRequestEntityTooLargeError": 413, "IsUnsupportedMediaType": 415, "IsInvalid": 422,
		"IsTooManyRequests": 429, "IsInternalError": 500, "IsServiceUnavailable": 503, "IsTimeout": 504,
	} {
		m[Key{Path: apierrors, Name: name}] = [][2]int{{code, code}}
	}
})

// ErrKind says what a nil test of an error tells about the status.
type ErrKind uint8

const (
	// ErrIndependent: the error says nothing about the status.
	ErrIndependent ErrKind = iota
	// ErrTransport: a non-nil error means there is no response, so no
	// status (net/http's Client.Do, retryablehttp's CheckRetry).
	ErrTransport
	// ErrStatus: the error carries the status (the cloud SDK's
	// ServiceResponseError for every status from 400 on), so a nil error
	// means a status below 400.
	ErrStatus
)

// Sends are the calls that send a request, with what their error result
// says about the status. Any RoundTrip(*http.Request) method sends too, and
// so does every *Client method of the cloud SDK's service packages but the
// ...Invoker builders; those are rules, not entries.
var Sends = with(map[Key]ErrKind{
	{NetHTTP, "", "Get"}:                  ErrTransport,
	{NetHTTP, "", "Post"}:                 ErrTransport,
	{NetHTTP, "", "Head"}:                 ErrTransport,
	{NetHTTP, "", "PostForm"}:             ErrTransport,
	{NetHTTP, "Client", "Do"}:             ErrTransport,
	{NetHTTP, "Client", "Get"}:            ErrTransport,
	{NetHTTP, "Client", "Post"}:           ErrTransport,
	{NetHTTP, "Client", "Head"}:           ErrTransport,
	{NetHTTP, "Client", "PostForm"}:       ErrTransport,
	{SDKInvoker, "BaseInvoker", "Invoke"}: ErrStatus,
	// azcore's pipeline: a policy sends the request on through the
	// policies after it, the last of which performs it; its error means
	// no response.
	{AzcoreExported, "Request", "Next"}: ErrTransport,
}, func(m map[Key]ErrKind) {
	// fasthttp: Do and its variants, as functions and on its clients, and
	// the calls that return the status.
	for _, recv := range []string{"", "Client", "HostClient"} {
		for _, name := range []string{"Do", "DoTimeout", "DoDeadline", "DoRedirects", "Get", "GetTimeout", "GetDeadline", "Post"} {
			m[Key{Fasthttp, recv, name}] = ErrTransport
		}
	}
})

// SendMethods are the sends whose name says the request's method
// (net/http's Get, fasthttp's Post): a loop whose send only reads (GET,
// HEAD) and looks at nothing but the status polls.
var SendMethods = with(map[Key]string{}, func(m map[Key]string) {
	for _, recv := range []string{"", "Client"} {
		m[Key{NetHTTP, recv, "Get"}] = "GET"
		m[Key{NetHTTP, recv, "Head"}] = "HEAD"
		m[Key{NetHTTP, recv, "Post"}] = "POST"
		m[Key{NetHTTP, recv, "PostForm"}] = "POST"
	}
	for _, recv := range []string{"", "Client", "HostClient"} {
		for _, name := range []string{"Get", "GetTimeout", "GetDeadline"} {
			m[Key{Fasthttp, recv, name}] = "GET"
		}
		m[Key{Fasthttp, recv, "Post"}] = "POST"
	}
})

// A Hook is a retry library's entry point for a predicate: which of its
// arguments are functions the library calls with the response (or, with
// ErrStatus, an error carrying the status) and that return true to
// retry.
type Hook struct {
	// Args are the indexes of the function arguments; -1 means every
	// argument from the first function on.
	Args []int
	Errs ErrKind
}

// Hooks are the retry libraries' entry points for predicates. A method
// promoted from an embedded interface (failsafe-go's builders) is listed
// under the type it is called on.
var Hooks = map[Key]Hook{
	{RestyV2, "Client", "AddRetryCondition"}:   {Args: []int{0}, Errs: ErrTransport},
	{RestyV2, "Request", "AddRetryCondition"}:  {Args: []int{0}, Errs: ErrTransport},
	{RestyV3, "Client", "AddRetryConditions"}:  {Args: []int{-1}, Errs: ErrTransport},
	{RestyV3, "Client", "SetRetryConditions"}:  {Args: []int{-1}, Errs: ErrTransport},
	{RestyV3, "Request", "AddRetryConditions"}: {Args: []int{-1}, Errs: ErrTransport},
	{RestyV3, "Request", "SetRetryConditions"}: {Args: []int{-1}, Errs: ErrTransport},
	{RetryPolicy, "Builder", "HandleIf"}:       {Args: []int{0}, Errs: ErrTransport},
	{SDKInvoker, "BaseInvoker", "WithRetry"}:   {Args: []int{1}, Errs: ErrStatus},
}

// A Repeat is a retry library's function that calls a function it is
// given (an operation) again while the operation returns an error: what
// the retry check's facts say of a module's own retry helpers
// (facts.Repeat), written down for the libraries, whose code is not read.
// The operation's own returns decide: an error wrapped by Stop, the
// library's "do not retry" marker, ends it; with Only set, only an error
// wrapped by Only, the one marker that retries, goes round.
type Repeat struct {
	// Param is the index of the operation.
	Param int
	Stop  Key
	Only  Key
	// Option, if set, is an option whose presence hands the decision to
	// a predicate given with it (retry-go's RetryIf).
	Option Key
}

var (
	backoffV4Stop = Key{BackoffV4, "", "Permanent"}
	backoffV5Stop = Key{BackoffV5, "", "Permanent"}
	retryGoStop   = Key{RetryGo, "", "Unrecoverable"}
	retryGoIf     = Key{RetryGo, "", "RetryIf"}
	goRetryOnly   = Key{GoRetry, "", "RetryableError"}
)

// Repeats are the retry libraries' functions that run an operation again.
var Repeats = map[Key]Repeat{
	{BackoffV4, "", "Retry"}:                       {Param: 0, Stop: backoffV4Stop},
	{BackoffV4, "", "RetryNotify"}:                 {Param: 0, Stop: backoffV4Stop},
	{BackoffV4, "", "RetryWithData"}:               {Param: 0, Stop: backoffV4Stop},
	{BackoffV4, "", "RetryNotifyWithData"}:         {Param: 0, Stop: backoffV4Stop},
	{BackoffV4, "", "RetryNotifyWithTimer"}:        {Param: 0, Stop: backoffV4Stop},
	{BackoffV4, "", "RetryNotifyWithTimerAndData"}: {Param: 0, Stop: backoffV4Stop},
	{BackoffV5, "", "Retry"}:                       {Param: 1, Stop: backoffV5Stop},
	{RetryGo, "", "Do"}:                            {Param: 0, Stop: retryGoStop, Option: retryGoIf},
	{RetryGo, "", "DoWithData"}:                    {Param: 0, Stop: retryGoStop, Option: retryGoIf},
	{GoRetry, "", "Do"}:                            {Param: 2, Only: goRetryOnly},
	{GoRetry, "", "DoValue"}:                       {Param: 2, Only: goRetryOnly},
}

// PredicateFields are function-valued fields that hold a retry predicate
// (retryablehttp's Client.CheckRetry).
var PredicateFields = map[Key]Hook{
	{RetryableHTTP, "Client", "CheckRetry"}: {Errs: ErrTransport},
}

// RetrySetFields are struct fields that hold a set of retried statuses
// (aws-sdk-go-v2's RetryableHTTPStatusCode{Codes: ...}): the codes given
// there are retried unchanged.
var RetrySetFields = map[Key]bool{
	{AWSRetry, "RetryableHTTPStatusCode", "Codes"}: true,
}

// A Policy is a retry predicate a library ships: it retries the codes in
// Codes (ranges, inclusive) of its argument Arg.
type Policy struct {
	Arg   int
	Codes [][2]int
	// List, if not 0, makes the predicate a membership test: true for
	// the statuses of its argument List-1, a list (Codes is empty).
	List int
	// WaitsRetryAfter is true when the library pairs it with a backoff
	// that honours Retry-After.
	WaitsRetryAfter bool
}

// retryablehttpDefault is what retryablehttp's default policy retries:
// 429, and every 5xx but 501.
var retryablehttpDefault = [][2]int{{429, 429}, {500, 500}, {502, 599}}

// Policies are the retry predicates libraries ship.
var Policies = map[Key]Policy{
	{RetryableHTTP, "", "DefaultRetryPolicy"}:         {Arg: 1, Codes: retryablehttpDefault, WaitsRetryAfter: true},
	{RetryableHTTP, "", "ErrorPropagatedRetryPolicy"}: {Arg: 1, Codes: retryablehttpDefault, WaitsRetryAfter: true},
	{RestyV3, "", "RetryConditionStatus5XX"}:          {Arg: 0, Codes: [][2]int{{500, 599}}},
	// azcore's runtime.HasStatusCode(resp, codes...), which its retry
	// policy and SDKs' own loops test their status lists with, and the
	// shared module's function it calls.
	{AzcoreRuntime, "", "HasStatusCode"}:         {Arg: 0, List: 2},
	{AzureInternalExported, "", "HasStatusCode"}: {Arg: 0, List: 2},
}

// Defaults are calls that set up retries with a library's default policy:
// the policy, and the setting that replaces it.
var Defaults = map[Key]Default{
	{RetryableHTTP, "", "NewClient"}: {
		Policy:   Key{RetryableHTTP, "", "DefaultRetryPolicy"},
		Override: Key{RetryableHTTP, "Client", "CheckRetry"},
		Why:      "retryablehttp.NewClient's default CheckRetry retries every 5xx but 501; set CheckRetry",
	},
}

// A Default is a library's default retry policy.
type Default struct {
	// Policy is the predicate used unless Override, a field, is set in
	// the same function.
	Policy, Override Key
	// Why explains it in diagnostics.
	Why string
}

// A PredicateDefault is an SDK's generated retry setting whose predicate
// argument, left nil, means the SDK's own policy: a method named Name of a
// type whose name ends in RecvSuffix, in a package under Prefix, given nil
// at Arg, retries the codes in Codes (ranges, inclusive).
type PredicateDefault struct {
	Prefix, RecvSuffix, Name string
	Arg                      int
	Codes                    [][2]int
	// Why explains it in diagnostics.
	Why string
}

// PredicateDefaults are the SDKs' retry settings with a default policy.
var PredicateDefaults = []PredicateDefault{
	// google.golang.org/api's XxxCall.WithRetry(bo, errorFunc): with a
	// nil errorFunc, gensupport's shouldRetry re-sends the upload after
	// 408, 429 and every 5xx, with gax's backoff and no Retry-After.
	{Prefix: "google.golang.org/api/", RecvSuffix: "Call", Name: "WithRetry", Arg: 1,
		Codes: [][2]int{{408, 408}, {429, 429}, {500, 599}},
		Why:   "WithRetry with a nil errorFunc retries 408, 429 and every 5xx; give it one"},
}

// RetryAllErrors are calls that make a client retry on every error status
// (400-999), with why.
var RetryAllErrors = map[Key]string{
	{RestyV2, "Client", "AddRetryAfterErrorCondition"}: "AddRetryAfterErrorCondition retries every status above 399",
}

// RequestReads are methods of a request that only read it: called on the
// request after the send (azcore's req.Raw().Context().Err()), they do
// not change what the next round sends. Any other method called on it
// counts as a change.
var RequestReads = map[Key]bool{
	{NetHTTP, "Request", "Context"}:     true,
	{NetHTTP, "Request", "Cookie"}:      true,
	{NetHTTP, "Request", "UserAgent"}:   true,
	{AzcoreExported, "Request", "Raw"}:  true,
	{AzcoreExported, "Request", "Body"}: true,
	// Its URL's reads, for a request logged or described.
	{"net/url", "URL", "String"}:      true,
	{"net/url", "URL", "Redacted"}:    true,
	{"net/url", "URL", "Query"}:       true,
	{"net/url", "URL", "Hostname"}:    true,
	{"net/url", "URL", "Port"}:        true,
	{"net/url", "URL", "EscapedPath"}: true,
	{"net/url", "URL", "RequestURI"}:  true,
}

// RequestUnwraps are reads of a request that return the request it wraps
// (azcore's req.Raw()): what is set through them is set on it.
var RequestUnwraps = map[Key]bool{
	{AzcoreExported, "Request", "Raw"}: true,
}

// RequestMutators are calls that change a request before it is sent
// again: what the API asks for instead of a plain re-send.
var RequestMutators = map[Key]bool{
	{NetHTTP, "Header", "Set"}:           true,
	{NetHTTP, "Header", "Add"}:           true,
	{NetHTTP, "Header", "Del"}:           true,
	{NetHTTP, "Request", "SetBasicAuth"}: true,
	{NetHTTP, "Request", "AddCookie"}:    true,
	{NetHTTP, "Request", "SetPathValue"}: true,
	{"net/url", "Values", "Set"}:         true,
	{"net/url", "Values", "Add"}:         true,
	{"net/url", "Values", "Del"}:         true,
}

// RequestSetters are the request changes that replace what they set
// (a header, basic auth, a query value): made each round before the
// send with the same values, they make the same request again.
var RequestSetters = map[Key]bool{
	{NetHTTP, "Header", "Set"}:           true,
	{NetHTTP, "Header", "Del"}:           true,
	{NetHTTP, "Request", "SetBasicAuth"}: true,
	{"net/url", "Values", "Set"}:         true,
	{"net/url", "Values", "Del"}:         true,
}

// RequestCopies are calls that return a copy of the request they are
// called on: a copy sent again is the same request (opensearch-go clones
// its request each round before it points it at the next node).
var RequestCopies = map[Key]bool{
	{NetHTTP, "Request", "Clone"}:       true,
	{NetHTTP, "Request", "WithContext"}: true,
}

// BodyRewinds are the request fields a retry resets so that the same
// request can be sent again: no change to the request.
var BodyRewinds = map[Key]bool{
	{NetHTTP, "Request", "Body"}:          true,
	{NetHTTP, "Request", "GetBody"}:       true,
	{NetHTTP, "Request", "ContentLength"}: true,
}

// ServerFields are the request fields that name the server a request
// goes to, or say how its connection is used, not what the API is asked:
// a retry that points them at the next node (a host rotation) or closes
// the connection after it (Request.Close) re-sends the same request.
var ServerFields = map[Key]bool{
	{NetHTTP, "Request", "Host"}:  true,
	{NetHTTP, "Request", "Close"}: true,
	{"net/url", "URL", "Host"}:    true,
	{"net/url", "URL", "Scheme"}:  true,
}

// ResponseTypes are the response types whose nil test means "no status"
// and whose status a retry decision reads (Name is the type name).
var ResponseTypes = map[Key]bool{
	{NetHTTP, "", "Response"}:  true,
	{Fasthttp, "", "Response"}: true,
	{RestyV2, "", "Response"}:  true,
	{RestyV3, "", "Response"}:  true,
}

// ResponseReads are the fields and methods of responses that read what
// the server answered besides the body: its status and headers. A loop
// that reads nothing else of its response (and closes or drains the
// body, HTTPResponseBody) is a poll.
var ResponseReads = map[Key]bool{
	{NetHTTP, "Response", "StatusCode"}:  true,
	{NetHTTP, "Response", "Status"}:      true,
	{NetHTTP, "Response", "Header"}:      true,
	{RestyV2, "Response", "StatusCode"}:  true,
	{RestyV2, "Response", "Status"}:      true,
	{RestyV2, "Response", "Header"}:      true,
	{RestyV3, "Response", "StatusCode"}:  true,
	{RestyV3, "Response", "Status"}:      true,
	{RestyV3, "Response", "Header"}:      true,
	{Fasthttp, "Response", "StatusCode"}: true,
	{Fasthttp, "Response", "Header"}:     true,
}

// HTTPResponseBody is the body of a net/http response: a poll closes or
// drains it.
var HTTPResponseBody = Key{NetHTTP, "Response", "Body"}

// HeaderReads are calls that read a response header by name: a constant
// "Retry-After" argument there means the code reads Retry-After.
var HeaderReads = map[Key]bool{
	{NetHTTP, "Header", "Get"}:           true,
	{NetHTTP, "Header", "Values"}:        true,
	{Fasthttp, "ResponseHeader", "Peek"}: true,
}

// RetryAfterWaits are functions that hand a wait to something that honours
// Retry-After: the code using them waits as the API asks.
var RetryAfterWaits = map[Key]bool{
	{BackoffV5, "", "RetryAfter"}:                       true,
	{RetryableHTTP, "", "DefaultBackoff"}:               true,
	{RetryableHTTP, "", "RateLimitLinearJitterBackoff"}: true,
}

// RetryAfterOptions are retry libraries' options that take the function
// the library waits by before each re-send, with the argument that takes
// it: given one that reads Retry-After (linodego's respectRetryAfter), the
// client the package configures waits as the API asks, whichever of its
// conditions sent it round.
var RetryAfterOptions = map[Key]int{
	{RestyV2, "Client", "SetRetryAfter"}: 0,
}

// WaitingClients are retry libraries' constructors whose client waits as
// Retry-After says (go-retryablehttp's NewClient: its Backoff is
// DefaultBackoff) until the field given here is set.
var WaitingClients = map[Key]Key{
	{RetryableHTTP, "", "NewClient"}: {RetryableHTTP, "Client", "Backoff"},
}

// NoReturn are calls that never return: the flow past them is dead.
var NoReturn = with(map[Key]bool{
	{"os", "", "Exit"}:        true,
	{"log", "", "Fatal"}:      true,
	{"log", "", "Fatalf"}:     true,
	{"log", "", "Fatalln"}:    true,
	{"log", "", "Panic"}:      true,
	{"log", "", "Panicf"}:     true,
	{"log", "", "Panicln"}:    true,
	{"runtime", "", "Goexit"}: true,
}, func(m map[Key]bool) {
	// testing's T, B and F methods are declared on the unexported common;
	// TB is the interface.
	for _, recv := range []string{"common", "TB"} {
		for _, name := range []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"} {
			m[Key{"testing", recv, name}] = true
		}
	}
})
