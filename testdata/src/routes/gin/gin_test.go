package gin

import (
	"testing"

	"github.com/gin-gonic/gin"
)

// Negative: a test's own server stands in for what it tests; its routes
// are not the API's.
func TestServer(t *testing.T) {
	r := gin.New()
	r.GET("/v2/testonly", func(c *gin.Context) {})
}
