package undocumented

import "net/http"

const teapot = http.StatusTeapot

type Status int

const Redirect Status = 307

func handler(w http.ResponseWriter, r *http.Request, resp *http.Response) {
	w.WriteHeader(http.StatusTeapot)                       // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by huaweicloud: clients of the API do not expect it`
	w.WriteHeader(teapot)                                  // want `status 418 \(I'm a teapot\) in WriteHeader is not documented by huaweicloud`
	http.Redirect(w, r, "/", http.StatusTemporaryRedirect) // want `status 307 \(Temporary Redirect\) in http.Redirect is not documented by huaweicloud`
	w.WriteHeader(int(Redirect))                           // want `status 307 \(Temporary Redirect\) in WriteHeader is not documented`
	w.WriteHeader(451)                                     // want `raw status code 451 in WriteHeader: use http.StatusUnavailableForLegalReasons` `status 451 \(Unavailable For Legal Reasons\) in WriteHeader is not documented by huaweicloud`
	w.WriteHeader(299)                                     // want `raw status code 299 in WriteHeader: net/http has no constant for it; declare a named constant` `status 299 in WriteHeader is not documented by huaweicloud`
	if resp.StatusCode == http.StatusPermanentRedirect {   // want `status 308 \(Permanent Redirect\) in comparison with resp.StatusCode is not documented by huaweicloud: by the table the API never returns it, so this comparison cannot match its responses`
	}
	w.WriteHeader(306) // want `raw status code 306 in WriteHeader: net/http has no constant for it` `status 306 in WriteHeader is listed as unused by huaweicloud: use a status the API still uses`

	w.WriteHeader(0)           // want `invalid status 0 in WriteHeader: HTTP status codes are 100-999 and net/http panics on others`
	w.WriteHeader(1000)        // want `invalid status 1000 in WriteHeader`
	w.WriteHeader(-1)          // want `invalid status -1 in WriteHeader`
	resp.StatusCode = 0        // want `invalid status 0 in assignment to resp.StatusCode`
	if resp.StatusCode == 99 { // want `invalid status 99 in comparison with resp.StatusCode`
	}

	// One finding per status per statement.
	http.Error(w, http.StatusText(http.StatusTeapot), http.StatusTeapot) // want `status 418 \(I'm a teapot\) in http.Error is not documented by huaweicloud`

	// Documented codes, non-constant codes and unset-status tests pass.
	w.WriteHeader(http.StatusNotFound)
	w.WriteHeader(http.StatusTooManyRequests)
	w.WriteHeader(resp.StatusCode)
	if resp.StatusCode == 0 {
	}
	if resp.StatusCode > 307 {
	}
}
