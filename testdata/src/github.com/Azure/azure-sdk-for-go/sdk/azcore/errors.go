// Package azcore is a stub of github.com/Azure/azure-sdk-for-go/sdk/azcore.
package azcore

import "github.com/Azure/azure-sdk-for-go/sdk/azcore/internal/exported"

// ResponseError is returned when a request is made to a service and the
// service returns a non-success status.
type ResponseError = exported.ResponseError
