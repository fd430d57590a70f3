// Package fasthttponly reaches HTTP through fasthttp alone: it does not
// import net/http, and is checked like a package that does.
package fasthttponly

import (
	"time"

	"github.com/valyala/fasthttp"
)

func handler(ctx *fasthttp.RequestCtx) {
	ctx.SetStatusCode(404) // want `raw status code 404 in SetStatusCode: use fasthttp.StatusNotFound`
	ctx.Error("boom", 500) // want `raw status code 500 in Error: use fasthttp.StatusInternalServerError`
	ctx.SetStatusCode(fasthttp.StatusOK)
}

func check(resp *fasthttp.Response) bool {
	return resp.StatusCode() == 200 // want `raw status code 200 in comparison with resp.StatusCode\(\): use fasthttp.StatusOK`
}

func fetch(req *fasthttp.Request, resp *fasthttp.Response) {
	for i := 0; i < 3; i++ {
		if err := fasthttp.Do(req, resp); err != nil {
			return
		}
		if resp.StatusCode() == fasthttp.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return
	}
}
