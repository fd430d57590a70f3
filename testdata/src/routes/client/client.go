// Package client calls the API of testdata/specs/routes.yaml; each
// request whose method and URL resolve is tied to its operation.
package client

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

type Client struct {
	hc      *http.Client
	baseURL string
}

// Positive: DELETE documents 204, 404 and 409; 410 never comes.
func (c *Client) Delete(project string, id int) error {
	req, err := http.NewRequest(http.MethodDelete, c.baseURL+"/"+project+"/instances/"+strconv.Itoa(id), nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusNotFound:
		return nil
	case http.StatusGone: // want `status 410 \(Gone\) in comparison with resp.StatusCode: DELETE /v2/\{project_id\}/instances/\{instance_id\} never returns it \(documented: 204, 404, 409\)`
		return nil
	}
	return fmt.Errorf("status %d", resp.StatusCode)
}

// Positive: fmt.Sprintf with the base path in a constant URL.
func health() bool {
	resp, err := http.Get(fmt.Sprintf("https://api.example.com/v2/%s", "health"))
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusNoContent // want `status 204 \(No Content\) in comparison with resp.StatusCode: GET /v2/health never returns it`
}

// Negative: url.JoinPath, and a class documents 404.
func list(base, project string) bool {
	u, err := url.JoinPath(base, project, "instances")
	if err != nil {
		return false
	}
	resp, err := http.Get(u)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusNotFound
}

// Negative: a URL that cannot be known is tied to nothing.
func unknown(hc *http.Client, u string) bool {
	resp, err := hc.Get(u + "?x=1")
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusGone
}

// Retries follow the operation's own guidance: DELETE's 409 may be
// re-sent unchanged (x-statuslint-retry), POST's 400 may not.
func (c *Client) deleteRetry(project, id string) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("DELETE", c.baseURL+"/"+project+"/instances/"+id, nil)
		resp, err := c.hc.Do(req)
		if err != nil || resp.StatusCode != http.StatusConflict {
			return
		}
	}
}

func (c *Client) createRetry(project string) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("POST", c.baseURL+"/"+project+"/instances", nil)
		resp, err := c.hc.Do(req)
		if err != nil || resp.StatusCode != http.StatusBadRequest { // want `retrying on 400 \(Bad Request\): routes.yaml for createInstance says to modify the request instead of re-initiating it`
			return
		}
	}
}

// Negative: the API-wide table says never for 400 (createInstance's
// response), but this request's operation, listInstances, documents 400
// by its 4XX class, which says nothing about retrying.
func (c *Client) listRetry(project string) *http.Response {
	for i := 0; i < 3; i++ {
		resp, err := c.hc.Get(c.baseURL + "/" + project + "/instances")
		if err == nil && resp.StatusCode != http.StatusBadRequest {
			return resp
		}
	}
	return nil
}
