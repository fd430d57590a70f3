// Package register registers routes on the routers its callers hand in
// (shiori's and datarhei-core's shape): what each exported function
// registers on its parameter, with what the handlers write, is a fact,
// which the callers (routes/mount) tie under the prefix they know.
package register

import (
	"net/http"
	"net/http/pprof"

	"github.com/gin-gonic/gin"
)

// Routes is a set of routes that registers itself on a group.
type Routes interface {
	Setup(g *gin.RouterGroup)
}

// Instances are the instance routes.
type Instances struct{}

// Setup registers them on g.
func (Instances) Setup(g *gin.RouterGroup) { // want Setup:`routes\[GET /instances@0 POST /instances@0 GET /instances/:id/metadata@0\]`
	g.GET("/instances", list)
	g.POST("/instances", create)
	g.GET("/instances/:id/metadata", list)
}

func list(c *gin.Context) { c.JSON(http.StatusOK, nil) }

func create(c *gin.Context) { c.JSON(http.StatusConflict, nil) }

// Debug registers the runtime's profiles on g.
func Debug(g *gin.RouterGroup) { // want Debug:`routes\[GET /pprof@0\]`
	g.GET("/pprof", func(c *gin.Context) { pprof.Index(nil, nil) })
}

// Frontend registers the web UI on the engine.
func Frontend(e *gin.Engine) { // want Frontend:`routes\[GET /login@0\]`
	e.GET("/login", list)
}
