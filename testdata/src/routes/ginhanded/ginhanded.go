// Package ginhanded hands its gin context to routes/ginresp, which
// answers on it: the route's handler writes what ginresp writes.
package ginhanded

import (
	"github.com/gin-gonic/gin"

	"routes/ginresp"
)

func routes() {
	r := gin.Default()
	// Positive: a function of another package answers 503 on the
	// context the handler hands it; listInstances documents 200 and
	// 4XX.
	r.GET("/v2/:project/instances", func(c *gin.Context) {
		ginresp.Unavailable(c) // want `status 503 \(Service Unavailable\) written by ginresp.Unavailable \(ginhanded.go:\d+ calling ginresp.go:\d+\) is not documented for GET /v2/\{project_id\}/instances`
	})
}
