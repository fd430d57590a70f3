package user

import "net/http"

// This file does not import apistatus, but its package does: the fix adds
// the import.
func indirect(resp *http.Response) bool {
	return resp.StatusCode == 404 // want `raw status code 404 in comparison with resp.StatusCode: use apistatus.NotFound`
}
