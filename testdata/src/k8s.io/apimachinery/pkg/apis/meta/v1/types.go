// Package v1 is a stub of k8s.io/apimachinery/pkg/apis/meta/v1.
package v1

type StatusReason string

// Status is a return value for calls that do not return other objects:
// Code is the HTTP status.
type Status struct {
	Status  string       `json:"status,omitempty"`
	Message string       `json:"message,omitempty"`
	Reason  StatusReason `json:"reason,omitempty"`
	Code    int32        `json:"code,omitempty"`
}

type GetOptions struct {
	ResourceVersion string `json:"resourceVersion,omitempty"`
}

type UpdateOptions struct {
	DryRun []string `json:"dryRun,omitempty"`
}
