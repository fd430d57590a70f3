package loops

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"time"
)

// A condition whose first part tests the status and whose second does
// not: what fails the first part was decided by the status, whatever the
// second says (oci-go-sdk's getRegionForFederationClient).

type dispatcher interface {
	Do(req *http.Request) (*http.Response, error)
}

// fetchRegion sends one GET and returns the body, the status and an error
// for any status but 200.
func fetchRegion(d dispatcher, url string) (body bytes.Buffer, statusCode int, err error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := d.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	statusCode = resp.StatusCode
	if _, err = body.ReadFrom(resp.Body); err != nil {
		return
	}
	if statusCode != http.StatusOK {
		err = errors.New("unexpected status")
	}
	return
}

func regionOf(d dispatcher, url string) (string, error) {
	var err error
	for try := 0; try < 8; try++ {
		var body bytes.Buffer
		var code int
		body, code, err = fetchRegion(d, url)
		if err == nil && code == 200 { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			return body.String(), nil
		}
		time.Sleep(time.Second << try)
	}
	return "", err
}

// The status test first, a test of the body second: every status but 200
// goes round.
func untilReady(c *http.Client, req *http.Request) ([]byte, error) {
	for try := 0; try < 5; try++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK && len(body) > 0 { // want `retrying on 400 \(Bad Request\), 403 \(Forbidden\), 404 \(Not Found\), 405 \(Method Not Allowed\) and 503 \(Service Unavailable\): huaweicloud says` `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			return body, err
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("not ready")
}

// What passes the status test goes round only as the body says: below 500
// that is the body's to decide (a 429 or a 400 that says "slow down"), so
// only the server errors are reported.
func bodyDecides(c *http.Client, req *http.Request) error {
	for try := 0; try < 5; try++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode < 500 && !bytes.Contains(body, []byte("slow down")) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// The same decision with || and continue: server errors go round, and
// what the body sends round is not reported.
func bodyDecidesOr(c *http.Client, req *http.Request) error {
	for try := 0; try < 5; try++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 500 || bytes.Contains(body, []byte("slow down")) { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("gave up")
}

// Negative: the second part ends the loop for what the status test lets
// through, and every other status leaves too: nothing goes round on a
// status.
func leavesEither(c *http.Client, req *http.Request, ok func() bool) error {
	for try := 0; try < 5; try++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || ok() {
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

// What passes the status test and then goes round because of what the
// body says (minio-go's executeMethod: isS3CodeRetryable of the code in
// the error parsed from the body) was not decided by the status: only the
// status that goes round by its own test is reported.
type s3Error struct {
	StatusCode int
	Code       string
}

func (e s3Error) Error() string { return e.Code }

func parseS3Error(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return s3Error{StatusCode: resp.StatusCode, Code: resp.Header.Get("X-Code")}
}

func asS3Error(err error) s3Error {
	var e s3Error
	errors.As(err, &e)
	return e
}

func s3CodeRetryable(code string) bool { return code == "SlowDown" }

func s3Like(c *http.Client, req *http.Request, strict bool) (*http.Response, error) {
	var res *http.Response
	var err error
	for try := 0; try < 5; try++ {
		res, err = c.Do(req)
		if err != nil {
			continue
		}
		success := res.StatusCode >= 200 && res.StatusCode < 300
		if success && !strict {
			return res, nil
		}
		apiErr := parseS3Error(res)
		if apiErr == nil {
			return res, nil
		}
		e := asS3Error(apiErr)
		err = e
		if s3CodeRetryable(e.Code) {
			time.Sleep(time.Second)
			continue
		}
		if res.StatusCode == http.StatusServiceUnavailable { // want `retrying on 503 \(Service Unavailable\): huaweicloud says`
			continue
		}
		break
	}
	return res, err
}

// rateLimited is a rate limit's body: how long to wait, and whether the
// server says to try again.
type rateLimited struct {
	RetryAfter time.Duration
	Global     bool
}

// Positive: the wait is decoded from the body, and a body that cannot be
// decoded ends the loop (discordgo's 429): whether it could be decoded is
// not what it says, so the 429 test decides the re-send.
func decodedWait(c *http.Client, req *http.Request, unmarshal func([]byte, any) error) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusTooManyRequests { // want `retrying on 429 \(Too Many Requests\) without reading Retry-After: huaweicloud says`
			return nil
		}
		var rl rateLimited
		if err := unmarshal(body, &rl); err != nil {
			return err
		}
		time.Sleep(rl.RetryAfter)
	}
}

// Negative: what the decoded body says decides the re-send.
func decodedDecides(c *http.Client, req *http.Request, unmarshal func([]byte, any) error) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		var rl rateLimited
		if err := unmarshal(body, &rl); err != nil {
			return err
		}
		if !rl.Global {
			return errors.New("rate limited")
		}
		time.Sleep(rl.RetryAfter)
	}
}
