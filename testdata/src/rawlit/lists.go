package rawlit

import (
	"net/http"
	"slices"
)

// Statuses in lists: looked up with slices.Contains, or ranged over and
// compared.
func accepted(resp *http.Response) bool {
	if slices.Contains([]int{200, 204}, resp.StatusCode) { // want `raw status code 200 in comparison with resp.StatusCode: use http.StatusOK` `raw status code 204 in comparison with resp.StatusCode: use http.StatusNoContent`
		return true
	}
	for _, code := range []int{201, 202} { // want `raw status code 201 in comparison with resp.StatusCode \(through code\): use http.StatusCreated` `raw status code 202 in comparison with resp.StatusCode \(through code\): use http.StatusAccepted`
		if resp.StatusCode == code {
			return true
		}
	}
	return false
}

// Negative: a list that is not compared with a status.
func sizes(n int) bool {
	return slices.Contains([]int{200, 404}, n)
}
