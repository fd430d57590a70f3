package frameworks

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func ginHandler(c *gin.Context) {
	c.JSON(200, gin.H{"ok": true})                // want `raw status code 200 in JSON: use http.StatusOK`
	c.IndentedJSON(201, nil)                      // want `raw status code 201 in IndentedJSON: use http.StatusCreated`
	c.XML(202, nil)                               // want `raw status code 202 in XML: use http.StatusAccepted`
	c.String(400, "bad %s", "request")            // want `raw status code 400 in String: use http.StatusBadRequest`
	c.Status(204)                                 // want `raw status code 204 in Status: use http.StatusNoContent`
	c.AbortWithStatus(401)                        // want `raw status code 401 in AbortWithStatus: use http.StatusUnauthorized`
	c.AbortWithStatusJSON(403, nil)               // want `raw status code 403 in AbortWithStatusJSON: use http.StatusForbidden`
	c.Redirect(302, "/login")                     // want `raw status code 302 in Redirect: use http.StatusFound`
	c.Data(200, "text/plain", nil)                // want `raw status code 200 in Data: use http.StatusOK`
	c.JSON(http.StatusTeapot, nil)                // want `status 418 \(I'm a teapot\) in JSON is not documented by huaweicloud`
	c.Redirect(http.StatusTemporaryRedirect, "/") // want `status 307 \(Temporary Redirect\) in Redirect is not documented`

	// Not statuses: other int parameters of gin.
	c.Set("n", 404)
	_ = c.GetInt(404)
	c.JSON(http.StatusOK, gin.H{"code": 404})
}

// gin's "no status" sentinel: Render and the responders skip the header
// for codes below 1.
func ginSentinel(c *gin.Context) {
	c.JSON(-1, nil)
	c.String(0, "body")
	c.JSON(1000, nil) // want `invalid status 1000 in JSON`
}

// gin's own ResponseWriter interface: its writer takes -1 for "keep the
// status", as gin's tests do.
func ginWriter(w gin.ResponseWriter) {
	w.WriteHeader(-1)
}
