package loops

import (
	"net/http"
	"strconv"
	"time"
)

// Negative: 429 is retried after the wait its Retry-After asks for, read
// ten helpers down (an SDK's layers of its own): however deep the reader,
// the loop waits for it.
func deepWaitRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return
		}
		wait1(resp)
	}
}

func wait1(r *http.Response) { wait2(r) }
func wait2(r *http.Response) { wait3(r) }
func wait3(r *http.Response) { wait4(r) }
func wait4(r *http.Response) { wait5(r) }
func wait5(r *http.Response) { wait6(r) }
func wait6(r *http.Response) { wait7(r) }
func wait7(r *http.Response) { wait8(r) }
func wait8(r *http.Response) { wait9(r) }
func wait9(r *http.Response) { wait10(r) }

func wait10(r *http.Response) {
	secs, _ := strconv.Atoi(r.Header.Get("Retry-After"))
	time.Sleep(time.Duration(secs) * time.Second)
}

// Positive: the same chain of helpers, with no reader at its end.
func deepNoWaitRetry(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After`
			return
		}
		pause1(resp)
	}
}

func pause1(r *http.Response) { pause2(r) }
func pause2(r *http.Response) { pause3(r) }
func pause3(r *http.Response) { pause4(r) }
func pause4(r *http.Response) { pause5(r) }
func pause5(r *http.Response) { pause6(r) }
func pause6(r *http.Response) { pause7(r) }
func pause7(r *http.Response) { pause8(r) }
func pause8(r *http.Response) { pause9(r) }
func pause9(r *http.Response) { pause10(r) }

func pause10(r *http.Response) {
	r.Body.Close()
	time.Sleep(time.Second)
}
