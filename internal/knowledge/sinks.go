package knowledge

import (
	"fmt"
	"strconv"
	"strings"
)

// A Sink is a function or method that takes a status: argument Arg.
type Sink struct {
	Key
	Arg int
}

// String is the sink in -sinks syntax: pkgpath.Func:argIndex or
// pkgpath.Type.Method:argIndex.
func (s Sink) String() string {
	if s.Recv != "" {
		return fmt.Sprintf("%s.%s.%s:%d", s.Path, s.Recv, s.Name, s.Arg)
	}
	return fmt.Sprintf("%s.%s:%d", s.Path, s.Name, s.Arg)
}

// Label is how diagnostics name the sink: methods by name ("JSON"),
// functions with their package name ("http.Error").
func (s Sink) Label() string {
	if s.Recv != "" {
		return s.Name
	}
	elems := strings.Split(s.Path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(name) {
		name = elems[len(elems)-2] // github.com/gofiber/fiber/v2 is package fiber
	}
	return name + "." + s.Name
}

func isMajorVersion(elem string) bool {
	_, err := strconv.Atoi(strings.TrimPrefix(elem, "v"))
	return strings.HasPrefix(elem, "v") && err == nil
}

// builtinSinks are the functions and methods known to take a status, by
// package and type, so that a method of the same name elsewhere is not one.

// Sinks are the functions and methods known to take a status, by package
// and type, so that a method of the same name elsewhere is not one. Any
// WriteHeader(int) method of a type with http.ResponseWriter's methods is
// a sink too; that is decided by the method set, not listed here.
var Sinks = []Sink{
	{Key{NetHTTP, "", "Error"}, 2},
	{Key{NetHTTP, "", "Redirect"}, 3},
	{Key{NetHTTP, "", "RedirectHandler"}, 1},
	{Key{NetHTTP, "", "StatusText"}, 0},

	// gin: every (*gin.Context) responder takes the status first.
	{Key{"github.com/gin-gonic/gin", "Context", "AbortWithError"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "AbortWithStatus"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "AbortWithStatusJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "AbortWithStatusPureJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "AsciiJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "Data"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "DataFromReader"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "HTML"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "IndentedJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "JSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "JSONP"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "Negotiate"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "ProtoBuf"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "PureJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "Redirect"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "Render"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "SecureJSON"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "Status"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "String"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "TOML"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "XML"}, 0},
	{Key{"github.com/gin-gonic/gin", "Context", "YAML"}, 0},

	// echo v4: the Context interface's responders, and NewHTTPError.
	{Key{"github.com/labstack/echo/v4", "", "NewHTTPError"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "Blob"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "HTML"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "HTMLBlob"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "JSON"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "JSONBlob"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "JSONP"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "JSONPBlob"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "JSONPretty"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "NoContent"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "Redirect"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "Render"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "Stream"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "String"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "XML"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "XMLBlob"}, 0},
	{Key{"github.com/labstack/echo/v4", "Context", "XMLPretty"}, 0},

	// chi's render package.
	{Key{"github.com/go-chi/render", "", "Status"}, 1},

	// fiber v2 (*Ctx) and v3 (the Ctx interface and its Redirect helper).
	{Key{"github.com/gofiber/fiber/v2", "", "NewError"}, 0},
	{Key{"github.com/gofiber/fiber/v2", "Ctx", "Redirect"}, 1},
	{Key{"github.com/gofiber/fiber/v2", "Ctx", "SendStatus"}, 0},
	{Key{"github.com/gofiber/fiber/v2", "Ctx", "Status"}, 0},
	{Key{"github.com/gofiber/fiber/v3", "", "NewError"}, 0},
	{Key{"github.com/gofiber/fiber/v3", "Ctx", "SendStatus"}, 0},
	{Key{"github.com/gofiber/fiber/v3", "Ctx", "Status"}, 0},
	{Key{"github.com/gofiber/fiber/v3", "Redirect", "Status"}, 0},

	// fasthttp: the request context's responders, and the status of a
	// response or its header.
	// go-restful v3: the response's status writers and its ServiceError;
	// go-openapi's runtime.NewAPIError (a generated client's error).
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteHeaderAndEntity"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteHeaderAndXml"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteHeaderAndJson"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteError"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteServiceError"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "Response", "WriteErrorString"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "", "NewError"}, 0},
	{Key{"github.com/emicklei/go-restful/v3", "", "NewErrorWithHeader"}, 0},
	{Key{"github.com/go-openapi/runtime", "", "NewAPIError"}, 2},
	// go-openapi's middleware.Error: a responder of the status it is
	// given (a go-swagger handler's).
	{Key{OpenAPIMiddleware, "", "Error"}, 0},

	{Key{Fasthttp, "RequestCtx", "SetStatusCode"}, 0},
	{Key{Fasthttp, "RequestCtx", "Error"}, 1},
	{Key{Fasthttp, "RequestCtx", "Redirect"}, 1},
	{Key{Fasthttp, "RequestCtx", "RedirectBytes"}, 1},
	{Key{Fasthttp, "Response", "SetStatusCode"}, 0},
	{Key{Fasthttp, "ResponseHeader", "SetStatusCode"}, 0},

	// huma v2: the Context interface, WriteErr, and the NewError
	// function variables.
	{Key{"github.com/danielgtaylor/huma/v2", "Context", "SetStatus"}, 0},
	{Key{"github.com/danielgtaylor/huma/v2", "", "WriteErr"}, 2},
	{Key{"github.com/danielgtaylor/huma/v2", "", "NewError"}, 0},
	{Key{"github.com/danielgtaylor/huma/v2", "", "NewErrorWithContext"}, 1},

	// gorilla/handlers redirects with the given status.
	{Key{"github.com/gorilla/handlers", "", "CanonicalHost"}, 1},

	// testify's HTTP status assertion, as a function and as a method.
	{Key{"github.com/stretchr/testify/assert", "", "HTTPStatusCode"}, 5},
	{Key{"github.com/stretchr/testify/assert", "Assertions", "HTTPStatusCode"}, 4},
	{Key{"github.com/stretchr/testify/require", "", "HTTPStatusCode"}, 5},
	{Key{"github.com/stretchr/testify/require", "Assertions", "HTTPStatusCode"}, 4},

	// HTTP test libraries: the statuses a mock answers with, and those a
	// test expects. httpmock's responses and responders; gock's Reply and
	// Status (under both of its import paths); httpexpect's and apitest's
	// expectations (httpexpect's StatusList, each status of the list),
	// and apitest's mock responses.
	{Key{"github.com/jarcoal/httpmock", "", "NewStringResponse"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewStringResponder"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewBytesResponse"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewBytesResponder"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewJsonResponse"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewJsonResponseOrPanic"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewJsonResponder"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewJsonResponderOrPanic"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewXmlResponse"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewXmlResponder"}, 0},
	{Key{"github.com/jarcoal/httpmock", "", "NewXmlResponderOrPanic"}, 0},
	{Key{"github.com/h2non/gock", "Request", "Reply"}, 0},
	{Key{"github.com/h2non/gock", "Response", "Status"}, 0},
	{Key{"gopkg.in/h2non/gock.v1", "Request", "Reply"}, 0},
	{Key{"gopkg.in/h2non/gock.v1", "Response", "Status"}, 0},
	{Key{"github.com/gavv/httpexpect/v2", "Response", "Status"}, 0},
	{Key{"github.com/gavv/httpexpect/v2", "Response", "StatusList"}, 0},
	{Key{"github.com/steinfletcher/apitest", "Response", "Status"}, 0},
	{Key{"github.com/steinfletcher/apitest", "MockResponse", "Status"}, 0},
}

// EqualAsserts are testify's equality assertions, as functions and as
// *Assertions methods: when one side is a status, so is the other.
var EqualAsserts = with(map[Key]bool{}, func(m map[Key]bool) {
	for _, pkg := range []string{"github.com/stretchr/testify/assert", "github.com/stretchr/testify/require"} {
		for _, name := range []string{"Equal", "EqualValues", "Exactly", "NotEqual", "NotEqualValues"} {
			m[Key{pkg, "", name}] = true
			m[Key{pkg, "Assertions", name}] = true
		}
	}
})

// StatusFields are the integer fields that hold a status, by identity.
// Integer fields named StatusCode, HTTPStatus or HttpStatusCode in any
// package count too, by name: the one name rule among the sinks, because
// SDKs and clients name their status fields that way.
var StatusFields = map[Key]bool{
	{"github.com/danielgtaylor/huma/v2", "Operation", "DefaultStatus"}: true,
	{NetHTTP, "Response", "StatusCode"}:                                true,
	{"net/http/httptest", "ResponseRecorder", "Code"}:                  true,
	{"github.com/labstack/echo/v4", "HTTPError", "Code"}:               true,

	// Statuses carried by SDK errors, read after errors.As: Google's
	// APIs, Kubernetes' API errors (StatusError.ErrStatus.Code). Azure's
	// azcore.ResponseError.StatusCode and minio's ErrorResponse.StatusCode
	// count by name.
	{"google.golang.org/api/googleapi", "Error", "Code"}:          true,
	{"github.com/emicklei/go-restful/v3", "ServiceError", "Code"}: true,
	{"github.com/go-openapi/runtime", "APIError", "Code"}:         true,
	{"k8s.io/apimachinery/pkg/apis/meta/v1", "Status", "Code"}:    true,
}

// StatusFieldModules are the module paths whose packages' status-named
// fields hold statuses although their package mentions no HTTP package:
// the cloud SDK's response models (model.ShowInstanceResponse's
// HttpStatusCode) import only its converters.
var StatusFieldModules = []string{"github.com/huaweicloud/huaweicloud-sdk-go-v3"}

// StatusMethods are methods that return a response's status: a constant
// compared with their result is a status.
var StatusMethods = map[Key]bool{
	{"github.com/go-resty/resty/v2", "Response", "StatusCode"}: true,
	{"resty.dev/v3", "Response", "StatusCode"}:                 true,
	{Fasthttp, "Response", "StatusCode"}:                       true,
	{Fasthttp, "ResponseHeader", "StatusCode"}:                 true,

	// SDK errors: smithy-go's (aws-sdk-go-v2's, embedded in its
	// awshttp.ResponseError) and aws-sdk-go v1's RequestFailure.
	{"github.com/aws/smithy-go/transport/http", "ResponseError", "HTTPStatusCode"}: true,
	{"github.com/aws/aws-sdk-go/aws/awserr", "RequestFailure", "StatusCode"}:       true,

	// go-restful\'s response, go-openapi\'s client response (an interface).
	{"github.com/emicklei/go-restful/v3", "Response", "StatusCode"}: true,
	{"github.com/go-openapi/runtime", "ClientResponse", "Code"}:     true,
}

// StatusResults are calls one of whose results is the response's status
// (fasthttp.Get's statusCode): the variable it is assigned to is a
// status.
var StatusResults = with(map[Key]int{}, func(m map[Key]int) {
	for _, recv := range []string{"", "Client", "HostClient"} {
		for _, name := range []string{"Get", "GetTimeout", "GetDeadline", "Post"} {
			m[Key{Fasthttp, recv, name}] = 0
		}
	}
})

// ConstantPackages are frameworks that declare the status constants under
// net/http's names (fasthttp.StatusNotFound, fiber.StatusNotFound). Fixes
// in a file that imports one use its constants, and the package itself
// uses its own, instead of adding net/http.
var ConstantPackages = []string{Fasthttp, "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3"}

// Assertion libraries whose comparisons are not calls of an Equal-named
// helper.
const (
	Gomega      = "github.com/onsi/gomega"
	GomegaTypes = "github.com/onsi/gomega/types"
	Quicktest   = "github.com/frankban/quicktest"
)

// GomegaActuals are gomega's functions that take the actual value, with
// its index: Expect(resp.StatusCode).To(Equal(200)).
var GomegaActuals = map[Key]int{
	{Gomega, "", "Expect"}:            0,
	{Gomega, "", "Ω"}:                 0,
	{Gomega, "", "ExpectWithOffset"}:  1,
	{Gomega, "WithT", "Expect"}:       0,
	{GomegaTypes, "Gomega", "Expect"}: 0,
}

// GomegaAssertions are the methods that apply a matcher to the actual
// value.
var GomegaAssertions = map[Key]bool{
	{GomegaTypes, "Assertion", "To"}:        true,
	{GomegaTypes, "Assertion", "ToNot"}:     true,
	{GomegaTypes, "Assertion", "NotTo"}:     true,
	{GomegaTypes, "Assertion", "Should"}:    true,
	{GomegaTypes, "Assertion", "ShouldNot"}: true,
}

// GomegaEqualities are gomega's matchers that compare with their argument.
var GomegaEqualities = map[Key]bool{
	{Gomega, "", "Equal"}:          true,
	{Gomega, "", "BeEquivalentTo"}: true,
	{Gomega, "", "BeIdenticalTo"}:  true,
}

// QuicktestCheckers are quicktest's equality checkers, passed between the
// values they compare: c.Assert(resp.StatusCode, qt.Equals, 200).
var QuicktestCheckers = map[Key]bool{
	{Quicktest, "", "Equals"}:     true,
	{Quicktest, "", "DeepEquals"}: true,
}
