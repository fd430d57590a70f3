// Package suffix registers routes on a group it is handed, which may be
// mounted under any prefix (datarhei-core's /api/v3 group).
package suffix

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Register adds the group's routes.
func Register(g *gin.RouterGroup) {
	// Negative: under /api/v3 this is describeMetrics, which documents
	// 404; at the root it is prometheus, which does not. Two operations'
	// paths end as this one does: no tie, and the API-wide table, which
	// has 404, holds.
	g.GET("/metrics", func(c *gin.Context) {
		c.Status(http.StatusNotFound)
	})
	// Positive: one operation's path ends so; tied, as written.
	g.GET("/api/v3/config", func(c *gin.Context) {
		c.Status(http.StatusNotFound) // want `status 404 \(Not Found\) in Status is not documented for GET /api/v3/config`
	})
}
