// Package transfer retries downloads through an interface of its own
// that the service package's client implements, deciding by the typed
// errors of autherr.
package transfer

import (
	"context"
	"errors"
	"time"

	"retry/layered/autherr"
	"retry/layered/base"
	"retry/layered/files"
)

// DownloadClient is what a Downloader needs of files.Client.
type DownloadClient interface {
	Download(ctx context.Context, path string) ([]byte, error)
}

// Downloader downloads with retries.
type Downloader struct {
	client DownloadClient
}

// NewDownloader returns a Downloader over the service's client.
func NewDownloader(c *base.Context) *Downloader {
	return &Downloader{client: files.New(c)}
}

func isRetryable(err error) bool {
	if err == nil {
		return false
	}
	var serverErr autherr.ServerError
	if errors.As(err, &serverErr) {
		return true
	}
	return false
}

// Download re-sends the same download after a 5xx: 503 among them.
func (d *Downloader) Download(ctx context.Context, path string) ([]byte, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		b, err := d.client.Download(ctx, path)
		if err != nil {
			if !isRetryable(err) { // want `retrying on 503 \(Service Unavailable\)`
				return nil, err
			}
			lastErr = err
			time.Sleep(time.Second << attempt)
			continue
		}
		return b, nil
	}
	return nil, lastErr
}

// Next moves on to the next path after a failure: a new request each
// round, not a re-send.
func (d *Downloader) Next(ctx context.Context, paths []string) error {
	for _, p := range paths {
		if _, err := d.client.Download(ctx, p); err != nil && isRetryable(err) {
			continue
		}
	}
	return nil
}
