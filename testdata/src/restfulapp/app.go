// Package restfulapp writes and reads statuses through go-restful and
// go-openapi's runtime.
package restfulapp

import (
	"errors"

	restful "github.com/emicklei/go-restful/v3"
	"github.com/go-openapi/runtime"
)

func handler(req *restful.Request, resp *restful.Response) {
	resp.WriteErrorString(404, "no such thing")                    // want `raw status code 404 in WriteErrorString: use http.StatusNotFound`
	resp.WriteServiceError(409, restful.NewError(409, "conflict")) // want `raw status code 409 in WriteServiceError: use http.StatusConflict`
	if resp.StatusCode() == 200 {                                  // want `raw status code 200 in comparison with resp.StatusCode\(\): use http.StatusOK`
		return
	}
}

func decide(err error, r runtime.ClientResponse) bool {
	var se restful.ServiceError
	if errors.As(err, &se) && se.Code == 404 { // want `raw status code 404 in comparison with se.Code: use http.StatusNotFound`
		return true
	}
	var ae *runtime.APIError
	if errors.As(err, &ae) && ae.Code == 429 { // want `raw status code 429 in comparison with ae.Code: use http.StatusTooManyRequests`
		return true
	}
	return r.Code() == 503 // want `raw status code 503 in comparison with r.Code\(\): use http.StatusServiceUnavailable`
}

func fail() error {
	return runtime.NewAPIError("getPet", nil, 418) // want `raw status code 418 in runtime.NewAPIError: use http.StatusTeapot` `status 418 \(I'm a teapot\) in runtime.NewAPIError is not documented`
}
