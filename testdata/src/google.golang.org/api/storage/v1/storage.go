// Package storage is a stub of google.golang.org/api/storage/v1.
package storage

import (
	"net/http"

	"google.golang.org/api/googleapi"
)

type Service struct {
	BasePath string
	Objects  *ObjectsService
}

type ObjectsService struct{ s *Service }

func (r *ObjectsService) Get(bucket string, object string) *ObjectsGetCall { return nil }

type ObjectsGetCall struct{ s *Service }

func (c *ObjectsGetCall) Do(opts ...googleapi.CallOption) (*Object, error) { return nil, nil }

// WithRetry's bo is a *gax.Backoff in the real package.
func (c *ObjectsGetCall) WithRetry(bo any, errorFunc func(err error) bool) *ObjectsGetCall {
	return c
}

func (c *ObjectsGetCall) Download(opts ...googleapi.CallOption) (*http.Response, error) {
	return nil, nil
}

type Object struct{ Name string }
