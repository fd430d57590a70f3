// Package files is a generated service package: each method sends
// through the core and translates its error.
package files

import (
	"context"

	"retry/layered/autherr"
	"retry/layered/base"
)

// Client is the service's client.
type Client interface {
	Download(ctx context.Context, path string) ([]byte, error)
	Delete(ctx context.Context, path string) error
}

type apiImpl base.Context

// New returns a Client.
func New(c *base.Context) Client { return (*apiImpl)(c) }

func (dbx *apiImpl) Download(ctx context.Context, path string) (res []byte, err error) {
	res, err = (*base.Context)(dbx).Execute(ctx, "/files/download")
	if err != nil {
		err = autherr.ParseError(err)
		return
	}
	return res, nil
}

func (dbx *apiImpl) Delete(ctx context.Context, path string) error {
	_, err := (*base.Context)(dbx).Execute(ctx, "/files/delete")
	if err != nil {
		return autherr.ParseError(err)
	}
	return nil
}
