package frameworks

import (
	"github.com/valyala/fasthttp"
)

// fasthttp's sinks take the status; fixes use fasthttp's constants, which
// the file imports, and add no import of net/http.
func fasthttpHandler(ctx *fasthttp.RequestCtx) {
	ctx.SetStatusCode(201)                   // want `raw status code 201 in SetStatusCode: use fasthttp.StatusCreated`
	ctx.Error("bad", 400)                    // want `raw status code 400 in Error: use fasthttp.StatusBadRequest`
	ctx.Redirect("/x", 302)                  // want `raw status code 302 in Redirect: use fasthttp.StatusFound`
	ctx.RedirectBytes([]byte("/y"), 301)     // want `raw status code 301 in RedirectBytes: use fasthttp.StatusMovedPermanently`
	ctx.Response.SetStatusCode(500)          // want `raw status code 500 in SetStatusCode: use fasthttp.StatusInternalServerError`
	ctx.Response.Header.SetStatusCode(404)   // want `raw status code 404 in SetStatusCode: use fasthttp.StatusNotFound`
	ctx.SetStatusCode(fasthttp.StatusTeapot) // want `status 418 \(I'm a teapot\) in SetStatusCode is not documented by huaweicloud`
	ctx.SetStatusCode(fasthttp.StatusOK)
}

// Comparisons with a response's status, and with the status fasthttp.Get
// returns.
func fasthttpClient(c *fasthttp.Client, req *fasthttp.Request) bool {
	resp := fasthttp.AcquireResponse()
	if err := c.Do(req, resp); err != nil {
		return false
	}
	if resp.StatusCode() == 404 { // want `raw status code 404 in comparison with resp.StatusCode\(\): use fasthttp.StatusNotFound`
		return false
	}
	if resp.Header.StatusCode() != 200 { // want `raw status code 200 in comparison with resp.Header.StatusCode\(\): use fasthttp.StatusOK`
		return false
	}
	statusCode, _, err := fasthttp.Get(nil, "http://localhost/")
	if err != nil || statusCode != 503 { // want `raw status code 503 in comparison with statusCode: use fasthttp.StatusServiceUnavailable`
		return false
	}
	n := len("abc") // an int that is no status
	return n == 3 && resp.StatusCode() >= 500
}
