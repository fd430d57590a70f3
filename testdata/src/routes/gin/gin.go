// Package gin registers handlers on a gin engine and its groups.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func routes() {
	r := gin.Default()
	v2 := r.Group("/v2")
	inst := v2.Group("/:project/instances")

	// Positive: a nested group's prefix; 409 is not documented for POST.
	inst.POST("", auth, func(c *gin.Context) {
		c.JSON(http.StatusConflict, gin.H{}) // want `status 409 \(Conflict\) in JSON is not documented for POST /v2/\{project_id\}/instances`
	})

	// Negative: the last handler is the handler, the first middleware;
	// 404 is documented for DELETE.
	inst.DELETE("/:id", auth, deleteInstance)

	// Positive: Handle with a constant method.
	v2.Handle("GET", "/health", func(c *gin.Context) {
		c.Status(http.StatusForbidden) // want `status 403 \(Forbidden\) in Status is not documented for GET /v2/health \(documented: 200, 503\)`
	})

	// Positive: a route the spec lacks.
	r.GET("/v2/version", func(c *gin.Context) {}) // want `route GET /v2/version is not in routes.yaml`
}

func auth(c *gin.Context) {
	c.AbortWithStatus(http.StatusForbidden) // middleware: not the route's handler
}

func deleteInstance(c *gin.Context) {
	c.Status(http.StatusNotFound)
}

// Negative: a group from a parameter has an unknown prefix.
func register(g *gin.RouterGroup) {
	g.POST("/instances", func(c *gin.Context) {
		c.Status(http.StatusConflict)
	})
}

// SetRoutes is the common shape: the engine comes in a parameter. An
// engine is the root router.
func SetRoutes(r *gin.Engine) {
	useMiddleware(r)
	r.GET("/v2/health", func(c *gin.Context) {
		c.Status(http.StatusForbidden) // want `status 403 \(Forbidden\) in Status is not documented for GET /v2/health \(documented: 200, 503\)`
	})
	// Positive: handing the engine to a helper that adds middleware does
	// not hide a route the spec lacks.
	r.GET("/v2/stats", func(c *gin.Context) {}) // want `route GET /v2/stats is not in routes.yaml`
}

func useMiddleware(r *gin.Engine) { r.Use(auth) }

// SetGroupRoutes gets a group, which may be mounted anywhere: its routes
// are tied where the path names one operation, with or without the base
// path, and never reported missing.
func SetGroupRoutes(g *gin.RouterGroup) {
	g.DELETE("/:project/instances/:id", func(c *gin.Context) {
		c.Status(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in Status is not documented for DELETE /v2/\{project_id\}/instances/\{instance_id\}`
	})
	// Negative: no operation has this path; the group may be mounted
	// under a prefix that makes one.
	g.GET("/whatever", func(c *gin.Context) {})
}

// The chains of real services: gin's Use returns the router it is called
// on (as an IRoutes), Match with GET and HEAD is GET's operation, and an
// empty path is the group's own.
func chains(r *gin.Engine) {
	r.Group("/v2").Use(auth).POST("/:project/instances", func(c *gin.Context) {
		c.JSON(http.StatusConflict, gin.H{}) // want `status 409 \(Conflict\) in JSON is not documented for POST /v2/\{project_id\}/instances`
	})
	r.Match([]string{http.MethodGet, http.MethodHead}, "/v2/health", func(c *gin.Context) {
		c.Status(http.StatusForbidden) // want `status 403 \(Forbidden\) in Status is not documented for GET /v2/health`
	})
	r.Group("/v2/health").GET("", func(c *gin.Context) {
		c.Status(http.StatusTeapot) // want `status 418 \(I'm a teapot\) in Status is not documented for GET /v2/health`
	})
	// Negative: two operations' methods in one handler are no one
	// operation's.
	r.Match([]string{"GET", "POST"}, "/v2/health", func(c *gin.Context) {
		c.Status(http.StatusTeapot)
	})
	// Negative: routes beside the API's paths (a web UI, its docs) are not
	// the spec's business.
	r.GET("/", func(c *gin.Context) {})
	r.GET("/docs", func(c *gin.Context) {})
}
