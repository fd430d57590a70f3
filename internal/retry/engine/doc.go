// Package engine is the retry check's evaluator and flows, apart from the
// check.
//
// Resends (ssaflow.go and the files beside it) follows, on the SSA form of
// a send's function, the statuses of its response along every path to the
// same send again: a retry loop's next round, a function calling itself
// (Recurses), a retry helper calling its attempt again (Repeats), an
// operation returning an error its retry library retries (Operation);
// Decision reads a decision alone, its parameters standing for what a
// send returned, to where it returns true. What it cannot see in
// the code in front of it (a decision's or an error's fact, a list's
// statuses, whether a function waits as Retry-After says) it asks the
// check through Known.
//
// After follows the value of a response's Retry-After header to the waits
// it reaches; StatusOnly says whether a send's response is read for its
// status alone (a poll's).
//
// SentErrors follows a sender's statuses from its send to its returns,
// and Checked a check's or a translator's from its entry: what the
// function's error says of the status (facts.Err); NeverNil and
// MadeErrTypes say whether a function makes an error on every path and
// of which types.
//
// The statuses are codeset.Sets, and the facts read are package facts'.
// The tests run the engine alone, with a Known that knows nothing or what
// each case says.
package engine
