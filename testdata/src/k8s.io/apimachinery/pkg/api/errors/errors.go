// Package errors is a stub of k8s.io/apimachinery/pkg/api/errors.
package errors

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

type StatusError struct {
	ErrStatus metav1.Status
}

func (e *StatusError) Error() string { return e.ErrStatus.Message }

func IsNotFound(err error) bool { return false }

func IsConflict(err error) bool { return false }

func IsServiceUnavailable(err error) bool { return false }

func IsTooManyRequests(err error) bool { return false }
