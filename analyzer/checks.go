package analyzer

// A Check is one of statuslint's checks; its ID is the Category of its
// diagnostics.
type Check struct {
	ID, Title string
}

// Checks lists every check, for reports that describe their rules (SARIF).
var Checks = []Check{
	{CheckRawLiteral, "raw status literal: use the named constant"},
	{CheckUndocumented, "status not documented by the API's status-code table"},
	{CheckUnused, "status the API's table lists as no longer used"},
	{CheckInvalid, "invalid status: outside 100-999"},
	{CheckRetryNever, "retry on a status the API says to fix the request for, not re-send"},
	{CheckRetryAfterWait, "retry on a status the API says to retry only after Retry-After, without reading it"},
}
