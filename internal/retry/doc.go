// Package retry is the statusretry pass: it finds re-sends of statuses the
// API says not to re-send (SL2001) or to re-send only after Retry-After
// (SL2002), in retry loops, recursive retries, the package's retry helpers
// (helpers.go), retry libraries' hooks and policies, with facts for retry
// decisions (over a status, a response or an error), error-returning
// senders and the statuses of the error types they make, and retry
// helpers.
//
// Its flow engine (flow.go) evaluates which statuses reach each statement
// of a loop or predicate; code sets (codeset.go) are what it computes.
package retry
