package app

import "net/http"

type endpointCase struct {
	path string
	code int
}

// Local functions are wrappers too: a handler factory, a reply helper,
// and the test table whose code field reaches the factory.
func localMux(mux *http.ServeMux) {
	endpoint := func(code int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }
	}
	mux.Handle("/down", endpoint(503)) // want `raw status code 503 in endpoint: use http.StatusServiceUnavailable`
	var reply = func(w http.ResponseWriter, code int) { w.WriteHeader(code) }
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { reply(w, 404) }) // want `raw status code 404 in reply: use http.StatusNotFound`
	for _, tc := range []endpointCase{{"/a", 502}, {"/b", http.StatusOK}} {                 // want `raw status code 502 in endpoint \(through code\): use http.StatusBadGateway`
		mux.Handle(tc.path, endpoint(tc.code))
	}

	// Negative: a count, not a status.
	repeat := func(w http.ResponseWriter, n int) {
		for i := 0; i < n; i++ {
			w.Write([]byte("."))
		}
	}
	repeat(nil, 3)

	// Negative: given two literals, so which one runs is not known.
	pick := func(w http.ResponseWriter, code int) { w.WriteHeader(code) }
	pick = func(w http.ResponseWriter, n int) {}
	pick(nil, 3)
}

type logParams struct{ StatusCode int }

// A local function that stores its parameter in a status field: values
// below 100 given to it are no status (gin's test of the colour of code
// 2), values above are.
func colours() {
	colourOf := func(code int) string {
		p := logParams{StatusCode: code}
		if p.StatusCode >= http.StatusInternalServerError {
			return "red"
		}
		return "white"
	}
	_ = colourOf(2)
	_ = colourOf(404) // want `raw status code 404 in colourOf: use http.StatusNotFound`
}
