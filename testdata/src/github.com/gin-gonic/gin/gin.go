// Package gin is a stub of github.com/gin-gonic/gin with the real
// signatures of the methods the fixtures use.
package gin

import "net/http"

// ResponseWriter is gin's writer; its WriteHeader ignores codes below 1.
type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

// H is a shortcut for map[string]any.
type H map[string]any

// Context is the request context.
type Context struct{}

func (c *Context) AbortWithStatus(code int)                       {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any)      {}
func (c *Context) Status(code int)                                {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Redirect(code int, location string)             {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) GetInt(key any) (i int)                         { return 0 }
func (c *Context) Set(key any, value any)                         {}

// HandlerFunc handles a request.
type HandlerFunc func(*Context)

// RouterGroup registers routes under a prefix.
type RouterGroup struct{}

// Engine is the router; it embeds a RouterGroup.
type Engine struct{ RouterGroup }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes { return nil }

func New() *Engine     { return &Engine{} }
func Default() *Engine { return &Engine{} }

// IRoutes is what route registrations and Use return: the same router.
type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}

func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return group
}
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes   { return nil }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
