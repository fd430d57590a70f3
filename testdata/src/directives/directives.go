package directives

import "net/http"

func Silenced(w http.ResponseWriter) {
	//lint:ignore SL1001 the line after the directive
	w.WriteHeader(404)

	w.WriteHeader(404) //lint:ignore SL1001 at the end of the line

	//lint:ignore SA1019,SL1001 another tool's check beside ours
	w.WriteHeader(404)

	//nolint:statuslint // golangci-lint's form, honoured everywhere
	w.WriteHeader(404)

	//nolint:all
	w.WriteHeader(
		404,
	)

	//nolint
	w.WriteHeader(404)

	// nolint:statuslint // with a space, as golangci-lint reads it too
	w.WriteHeader(404)
}

func NotSilenced(w http.ResponseWriter) {
	//nolint:errcheck
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`

	//lint:ignore SL1001 covers the next line only // want `this directive silences no SL1001 finding`

	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`

	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`
	w.WriteHeader(404) //lint:ignore SL1001 this line only

	//lint:ignore SL1002 wrong check // want `this directive silences no SL1002 finding: the code it was written for has changed; remove it`
	w.WriteHeader(404) // want `raw status code 404 in WriteHeader: use http.StatusNotFound`

	//lint:ignore SA1019 only another tool's check: not ours to judge
	w.WriteHeader(http.StatusOK)
}

func Malformed(w http.ResponseWriter) {
	/* want `malformed //lint:ignore directive: it gives no reason; write //lint:ignore SL1001\[,SL2001\] reason` */ //lint:ignore SL1001
	w.WriteHeader(404)                                                                                               // want `raw status code 404`

	/* want `malformed //lint:ignore directive: it names no check` */ //lint:ignore
	w.WriteHeader(http.StatusOK)

	//lint:ignore SL1009 no such check // want `malformed //lint:ignore directive: statuslint has no check SL1009`
	w.WriteHeader(http.StatusOK)
}
