// Package clients calls two APIs: the apis entry of its module's
// .statuslint.yaml gives requests to the Kafka API that API's table; the
// others are judged by the module's.
package clients

import "net/http"

const kafkaBase = "https://kafka.example.com/v2"

// A request to the Kafka API: its table says not to re-send after 404.
func Instance(c *http.Client, id string) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get(kafkaBase + "/instances/" + id)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): huaweicloud says to modify the request`
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, nil
}

// A request elsewhere: the module's table judges it.
func Item(c *http.Client, id string) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get("https://items.example.com/items/" + id)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): configured-api says to modify the request`
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, nil
}

// A host that only starts as the Kafka API's does is not that API.
func Lookalike(c *http.Client) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get("https://kafka.example.community/x")
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound { // want `retrying on 404 \(Not Found\): configured-api says to modify the request`
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, nil
}

// Comparisons of a Kafka API response are judged by that API's table,
// which documents 409 and lists 306 as unused.
func Create(c *http.Client, id string) bool {
	resp, err := c.Post(kafkaBase+"/instances/"+id, "application/json", nil)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode == 306 { // want `status 306 in comparison with resp.StatusCode is listed as unused by huaweicloud`
		return false
	}
	return resp.StatusCode == http.StatusConflict
}

// Elsewhere, the module's table, which documents 200 and 404 only.
func CreateItem(c *http.Client, id string) bool {
	resp, err := c.Post("https://items.example.com/items/"+id, "application/json", nil)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusConflict // want `status 409 \(Conflict\) in comparison with resp.StatusCode is not documented by configured-api`
}

// A response that may come from either API is judged by the module's
// table, as is one handed in.
func Either(c *http.Client, id string, kafka bool) bool {
	resp, err := c.Get("https://items.example.com/items/" + id)
	if kafka {
		resp, err = c.Get(kafkaBase + "/instances/" + id)
	}
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusConflict // want `status 409 \(Conflict\) in comparison with resp.StatusCode is not documented by configured-api`
}

func HandedIn(resp *http.Response) bool {
	return resp.StatusCode == http.StatusConflict // want `status 409 \(Conflict\) in comparison with resp.StatusCode is not documented by configured-api`
}
