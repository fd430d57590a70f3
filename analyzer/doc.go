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
// http.StatusText; the responders of gin, echo, chi render, fiber and
// gorilla handlers; testify's Equal and HTTPStatusCode assertions; status
// fields (http.Response.StatusCode, httptest.ResponseRecorder.Code, integer
// fields named StatusCode, HTTPStatus or HttpStatusCode) in composite
// literals, assignments, == and != comparisons and switch cases; the
// project's own wrappers of these, found across packages; and the sinks
// named by -sinks.
//
// SL1001 raw status literal: an integer literal (or an expression built only
// from literals) used as a status, such as w.WriteHeader(404). The fix
// replaces it with the named constant: http.StatusNotFound, or with
// -constants=<import path> the constant of that package with the same value.
// Relational comparisons (resp.StatusCode >= 400) are class checks and are
// not flagged.
//
// SL1002 undocumented status: a status the table does not list, literal or
// named (http.StatusTeapot).
//
// SL1003 unused status: a status the table lists as no longer used (306).
//
// SL1004 invalid status: a constant outside 100-999 where a status is
// written; net/http panics on it. Comparing a status with 0, the value of an
// unset status, is not flagged.
//
// SL2001 retry on a status the table says must not be retried: a loop, a
// self-recursive function, a retry predicate or a retry library's hook that
// sends the same request again after such a status.
//
// SL2002 retry on a status the table says to retry only after the
// response's Retry-After time (429), by code that never reads Retry-After.
package analyzer
