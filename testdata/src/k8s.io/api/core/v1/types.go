// Package v1 is a stub of k8s.io/api/core/v1.
package v1

type Pod struct {
	Status PodStatus
}

type PodStatus struct {
	Phase string
}
