package travel

import "net/http"

// A local assigned on several paths: every constant stored is a status.
func handler(w http.ResponseWriter, err error) {
	statusCode := 0
	if err != nil {
		statusCode = 499 // want `raw status code 499 in http.Error \(through statusCode\): net/http has no constant for it; declare a named constant` `status 499 in http.Error \(through statusCode\) is not documented by huaweicloud`
	} else {
		statusCode = 500 // want `raw status code 500 in http.Error \(through statusCode\): use http.StatusInternalServerError`
	}
	http.Error(w, "x", statusCode)

	// A count that never reaches a sink is no status.
	n := 3
	for i := 0; i < n; i++ {
		w.Write(nil)
	}
}
