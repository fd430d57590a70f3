// Package awserr is a stub of github.com/aws/aws-sdk-go/aws/awserr.
package awserr

type Error interface {
	error
	Code() string
	Message() string
	OrigErr() error
}

// RequestFailure is an Error of a request that got a response: StatusCode
// is its status.
type RequestFailure interface {
	Error
	StatusCode() int
	RequestID() string
}
