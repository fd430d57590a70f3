package frameworks

import (
	"errors"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kafka/v2/model"
)

func sdkCall(resp *model.ShowInstanceResponse, err error) bool {
	var se *sdkerr.ServiceResponseError
	if errors.As(err, &se) && se.StatusCode == 404 { // want `raw status code 404 in comparison with se.StatusCode: use http.StatusNotFound`
		return false
	}
	if se != nil && se.StatusCode >= 500 {
		return false
	}
	return resp.HttpStatusCode == 200 // want `raw status code 200 in comparison with resp.HttpStatusCode: use http.StatusOK`
}

// A field named like a status but not an integer is not one.
type job struct {
	StatusCode string
	Code       int
}

func jobs(j job) bool {
	return j.StatusCode == "200" || j.Code == 404
}
