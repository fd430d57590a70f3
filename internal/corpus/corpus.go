// Package corpus generates Go code that talks HTTP, for statuslint's
// benchmarks and fix tests: handlers, clients, retry loops and predicates,
// wrappers, and plain code.
package corpus

import (
	"fmt"
	"strings"
)

// FindingsPerBlock is what statuslint reports in each block: 405 in
// http.Error, 200 through respond, 200 and 201 in a switch case, and a
// retry on 503 (>= 500). FixesPerBlock of them have a fix.
const (
	FindingsPerBlock = 5
	FixesPerBlock    = 4
)

// Generate writes n blocks (180 make ~10k lines) of mixed HTTP code: handlers, clients,
// retry loops and predicates, wrappers, and plain code.
func Generate(n int) string {
	var b strings.Builder
	b.WriteString("package corpus\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\n")
	for i := range n {
		fmt.Fprintf(&b, `func handler%[1]d(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method", 405)
		return
	}
	respond%[1]d(w, 200, "ok")
}

func respond%[1]d(w http.ResponseWriter, code int, body string) {
	w.WriteHeader(code)
	w.Write([]byte(body))
}

func statusFor%[1]d(err error) int {
	if err != nil {
		return 500
	}
	return http.StatusOK
}

func client%[1]d(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		switch resp.StatusCode {
		case 200, 201:
			return resp, nil
		case http.StatusRequestTimeout:
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode >= 500 {
			continue
		}
		return resp, nil
	}
	return nil, nil
}

func shouldRetry%[1]d(code int) bool {
	return code == http.StatusBadGateway || code == 504
}

func sum%[1]d(xs []int) int {
	total := 0
	for i := 0; i < len(xs); i++ {
		if xs[i] == 200 {
			total += xs[i]
		}
	}
	return total
}

`, i)
	}
	return b.String()
}
