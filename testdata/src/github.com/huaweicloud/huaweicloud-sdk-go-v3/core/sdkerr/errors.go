// Package sdkerr is a stub of the cloud SDK's error package.
package sdkerr

// ServiceResponseError is an API error response.
type ServiceResponseError struct {
	StatusCode   int    `json:"status_code"`
	RequestId    string `json:"request_id"`
	ErrorCode    string `json:"error_code"`
	ErrorMessage string `json:"error_message"`
}

func (sr ServiceResponseError) Error() string { return sr.ErrorMessage }
