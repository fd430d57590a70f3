package analyzer

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// A sinkSpec names a function or method with a status parameter.
type sinkSpec struct {
	path string // package path
	recv string // receiver type name, "" for a function
	name string // function or method name
	arg  int    // index of the status argument
}

func (s sinkSpec) String() string {
	if s.recv != "" {
		return fmt.Sprintf("%s.%s.%s:%d", s.path, s.recv, s.name, s.arg)
	}
	return fmt.Sprintf("%s.%s:%d", s.path, s.name, s.arg)
}

// label is how diagnostics name the sink: methods by name ("JSON"),
// functions with their package name ("http.Error").
func (s sinkSpec) label() string {
	if s.recv != "" {
		return s.name
	}
	elems := strings.Split(s.path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(name) {
		name = elems[len(elems)-2] // github.com/gofiber/fiber/v2 is package fiber
	}
	return name + "." + s.name
}

func isMajorVersion(elem string) bool {
	_, err := strconv.Atoi(strings.TrimPrefix(elem, "v"))
	return strings.HasPrefix(elem, "v") && err == nil
}

// builtinSinks are the functions and methods known to take a status, by
// package and type, so that a method of the same name elsewhere is not one.
var builtinSinks = []sinkSpec{
	{"net/http", "", "Error", 2},
	{"net/http", "", "Redirect", 3},
	{"net/http", "", "RedirectHandler", 1},
	{"net/http", "", "StatusText", 0},

	// gin: every (*gin.Context) responder takes the status first.
	{"github.com/gin-gonic/gin", "Context", "AbortWithError", 0},
	{"github.com/gin-gonic/gin", "Context", "AbortWithStatus", 0},
	{"github.com/gin-gonic/gin", "Context", "AbortWithStatusJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "AbortWithStatusPureJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "AsciiJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "Data", 0},
	{"github.com/gin-gonic/gin", "Context", "DataFromReader", 0},
	{"github.com/gin-gonic/gin", "Context", "HTML", 0},
	{"github.com/gin-gonic/gin", "Context", "IndentedJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "JSON", 0},
	{"github.com/gin-gonic/gin", "Context", "JSONP", 0},
	{"github.com/gin-gonic/gin", "Context", "Negotiate", 0},
	{"github.com/gin-gonic/gin", "Context", "ProtoBuf", 0},
	{"github.com/gin-gonic/gin", "Context", "PureJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "Redirect", 0},
	{"github.com/gin-gonic/gin", "Context", "Render", 0},
	{"github.com/gin-gonic/gin", "Context", "SecureJSON", 0},
	{"github.com/gin-gonic/gin", "Context", "Status", 0},
	{"github.com/gin-gonic/gin", "Context", "String", 0},
	{"github.com/gin-gonic/gin", "Context", "TOML", 0},
	{"github.com/gin-gonic/gin", "Context", "XML", 0},
	{"github.com/gin-gonic/gin", "Context", "YAML", 0},

	// echo v4: the Context interface's responders, and NewHTTPError.
	{"github.com/labstack/echo/v4", "", "NewHTTPError", 0},
	{"github.com/labstack/echo/v4", "Context", "Blob", 0},
	{"github.com/labstack/echo/v4", "Context", "HTML", 0},
	{"github.com/labstack/echo/v4", "Context", "HTMLBlob", 0},
	{"github.com/labstack/echo/v4", "Context", "JSON", 0},
	{"github.com/labstack/echo/v4", "Context", "JSONBlob", 0},
	{"github.com/labstack/echo/v4", "Context", "JSONP", 0},
	{"github.com/labstack/echo/v4", "Context", "JSONPBlob", 0},
	{"github.com/labstack/echo/v4", "Context", "JSONPretty", 0},
	{"github.com/labstack/echo/v4", "Context", "NoContent", 0},
	{"github.com/labstack/echo/v4", "Context", "Redirect", 0},
	{"github.com/labstack/echo/v4", "Context", "Render", 0},
	{"github.com/labstack/echo/v4", "Context", "Stream", 0},
	{"github.com/labstack/echo/v4", "Context", "String", 0},
	{"github.com/labstack/echo/v4", "Context", "XML", 0},
	{"github.com/labstack/echo/v4", "Context", "XMLBlob", 0},
	{"github.com/labstack/echo/v4", "Context", "XMLPretty", 0},

	// chi's render package.
	{"github.com/go-chi/render", "", "Status", 1},

	// fiber v2 (*Ctx) and v3 (the Ctx interface and its Redirect helper).
	{"github.com/gofiber/fiber/v2", "", "NewError", 0},
	{"github.com/gofiber/fiber/v2", "Ctx", "Redirect", 1},
	{"github.com/gofiber/fiber/v2", "Ctx", "SendStatus", 0},
	{"github.com/gofiber/fiber/v2", "Ctx", "Status", 0},
	{"github.com/gofiber/fiber/v3", "", "NewError", 0},
	{"github.com/gofiber/fiber/v3", "Ctx", "SendStatus", 0},
	{"github.com/gofiber/fiber/v3", "Ctx", "Status", 0},
	{"github.com/gofiber/fiber/v3", "Redirect", "Status", 0},

	// gorilla/handlers redirects with the given status.
	{"github.com/gorilla/handlers", "", "CanonicalHost", 1},

	// testify's HTTP status assertion, as a function and as a method.
	{"github.com/stretchr/testify/assert", "", "HTTPStatusCode", 5},
	{"github.com/stretchr/testify/assert", "Assertions", "HTTPStatusCode", 4},
	{"github.com/stretchr/testify/require", "", "HTTPStatusCode", 5},
	{"github.com/stretchr/testify/require", "Assertions", "HTTPStatusCode", 4},
}

// sinkIndex finds specs by function name, so that matching a call costs a
// map lookup and no allocation.
type sinkIndex map[string][]sinkSpec

func newSinkIndex(specs ...[]sinkSpec) sinkIndex {
	idx := sinkIndex{}
	for _, list := range specs {
		for _, s := range list {
			idx[s.name] = append(idx[s.name], s)
		}
	}
	return idx
}

// parseSinks parses the -sinks flag: a comma-separated list of
// pkgpath.Func:argIndex and pkgpath.Type.Method:argIndex.
func parseSinks(value string) ([]sinkSpec, error) {
	var specs []sinkSpec
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		s, err := parseSink(item)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s)
	}
	return specs, nil
}

func parseSink(item string) (sinkSpec, error) {
	bad := func(why string) (sinkSpec, error) {
		return sinkSpec{}, fmt.Errorf("sink %q: %s (want pkgpath.Func:argIndex or pkgpath.Type.Method:argIndex)", item, why)
	}
	target, index, ok := strings.Cut(item, ":")
	if !ok {
		return bad("no argument index")
	}
	arg, err := strconv.Atoi(index)
	if err != nil || arg < 0 {
		return bad("argument index is not a number from 0")
	}
	slash := strings.LastIndex(target, "/")
	dot := strings.Index(target[slash+1:], ".")
	if dot < 0 {
		return bad("no function name")
	}
	path, names := target[:slash+1+dot], strings.Split(target[slash+1+dot+1:], ".")
	for _, n := range names {
		if !token.IsIdentifier(n) {
			return bad(fmt.Sprintf("%q is not a Go identifier", n))
		}
	}
	switch len(names) {
	case 1:
		return sinkSpec{path: path, name: names[0], arg: arg}, nil
	case 2:
		return sinkSpec{path: path, recv: names[0], name: names[1], arg: arg}, nil
	}
	return bad("too many names after the package path")
}
