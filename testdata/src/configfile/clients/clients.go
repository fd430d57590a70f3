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
