// Package analyzer defines statuslint's analyzer, which checks the HTTP
// status codes a Go program writes, compares and retries against an API's
// status-code table.
//
// # Analyzer statuslint
//
// statuslint: check HTTP status codes against the API's status-code table
//
// The table (flag -codes: a built-in profile, "huaweicloud" by default, or
// a file in RST, Markdown, YAML or JSON) lists the codes an API documents and
// whether a client may retry each. Every status value that reaches a status
// sink is checked. Sinks are the status arguments of
// (http.ResponseWriter).WriteHeader and any WriteHeader(int) method of a
// ResponseWriter, http.Error, http.Redirect, http.RedirectHandler and
// http.StatusText; the responders of gin, echo, chi render, fiber,
// fasthttp, huma, go-restful, go-openapi's runtime and gorilla handlers;
// the mock responses of httpmock, gock, apitest and httpexpect; testify's
// Equal and HTTPStatusCode assertions, Equal-named helpers, quicktest's and
// gomega's equality checks; status fields (http.Response.StatusCode,
// httptest.ResponseRecorder.Code, integer fields named StatusCode,
// HTTPStatus or HttpStatusCode), status methods and variables in composite
// literals, assignments, == and != comparisons and switch cases; the
// project's own wrappers of these, variadic and behind interfaces, found
// across packages; constants that travel to a sink through a variable or a
// struct field; and the sinks named by -sinks.
//
// Each finding has a check ID as its category; checks.md describes every
// check, with bad and good code, and "statuslint -explain ID" prints one.
// -checks selects the checks that run (all,-SL2001), and a comment
// "//lint:ignore SL1001 reason" on the line before a finding or at the end
// of its line silences it.
package analyzer
