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
