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
