package client

import (
	"context"
	"net/http"
)

// A client's own helpers: each makes one request from its parameters and
// sends it; the calls are tied to the operations their arguments name.

func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *Client) send(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Positive: through get, GET /v2/health, which never returns 404.
func (c *Client) Health(ctx context.Context) bool {
	resp, err := c.get(ctx, "/health")
	if err != nil {
		return false
	}
	return resp.StatusCode != http.StatusNotFound // want `status 404 \(Not Found\) in comparison with resp.StatusCode: GET /v2/health never returns it`
}

// Positive: through send, with the method as an argument.
func (c *Client) Remove(ctx context.Context, project, id string) bool {
	resp, err := c.send(ctx, http.MethodDelete, "/"+project+"/instances/"+id)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusGone // want `status 410 \(Gone\) in comparison with resp.StatusCode: DELETE /v2/\{project_id\}/instances/\{instance_id\} never returns it`
}

// Negative: a method that is no constant is tied to nothing.
func (c *Client) Any(ctx context.Context, method string) bool {
	resp, err := c.send(ctx, method, "/health")
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusGone
}

// Negative: a helper that sends twice is no one request.
func (c *Client) twice(ctx context.Context, path string) (*http.Response, error) {
	if _, err := http.Get(c.baseURL + path); err != nil {
		return nil, err
	}
	return http.Get(c.baseURL + path)
}

func (c *Client) Twice(ctx context.Context) bool {
	resp, err := c.twice(ctx, "/health")
	return err == nil && resp.StatusCode == http.StatusGone
}

// Positive: a helper over a helper (as Docker's client: get calls
// sendRequest, which makes the request).
func (c *Client) sendRequest(ctx context.Context, method, path string) (*http.Response, error) {
	return c.send(ctx, method, path)
}

func (c *Client) del(ctx context.Context, path string) (*http.Response, error) {
	return c.sendRequest(ctx, http.MethodDelete, path)
}

func (c *Client) RemoveThrough(ctx context.Context, project, id string) bool {
	resp, err := c.del(ctx, "/"+project+"/instances/"+id)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusGone // want `status 410 \(Gone\) in comparison with resp.StatusCode: DELETE /v2/\{project_id\}/instances/\{instance_id\} never returns it`
}
