// Package ginresp answers on the gin context it is handed: routes/ginhanded's
// handlers write what it writes.
package ginresp

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Unavailable answers 503.
func Unavailable(c *gin.Context) {
	c.AbortWithStatus(http.StatusServiceUnavailable)
}
